/** Puts the relay together on an HTTP server: the JSON API, the sync sockets, storage and accounts. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { openDatabase, type Db } from './store/database';
import { createSqliteDocStore } from './store/sqlite-store';
import { createAccountsStore, type AccountsStore } from './store/accounts-store';
import { DEFAULT_SESSION_OPTIONS, Sessions, type SessionOptions } from './auth/sessions';
import { DEFAULT_SYNC_LIMITS, SyncServer, type SyncLimits } from './sync/sync-server';
import { handleApi, isApiRequest } from './http/api';
import type { Logger } from './log';
import type { Invite } from './store/accounts-store';

/** Options of a relay. */
export interface RelayOptions {
  dataDir: string;
  log: Logger;
  limits?: Partial<SyncLimits>;
  sessions?: Partial<SessionOptions>;
}

/** A running relay attached to an HTTP server. */
export interface Relay {
  db: Db;
  accounts: AccountsStore;
  sessions: Sessions;
  sync: SyncServer;
  /** A new one-time link token that makes its opener an Administrator. */
  createAdminInvite(): Invite;
  /** Commits every room and closes the database. */
  close(): Promise<void>;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Opens the relay's data folder and serves /api and /sync on `server`, in front of its existing request handlers. */
export function attachRelay(server: Server, options: RelayOptions): Relay {
  const db = openDatabase(options.dataDir);
  const docs = createSqliteDocStore(db);
  const accounts = createAccountsStore(db);
  const sessions = new Sessions(accounts, { ...DEFAULT_SESSION_OPTIONS, ...options.sessions });
  const sync = new SyncServer(docs, (token) => sessions.authenticate(token), { ...DEFAULT_SYNC_LIMITS, ...options.limits }, options.log);
  const context = { sessions, accounts, docs, sync, log: options.log, startedAt: Date.now() };

  const previous = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (isApiRequest(request)) void handleApi(context, request, response);
    else if (previous.length > 0) for (const listener of previous) listener.call(server, request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  server.on('upgrade', (request, socket, head: Buffer) => {
    if (sync.handles(request)) void sync.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  let closed = false;
  return {
    db,
    accounts,
    sessions,
    sync,
    createAdminInvite: () => sessions.invite('admin', false, null),
    async close() {
      if (closed) return;
      closed = true;
      await sync.close();
      db.close();
    },
  };
}
