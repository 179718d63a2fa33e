/**
 * The app's side of office sync: keeps an open engine's documents in step with the relay.
 * Each pass asks the relay which documents this user may open and which changed (/api/docs),
 * fetches never-seen documents whole over HTTP (fresh join), and syncs through a bounded pool of
 * stock y-websocket providers attached to the engine's own Y.Docs: org, prefs, shards with
 * unacknowledged changes and shards in use stay live; other changed shards get short passes.
 */
import type * as Y from 'yjs';
import type { Engine } from '../engine/engine';
import { ORG_DOC_ID, prefsDocId } from '../engine/ids';
import type { Row } from '../engine/rows';
import type { DatabaseDeps } from '../storage/database';
import {
  CLOSE_DOC_TOO_LARGE,
  CLOSE_MALFORMED,
  CLOSE_NO_ACCESS,
  CLOSE_READ_ONLY,
  CLOSE_RIGHTS_CHANGED,
  CLOSE_TOO_MANY_CONNECTIONS,
  CLOSE_UNAUTHENTICATED,
} from '../../relay/sync/close-codes';
import { RelayApi, RelayApiError, type Account, type DocListing } from './relay-api';
import { updateSessionUser, type StoredSession } from './session';
import type { SyncHandle, SyncStatus } from './sync-status';
import { accessMap, revokedBooks, writableUnlisted } from './doc-access';
import { chooseLive } from './choose-live';
import { connectionState } from './connection-state';
import { fetchDocStates } from './fresh-join';
import { localChangeMark, PendingChanges } from './pending-changes';
import { ProviderPool } from './provider-pool';
import { syncSocketUrl } from './relay-url';
import { blobRefs, syncBlobs } from './blob-sync';
import { markLocalBaseCopied, readLocalBaseRecords } from './local-base-copy';
import { insertStoredRecords } from '../engine/commands';
import { createKvWriter, readSyncMemory, SYNC_KEYS, type SyncMemory } from './sync-store';

/** At most this many sockets live at once (the relay allows 64 per user by default; other tabs and devices share them). */
export const DEFAULT_MAX_LIVE = 8;
/** How often the relay is asked what changed. */
export const DEFAULT_PASS_INTERVAL_MS = 15_000;

/** Close codes the relay sends, by meaning (the relay's own constants: one definition for both sides). */
export const CLOSE = {
  malformed: CLOSE_MALFORMED,
  unauthenticated: CLOSE_UNAUTHENTICATED,
  readOnly: CLOSE_READ_ONLY,
  noAccess: CLOSE_NO_ACCESS,
  tooLarge: CLOSE_DOC_TOO_LARGE,
  tooManySockets: CLOSE_TOO_MANY_CONNECTIONS,
  rightsChanged: CLOSE_RIGHTS_CHANGED,
} as const;

/** Knobs for tests and for running outside a browser. */
export interface SyncOptions {
  /** `ws` in Node. */
  WebSocketPolyfill?: typeof WebSocket;
  /** fake-indexeddb in Node: where the device's local base is looked for. */
  deps?: DatabaseDeps;
  maxLive?: number;
  passIntervalMs?: number;
  maxBackoffMs?: number;
  /** Whether the device's local base is copied into the account's book at first sign-in (default true). */
  copyLocalBase?: boolean;
}

/** A running sync, with a few read-only figures for tests. */
export interface SyncController extends SyncHandle {
  /** Ids of the documents with a live socket now. */
  liveDocs(): string[];
  /** Resolves when the first pass (listing, fresh join, local base copy) is done. */
  ready: Promise<void>;
}

/** Starts syncing `engine` with the relay at `base` ('' = this origin) under `session`. */
export function startSync(engine: Engine, session: StoredSession, base = '', options: SyncOptions = {}): SyncController {
  return new Sync(engine, session, base, options).handle();
}

class Sync {
  private readonly api: RelayApi;
  private user: Account;
  private memory: SyncMemory = { cursor: null, fetched: new Set(), pending: {}, uploadedBlobs: new Set(), localBaseCopied: false };
  private readonly pending = new PendingChanges();
  private readonly pool: ProviderPool;
  private readonly writeKv: (key: string, value: unknown) => Promise<void>;
  private readonly maxLive: number;

  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private readonly userListeners = new Set<(user: Account) => void>();
  private readonly cleanups: (() => void)[] = [];
  private lastStatus: SyncStatus;

  private stopped = false;
  private signedOut = false;
  private relayReachable: boolean | null = null;
  private everConnected = false;
  private joined = false;
  private refused: SyncStatus['refused'] = null;
  private docsToFetch = 0;

