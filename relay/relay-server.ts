/** Puts the relay together on an HTTP server: the JSON API, the sync sockets, storage and accounts. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { openDatabase, openRebuildableConnection, type Db } from './store/database';
import { createSqliteDocStore } from './store/sqlite-store';
import { createAccountsStore, type AccountsStore } from './store/accounts-store';
import { DEFAULT_SESSION_OPTIONS, Sessions, type SessionOptions } from './auth/sessions';
import { DEFAULT_SYNC_LIMITS, SyncServer, type SyncLimits } from './sync/sync-server';
import { handleApi, isApiRequest, type ApiContext } from './http/api';
import { RecordIndex } from './index/record-index';
import { RecordHistory } from './index/record-history';
import { createBlobStore } from './store/blob-store';
import type { Logger } from './log';
import type { Invite } from './store/accounts-store';
import { setUpOrg } from './org/org-owner';
import { DocStates, warmingStatesOnCompact } from './http/doc-state';

/** Default size limit of one blob: a large photo or a document scan. */
export const DEFAULT_MAX_BLOB_BYTES = 16 * 1024 * 1024;

/** Options of a relay. */
export interface RelayOptions {
  dataDir: string;
  log: Logger;
  limits?: Partial<SyncLimits>;
  sessions?: Partial<SessionOptions>;
  /** Largest blob accepted (default 16 MiB). */
  maxBlobBytes?: number;
}

/** A running relay attached to an HTTP server. */
export interface Relay {
  db: Db;
  accounts: AccountsStore;
  sessions: Sessions;
  sync: SyncServer;
  /**
   * Sets up or migrates the org document and lists every account's name in it; call once at start.
   * Rejects with NewerSchemaError (nothing written) for a data folder written by a newer app.
   */
  setUpOrg(): Promise<void>;
  /** A new one-time link token that makes its opener an Administrator. */
  createAdminInvite(): Invite;
  /** Commits every room and closes the database. */
  close(): Promise<void>;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Opens the relay's data folder and serves /api and /sync on each server (HTTP, HTTPS), in front of its existing request handlers. */
export function attachRelay(servers: Server | (Server | HttpsServer)[], options: RelayOptions): Relay {
  const db = openDatabase(options.dataDir);
  const docs = createSqliteDocStore(db);
  const accounts = createAccountsStore(db);
  const sessions = new Sessions(accounts, { ...DEFAULT_SESSION_OPTIONS, ...options.sessions });
  const indexDb = openRebuildableConnection(options.dataDir);
  const index = new RecordIndex(indexDb, docs, options.log);
  const states = new DocStates(docs, options.log);
  const sync = new SyncServer(warmingStatesOnCompact(docs, states), (token) => sessions.authenticate(token), { ...DEFAULT_SYNC_LIMITS, ...options.limits }, options.log, index);
  const context: ApiContext = {
    sessions,
    accounts,
    docs,
    sync,
    log: options.log,
    startedAt: Date.now(),
    index,
    history: new RecordHistory(docs),
    blobs: createBlobStore(db),
    maxBlobBytes: options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES,
    states,
  };

  for (const server of Array.isArray(servers) ? servers : [servers]) {
    const previous = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (isApiRequest(request)) void handleApi(context, request, response);
      else if (previous.length > 0) for (const listener of previous) listener.call(server, request, response);
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (sync.handles(request)) void sync.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  }

  let closed = false;
  return {
    db,
    accounts,
    sessions,
    sync,
    createAdminInvite: () => sessions.invite('admin', false, null),
    setUpOrg: () => setUpOrg(sync, accounts.list(), options.log),
    async close() {
      if (closed) return;
      closed = true;
      await sync.close();
      await context.states.close();
      indexDb.close();
      db.close();
    },
  };
}
