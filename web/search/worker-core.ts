/**
 * The search worker's logic, independent of the Worker global so Node tests run it in-process:
 * opens the index (persisted or rebuilt), applies row changes in order, answers queries, and
 * persists the index when edits have settled.
 */
import type { ClientelaDatabase } from '../storage/database';
import { catchUp, dropRemovedRows, openIndex, writePersistedIndex, type OpenedIndex } from './index-store';
import type { FromWorker, ToWorker } from './protocol';
import { SearchIndex } from './search-index';

/** What the worker logic needs from its surroundings. */
export interface WorkerHost {
  /** Sends a message to the client, transferring the listed buffers. */
  post(message: FromWorker, transfer?: Transferable[]): void;
  /** Opens the base's Dexie database (the same one the engine writes). */
  openDatabase(name: string): ClientelaDatabase;
  /** Quiet time after the last change before the index is persisted (ms). */
  persistDelayMs?: number;
  /** Rows indexed at once past which the compact form is swapped in after persisting. */
  compactAfterRows?: number;
}

/** Persist after edits have been quiet this long: writing 100k rows' index takes ~100 ms. */
const DEFAULT_PERSIST_DELAY_MS = 2000;
/** Build the per-row term lists of a loaded index this long after opening, before an edit needs them. */
const PREPARE_EDITS_DELAY_MS = 3000;
/** A batch this large was indexed in the roomy editable form: swap in the compact one once stored. */
const COMPACT_AFTER_ROWS = 5000;

/** The message handler of one search worker. */
export interface WorkerCore {
  /** Queues one message from the client (handled after every earlier one). */
  handle(message: ToWorker): void;
  /** Resolves when every message handled so far is done (tests). */
  idle(): Promise<void>;
  /** Stops timers and closes the database (the worker is going away). */
  dispose(): void;
}

/** Creates the worker logic; messages are processed strictly in arrival order. */
export function createWorkerCore(host: WorkerHost): WorkerCore {
  let db: ClientelaDatabase | null = null;
  let index: SearchIndex | null = null;
  let coveredSeq = 0;
  let persistTimer: ReturnType<typeof setTimeout> | null = null;
  let prepareTimer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  let disposed = false;
  // Set when most of the index is in the editable form (5x the memory of the loaded form).
  let compactAfterPersist = false;
  const schedulePersist = (): void => {
    if (disposed) return;
    if (persistTimer !== null) clearTimeout(persistTimer);
    persistTimer = setTimeout(() => {
      persistTimer = null;
      chain = chain.then(persist);
    }, host.persistDelayMs ?? DEFAULT_PERSIST_DELAY_MS);
  };

  const schedulePrepare = (): void => {
    if (disposed || prepareTimer !== null) return;
    prepareTimer = setTimeout(() => {
      prepareTimer = null;
      chain = chain.then(() => index?.prepareForEdits());
    }, PREPARE_EDITS_DELAY_MS);
  };

  const persist = async (): Promise<void> => {
    if (!db || !index) return;
    try {
      const { stored, bytes } = await writePersistedIndex(db, index, coveredSeq);
      if (compactAfterPersist) {
        // Same slots, so the client's slot table stays valid; ~100 MB → ~20 MB at 100k rows.
        index = SearchIndex.load(stored) ?? index;
        compactAfterPersist = false;
        schedulePrepare();
      }
      host.post({ type: 'persisted', seq: coveredSeq, bytes });
    } catch (error) {
      // The index is a cache: failing to store it (quota) only costs a rebuild later.
      console.warn('Search index not persisted:', error);
    }
  };

  // The index opened ahead of `open` (prefetch), by database name.
  let opening: { dbName: string; db: ClientelaDatabase; result: Promise<OpenedIndex> } | null = null;
  let started = 0;

  const startOpening = (dbName: string): NonNullable<typeof opening> => {
    if (opening?.dbName === dbName) return opening;
    const superseded = opening;
    if (superseded) void superseded.result.finally(() => superseded.db.close()).catch(() => undefined);
    started = performance.now();
    const database = host.openDatabase(dbName);
    const begun = performance.now();
    const result = database.open().then(async () => {
      const openMs = Math.round(performance.now() - begun);
      const opened = await openIndex(database);
      return { ...opened, steps: { open: openMs, ...opened.steps } };
    });
    result.catch(() => undefined); // reported when `open` awaits it
    opening = { dbName, db: database, result };
    return opening;
  };

  const open = async (dbName: string, seq: number): Promise<void> => {
    try {
      const { db: database, result } = startOpening(dbName);
      const opened = await result;
      // The engine may have rewritten rows while the prefetch read them (a projection rebuild).
      const late = await catchUp(database, opened.index, opened.seq);
      db = database;
      index = opened.index;
      index.takeAssignedSlots();
      coveredSeq = Math.max(late.seq, seq);
      const caughtUp = opened.caughtUp + late.caughtUp;
      host.post({ type: 'ready', slots: index.slotTable().join('\n'), source: opened.source, caughtUp, ms: Math.round(performance.now() - started), steps: opened.steps });
      if (opened.source === 'rebuilt' || caughtUp > 0) schedulePersist();
      if (caughtUp >= (host.compactAfterRows ?? COMPACT_AFTER_ROWS)) compactAfterPersist = true;
      const loaded = index;
      if (opened.source === 'persisted') {
        chain = chain.then(async () => {
          if ((await dropRemovedRows(database, loaded)) > 0) schedulePersist();
        });
      }
      schedulePrepare();
    } catch (error) {
      host.post({ type: 'failed', message: `The search index could not be opened: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const apply = (message: ToWorker): void => {
    switch (message.type) {
      case 'rows': {
        if (!index) return;
        index.applyBatch(message.changed, message.removed);
        if (message.changed.length >= (host.compactAfterRows ?? COMPACT_AFTER_ROWS)) compactAfterPersist = true;
        coveredSeq = Math.max(coveredSeq, message.seq);
        const slots = index.takeAssignedSlots();
        if (slots.length > 0) {
          const table = index.slotTable();
          host.post({ type: 'slots', slots, ids: slots.map((slot) => table[slot]) });
        }
        schedulePersist();
        return;
      }
      case 'seq':
        if (index && message.seq > coveredSeq) {
          coveredSeq = message.seq;
          schedulePersist();
        }
        return;
      case 'search': {
        const matches = index ? index.search(message.query, message.section) : null;
        if (matches) host.post({ type: 'result', request: message.request, bits: matches.bits, count: matches.count }, [matches.bits.buffer]);
        else host.post({ type: 'result', request: message.request, bits: null, count: 0 });
        return;
      }
      default:
        return;
    }
  };

  return {
    handle(message) {
      if (disposed) return;
      if (message.type === 'prefetch') startOpening(message.dbName);
      else if (message.type === 'open') chain = chain.then(() => open(message.dbName, message.seq));
      else if (message.type === 'persist') {
        if (persistTimer !== null) clearTimeout(persistTimer);
        persistTimer = null;
        chain = chain.then(persist);
      } else chain = chain.then(() => apply(message));
    },
    idle: () => chain,
    dispose() {
      disposed = true;
      if (persistTimer !== null) clearTimeout(persistTimer);
      if (prepareTimer !== null) clearTimeout(prepareTimer);
      persistTimer = prepareTimer = null;
      void chain.then(() => (db ?? opening?.db)?.close());
    },
  };
}