  /** Documents the app itself loaded (in use); those sync loads for a pass are not pinned. */
  private readonly inUse = new Set<string>();
  private readonly syncLoading = new Set<string>();
  /** Unsubscribes the transaction watcher of each loaded document. */
  private readonly docWatchers = new Map<string, () => void>();
  /** Changed on the relay since the last look, waiting for a pass. */
  private readonly passQueue = new Set<string>();
  private readonly passing = new Set<string>();
  /** Closed for good with a final code until rights are read again. */
  private readonly excluded = new Map<string, number>();
  private access = new Map<string, 'read' | 'read-write'>();
  private listedCursor: number | null = null;
  private needFullListing = true;
  private dirtyBlobRows = new Map<string, Row>();
  private passRunning: Promise<void> | null = null;
  private passAgain = false;
  private rightsTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly engine: Engine,
    session: StoredSession,
    base: string,
    private readonly options: SyncOptions,
  ) {
    this.api = new RelayApi(base, session.token);
    this.user = session.user;
    this.maxLive = options.maxLive ?? DEFAULT_MAX_LIVE;
    this.writeKv = createKvWriter(engine.db);
    this.pool = new ProviderPool(
      { url: syncSocketUrl(base), token: () => session.token, WebSocketPolyfill: options.WebSocketPolyfill, maxBackoffMs: options.maxBackoffMs },
      {
        relayState: (docId, stateVector) => this.onRelayState(docId, stateVector),
        closed: (docId, code, reason) => this.onClosed(docId, code, reason),
        changed: () => this.onSocketsChanged(),
      },
    );
    this.lastStatus = this.computeStatus();
  }

  handle(): SyncController {
    // The app does not wait for this: a failure is logged, and the base keeps working locally.
    const ready = this.begin().catch((error: unknown) => console.error('Sync with the office relay could not start:', error));
    return {
      api: this.api,
      ready,
      user: () => this.user,
      status: () => this.lastStatus,
      onStatus: (listener) => {
        this.statusListeners.add(listener);
        return () => this.statusListeners.delete(listener);
      },
      onUser: (listener) => {
        this.userListeners.add(listener);
        return () => this.userListeners.delete(listener);
      },
      syncNow: () => this.pass(),
      stop: () => this.stop(),
      liveDocs: () => this.pool.ids(),
    };
  }

  // ---- start and stop ---------------------------------------------------------------------

  private async begin(): Promise<void> {
    // Watch first: a command run while the stored memory is read is counted too.
    this.cleanups.push(this.pending.onChange(() => {
      void this.writeKv(SYNC_KEYS.pending, this.pending.toJSON());
      this.emitStatus();
      // An acknowledged shard may free a socket for one still waiting.
      this.scheduleReconcile();
    }));
    for (const [docId, { doc }] of this.engine.loadedDocs()) this.watchDoc(docId, doc, true);
    this.cleanups.push(this.engine.onDocLoaded((docId, doc) => this.watchDoc(docId, doc, !this.syncLoading.has(docId))));
    this.cleanups.push(this.engine.onDocUnloading((docId) => {
      this.pool.close(docId);
      this.inUse.delete(docId);
      this.docWatchers.get(docId)?.();
      this.docWatchers.delete(docId);
    }));
    this.cleanups.push(() => {
      this.docWatchers.forEach((unwatch) => unwatch());
      this.docWatchers.clear();
    });
    this.engine.setKeepLoaded((docId) => this.pending.has(docId) || this.passing.has(docId));
    this.cleanups.push(this.engine.onRows((changed) => {
      for (const row of changed) if (blobRefs(row).length > 0) this.dirtyBlobRows.set(row.id, row);
    }));
    for (const row of this.engine.rows.values()) if (blobRefs(row).length > 0) this.dirtyBlobRows.set(row.id, row);

    this.memory = await readSyncMemory(this.engine.db);
    if (this.stopped) return;
    this.pending.merge(this.memory.pending);
    for (const [docId, { doc }] of this.engine.loadedDocs()) this.pending.dropUnstored(docId, doc);
    // Shards with unacknowledged changes are loaded so their sockets can resend them.
    for (const docId of this.pending.docs()) void this.loadForSync(docId);
    if (typeof window !== 'undefined') {
      // Without a network the sockets could only fail and back off: they wait for 'online'.
      const online = () => {
        this.reconcile();
        void this.pass();
      };
      const offline = () => {
        this.pool.closeAll();
        this.emitStatus();
      };
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      this.cleanups.push(() => window.removeEventListener('online', online), () => window.removeEventListener('offline', offline));
    }
    const interval = this.options.passIntervalMs ?? DEFAULT_PASS_INTERVAL_MS;
    const timer = setInterval(() => void this.pass(), interval);
    this.cleanups.push(() => clearInterval(timer));
    await this.pass();
  }

  private async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.rightsTimer) clearTimeout(this.rightsTimer);
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    this.engine.setKeepLoaded(() => false);
    this.pool.closeAll();
    await this.passRunning?.catch(() => undefined);
    await this.writeKv(SYNC_KEYS.pending, this.pending.toJSON());
  }

  // ---- documents ---------------------------------------------------------------------------

  /** Notes the local transactions of a loaded document (the pending count). */
  private watchDoc(docId: string, doc: Y.Doc, inUse: boolean): void {
    if (inUse) this.inUse.add(docId);
    this.pending.dropUnstored(docId, doc);
    const onTransaction = (transaction: Y.Transaction) => {
      const mark = localChangeMark(doc, transaction);
      if (mark) {
        // Edited here: the shard is in use (its card is open), so it stays live while loaded.
        this.inUse.add(docId);
        this.pending.add(docId, mark);
      }
    };
    doc.on('afterTransaction', onTransaction);
    this.docWatchers.get(docId)?.();
    this.docWatchers.set(docId, () => doc.off('afterTransaction', onTransaction));
    this.reconcile();
  }

  private async loadForSync(docId: string): Promise<void> {
    if (this.engine.loadedDocs().has(docId) || this.syncLoading.has(docId)) return;
    this.syncLoading.add(docId);
    try {
      await this.engine.loadDoc(docId);
    } finally {
      this.syncLoading.delete(docId);
    }
    this.reconcile();
  }

  private reconcileScheduled = false;

  /** Reconciles once after the current task's changes (acknowledgements arrive in bursts). */
  private scheduleReconcile(): void {
    if (this.reconcileScheduled) return;
    this.reconcileScheduled = true;
    queueMicrotask(() => {
      this.reconcileScheduled = false;
      this.reconcile();
    });
  }

  /** Opens and closes sockets so the live set matches what is wanted now. */
  private reconcile(): void {
    if (this.stopped || this.signedOut || !this.joined || !browserOnline()) {
      if (this.joined) this.pool.closeAll();
      return;
    }
    const loaded = this.engine.loadedDocs();
    const chosen = chooseLive(
      {
        always: [ORG_DOC_ID, prefsDocId(this.user.id)],
        pending: this.pending.docs(),
        inUse: [...this.inUse].filter((docId) => loaded.has(docId)),
        passes: [...this.passing, ...this.passQueue],
      },
      this.maxLive,
      new Set(this.excluded.keys()),
    );
    const wanted = new Set(chosen);
    for (const docId of this.pool.ids()) if (!wanted.has(docId)) this.pool.close(docId);
    for (const docId of chosen) {
      if (this.passQueue.has(docId)) {
        this.passQueue.delete(docId);
        this.passing.add(docId);
      }
      const entry = loaded.get(docId);
      if (entry) this.pool.open(docId, entry.doc);
      else void this.loadForSync(docId);
    }
    this.finishPasses();
  }

  /** A pass over a document ends once it is synced and nothing local waits for the relay. */
  private finishPasses(): void {
    let finished = false;
    for (const docId of this.passing) {
      const socket = this.pool.socket(docId);
      if (socket?.synced && !this.pending.has(docId)) {
        this.passing.delete(docId);
        finished = true;
      }
    }
    if (this.passing.size === 0 && this.passQueue.size === 0 && this.listedCursor !== null && this.listedCursor !== this.memory.cursor) {
      this.memory.cursor = this.listedCursor;
      void this.writeKv(SYNC_KEYS.cursor, this.listedCursor);
    }
    if (finished) this.reconcile();
  }

  // ---- socket events -----------------------------------------------------------------------

  private onRelayState(docId: string, stateVector: Map<number, number>): void {
    this.pending.acknowledge(docId, stateVector);
    this.finishPasses();
    this.emitStatus();
  }

  private onSocketsChanged(): void {
    if (this.pool.ids().some((docId) => this.pool.socket(docId)?.synced)) {
      this.everConnected = true;
      this.relayReachable = true;
    }
    this.finishPasses();
    this.emitStatus();
  }

  private onClosed(docId: string, code: number, reason: string): void {
    switch (code) {
      case CLOSE.unauthenticated:
        this.signedOut = true;
        this.pool.closeAll();
        break;
      case CLOSE.readOnly:
      case CLOSE.tooLarge:
        // The relay refused a write: the document turns read-only here too, visibly.
        this.refused = { docId, code, reason };
        this.excluded.set(docId, code);
        this.passing.delete(docId);
        this.applyAccess();
        this.scheduleReconcile();
        break;
      case CLOSE.noAccess:
      case CLOSE.malformed:
        this.excluded.set(docId, code);
        this.passing.delete(docId);
        this.scheduleReconcile();
        break;
      case CLOSE.tooManySockets:
        // Final for the provider; tried again at the next pass, never in a loop.
        this.excluded.set(docId, code);
        this.scheduleReconcile();
        break;
      case CLOSE.rightsChanged:
        this.scheduleRightsRefresh();
        break;
    }
    this.emitStatus();
  }

  private scheduleRightsRefresh(): void {
    if (this.rightsTimer) return;
    this.rightsTimer = setTimeout(() => {
      this.rightsTimer = null;
      void this.refreshRights();
    }, 50);
  }

  /** Re-reads the account and its documents after the relay said the rights changed. */
  private async refreshRights(): Promise<void> {
    if (this.stopped || this.signedOut) return;
    try {
      const user = await this.api.me();
      this.setUser(user);
    } catch (error) {
      this.noteApiError(error);
      return;
    }
    this.rightsChanged();
    await this.pass();
  }

  /** New rights: the next listing is a full one, and refusals under the old rights are forgotten. */
  private rightsChanged(): void {
    this.needFullListing = true;
    this.excluded.clear();
    this.refused = null;
  }

  private setUser(user: Account): void {
    if (JSON.stringify(user) === JSON.stringify(this.user)) return;
    this.user = user;
    if (typeof localStorage !== 'undefined') updateSessionUser(user);
    this.userListeners.forEach((listener) => listener(user));
  }

  // ---- passes ------------------------------------------------------------------------------

  /** Runs one pass; a pass asked for while one runs runs once more after it. */
  private pass(): Promise<void> {
    if (this.passRunning) {
      this.passAgain = true;
      return this.passRunning;
    }
    this.passRunning = (async () => {
      do {
        this.passAgain = false;
        await this.passOnce();
      } while (this.passAgain && !this.stopped);
    })().finally(() => {
      this.passRunning = null;
    });
    return this.passRunning;
  }

  private async passOnce(): Promise<void> {
    if (this.stopped || this.signedOut) return;
    for (const [docId, code] of this.excluded) if (code === CLOSE.tooManySockets) this.excluded.delete(docId);
    try {
      // A rights change made while our sockets were reconnecting sends no 4100: ask every pass.
      const user = await this.api.me();
      if (user.role !== this.user.role || user.seeOnlyOwn !== this.user.seeOnlyOwn || user.disabled !== this.user.disabled) this.rightsChanged();
      this.setUser(user);
      const changed = await this.listChanges();
      const toFetch = changed.filter((doc) => !this.memory.fetched.has(doc.id)).map((doc) => doc.id);
      if (toFetch.length > 0) await this.freshJoin(toFetch);
      for (const doc of changed) {
        if (this.memory.fetched.has(doc.id) && !toFetch.includes(doc.id) && !this.pool.has(doc.id)) this.passQueue.add(doc.id);
      }
      this.joined = true;
      await this.copyLocalBaseOnce();
      this.reconcile();
      await this.syncBlobRows();
    } catch (error) {
      this.noteApiError(error);
      // Unreachable relay: sockets still retry with backoff and resend what waits.
      this.joined = true;
      this.reconcile();
    }
    this.emitStatus();
  }

  /** The documents to look at in this pass (all of them the first time), updating rights. */
  private async listChanges(): Promise<DocListing[]> {
    let changed: DocListing[];
    if (this.needFullListing) {
      const full = await this.api.listDocs();
      this.relayReachable = true;
      this.access = accessMap(this.user, full.docs);
      this.applyAccess();
      await this.forgetRevokedBooks();
      this.needFullListing = false;
      if (this.memory.cursor === null) {
        changed = full.docs;
        this.listedCursor = full.cursor;
      } else {
        const since = await this.api.listDocs(this.memory.cursor);
        changed = since.docs.concat(full.docs.filter((doc) => !this.memory.fetched.has(doc.id)));
        this.listedCursor = since.cursor;
      }
    } else {
      const since = await this.api.listDocs(this.listedCursor ?? this.memory.cursor ?? 0);
      this.relayReachable = true;
      changed = since.docs;
      this.listedCursor = since.cursor;
      let newDocs = false;
      for (const doc of since.docs) {
        if (this.access.get(doc.id) !== doc.access) {
          this.access.set(doc.id, doc.access);
          newDocs = true;
        }
      }
      if (newDocs) this.applyAccess();
    }
    this.emitStatus();
    const unique = new Map(changed.map((doc) => [doc.id, doc]));
    return [...unique.values()].filter((doc) => !this.excluded.has(doc.id));
  }

  /** Removes from this device the books the user may no longer open, so they do not linger there. */
  private async forgetRevokedBooks(): Promise<void> {
    const held = new Set([...this.engine.shardSizes().keys(), ...this.engine.loadedDocs().keys()]);
    const revoked = revokedBooks(this.user, held);
    if (revoked.length === 0) return;
    for (const docId of revoked) {
      this.pending.forget(docId);
      this.passQueue.delete(docId);
      // No socket for it until the rights are read again (they may come back).
      this.excluded.set(docId, CLOSE.noAccess);
      // Fetched afresh if the rights come back.
      this.memory.fetched.delete(docId);
    }
    await this.engine.forgetDocs(revoked);
    await this.writeKv(SYNC_KEYS.fetched, [...this.memory.fetched]);
  }

  private applyAccess(): void {
    const access = new Map(this.access);
    for (const [docId, code] of this.excluded) if (code === CLOSE.readOnly || code === CLOSE.tooLarge) access.set(docId, 'read');
    this.engine.setDocAccess(access, writableUnlisted(this.user));
  }

  private async freshJoin(docIds: string[]): Promise<void> {
    const result = await fetchDocStates(
      this.engine,
      this.api,
      docIds,
      (left) => {
        this.docsToFetch = left;
        this.emitStatus();
      },
      (docId) => this.memory.fetched.add(docId),
    );
    void this.writeKv(SYNC_KEYS.fetched, [...this.memory.fetched]);
    // Whatever HTTP could not give, a socket pass syncs.
    for (const docId of result.failed) {
      this.memory.fetched.add(docId);
      this.passQueue.add(docId);
    }
    if (result.failed.length > 0) void this.writeKv(SYNC_KEYS.fetched, [...this.memory.fetched]);
  }

  private async copyLocalBaseOnce(): Promise<void> {
    if (this.memory.localBaseCopied || this.options.copyLocalBase === false) return;
    if (!this.engine.canWrite(this.engine.shardForNewRecord())) return;
    const records = await readLocalBaseRecords(this.user.id, this.options.deps);
    if (records.length > 0) {
      await insertStoredRecords(this.engine, records);
      await markLocalBaseCopied(this.user.id, this.options.deps);
    }
    this.memory.localBaseCopied = true;
    await this.writeKv(SYNC_KEYS.localBaseCopied, true);
  }

  private async syncBlobRows(): Promise<void> {
    if (this.dirtyBlobRows.size === 0) return;
    const rows = [...this.dirtyBlobRows.values()];
    this.dirtyBlobRows = new Map();
    const result = await syncBlobs(this.engine, this.api, rows, this.memory.uploadedBlobs, () => void this.writeKv(SYNC_KEYS.uploadedBlobs, [...this.memory.uploadedBlobs]));
    for (const row of result.retry) if (!this.dirtyBlobRows.has(row.id)) this.dirtyBlobRows.set(row.id, row);
  }

  private noteApiError(error: unknown): void {
    if (!(error instanceof RelayApiError)) return;
    if (error.status === 0) this.relayReachable = false;
    if (error.status === 401) {
      this.signedOut = true;
      this.pool.closeAll();
    }
    this.emitStatus();
  }

  // ---- status ------------------------------------------------------------------------------

  private computeStatus(): SyncStatus {
    const sockets = this.pool.ids().map((docId) => this.pool.socket(docId)!);
    const pendingChanges = this.pending.count();
    return {
      connection: connectionState({
        browserOnline: browserOnline(),
        signedOut: this.signedOut,
        relayReachable: this.relayReachable,
        everConnected: this.everConnected,
        sockets,
      }),
      pendingChanges,
      savedOnRelay: pendingChanges === 0,
      refused: this.refused,
      docsToFetch: this.docsToFetch,
    };
  }

  private emitStatus(): void {
    const next = this.computeStatus();
    if (JSON.stringify(next) === JSON.stringify(this.lastStatus)) return;
    this.lastStatus = next;
    this.statusListeners.forEach((listener) => listener(next));
  }
}

/** False only when the browser knows it has no network (outside a browser: always true). */
function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
