/**
 * The quick search of an open base, answered by a Web Worker (search.worker.ts) that keeps a
 * persisted index (see search-index.ts and index-store.ts).
 *
 * The client forwards every projection change to the worker, in order, before any later
 * query, so a query always sees the edits made before it. Results come back as a bitmap over
 * the worker's slots (SlotIdSet), so 50k matches cost no more to pass than 5.
 *
 * Stale answers: at most one query is in flight; a query typed while another is computed
 * waits and replaces any other waiting one. Every call still resolves, with the answer to the
 * NEWEST query typed before it resolved (or null once a blank query was typed), so whichever
 * promise the UI applies last, it shows the latest keystroke's rows.
 */
import type { Engine } from '../engine/engine';
import type { Row } from '../engine/rows';
import type { SectionId } from '../schema/fields';
import { DEFAULT_DATABASE_NAME } from '../storage/database';
import type { FromWorker, ToWorker } from './protocol';
import type { IndexRow } from './row-terms';
import { SlotIdSet, SlotTable } from './slot-id-set';

/** Quick search over the projection, off the main thread. */
export interface SearchClient {
  /** Ids of the records of `section` matching `query`; null when the query is blank (no filter). */
  search(query: string, section: SectionId): Promise<ReadonlySet<string> | null>;
  /** Resolves once queries are answered from the full index. */
  ready: Promise<void>;
  /** Stops the worker and listeners. */
  dispose(): void;
}

/** The part of a Worker the client uses (an in-process stand-in in Node tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Options of createSearchClient (tests pass their own worker). */
export interface SearchClientOptions {
  worker?: WorkerLike;
}

/** Performance mark set when the index answers; detail: {source, caughtUp, workerMs, rows}. */
export const SEARCH_READY_MARK = 'clientela:search-ready';

type Resolver = (ids: ReadonlySet<string> | null) => void;

function startWorker(): WorkerLike {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' }) as unknown as WorkerLike;
}

/**
 * A worker started as soon as the app loads this module, reading the default base's index while
 * the engine opens the projection: the index is then ready about when the first rows show.
 */
let prestarted: WorkerLike | null = typeof Worker === 'undefined' ? null : prestart();

function prestart(): WorkerLike | null {
  try {
    const worker = startWorker();
    worker.postMessage({ type: 'prefetch', dbName: DEFAULT_DATABASE_NAME });
    return worker;
  } catch {
    return null; // no module workers here: createSearchClient reports it
  }
}

function takeWorker(): WorkerLike {
  const worker = prestarted ?? startWorker();
  prestarted = null;
  return worker;
}

function indexRow(row: Row): IndexRow {
  return { id: row.id, section: row.section, v: row.v };
}

/** Starts the search of an open base. */
export function createSearchClient(engine: Engine, options: SearchClientOptions = {}): SearchClient {
  const worker = options.worker ?? takeWorker();
  const slots = new SlotTable();
  let waiting: Resolver[] = [];
  let next: { query: string; section: SectionId } | null = null;
  let inFlight: number | null = null;
  let lastRequest = 0;
  let disposed = false;

  let markReady!: () => void;
  let markFailed!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A failed worker leaves queries unfiltered; nobody has to await `ready` to avoid a crash.
  ready.catch(() => undefined);

  const resolveAll = (ids: ReadonlySet<string> | null): void => {
    const resolvers = waiting;
    waiting = [];
    resolvers.forEach((resolve) => resolve(ids));
  };

  const send = (message: ToWorker): void => {
    if (!disposed) worker.postMessage(message);
  };

  const pump = (): void => {
    if (inFlight !== null || next === null) return;
    inFlight = ++lastRequest;
    send({ type: 'search', request: inFlight, query: next.query, section: next.section });
    next = null;
  };

  let failed = false;
  const fail = (message: string): void => {
    failed = true;
    console.error(message);
    markFailed(new Error(message));
    resolveAll(null);
  };

  worker.onmessage = (event) => {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        slots.reset(message.slots);
        // Benches and e2e tests read how the index opened (they cannot reach the worker).
        performance.mark(SEARCH_READY_MARK, { detail: { source: message.source, caughtUp: message.caughtUp, workerMs: message.ms, steps: message.steps, rows: slots.slotOf.size } });
        markReady();
        return;
      case 'slots':
        slots.assign(message.slots, message.ids);
        return;
      case 'result': {
        if (message.request !== inFlight) return; // answered after a blank query cleared it
        inFlight = null;
        if (next !== null) pump(); // a newer query is waiting: its answer serves everyone
        else resolveAll(message.bits ? new SlotIdSet(message.bits, message.count, slots) : null);
        return;
      }
      case 'failed':
        fail(message.message);
        return;
      default:
        return;
    }
  };
  worker.onerror = (event) => fail(`The search worker stopped: ${event.message ?? 'unknown error'}`);

  // Changes of one task (an import batch, a sync pass) travel as one message.
  let pendingRows = new Map<string, Row | null>();
  let rowsQueued = false;
  const flushRows = (): void => {
    rowsQueued = false;
    if (pendingRows.size === 0) return;
    const changed: IndexRow[] = [];
    const removed: string[] = [];
    for (const [id, row] of pendingRows) {
      if (row) changed.push(indexRow(row));
      else removed.push(id);
    }
    pendingRows = new Map();
    send({ type: 'rows', changed, removed, seq: engine.currentProjectionSeq() });
    syncSeq();
  };
  // Once the engine has stored the rows just sent, tell the worker which projection seq its
  // index covers, so a restart catches up only what came later. Rows stored by that flush were
  // all notified (and so sent, by the microtask above) before it: the claim is never ahead.
  let syncing = false;
  let syncAgain = false;
  const syncSeq = (): void => {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    engine
      .flush()
      .then(() => send({ type: 'seq', seq: engine.currentProjectionSeq() }))
      .catch(() => undefined) // a failed write is the engine's to report; the worker keeps its older seq
      .finally(() => {
        syncing = false;
        if (syncAgain) {
          syncAgain = false;
          syncSeq();
        }
      });
  };
  const stopRows = engine.onRows((changed, removed) => {
    for (const id of removed) pendingRows.set(id, null);
    for (const row of changed) pendingRows.set(row.id, row);
    if (!rowsQueued) {
      rowsQueued = true;
      queueMicrotask(flushRows);
    }
  });

  send({ type: 'open', dbName: engine.db.name, seq: engine.currentProjectionSeq() });

  return {
    search(query, section) {
      if (disposed || failed || query.trim() === '') {
        next = null;
        inFlight = null;
        resolveAll(null);
        return Promise.resolve(null);
      }
      flushRows(); // edits made before this query must be in the index when it runs
      return new Promise((resolve) => {
        waiting.push(resolve);
        next = { query, section };
        pump();
      });
    },
    ready,
    dispose() {
      if (disposed) return;
      send({ type: 'persist' });
      disposed = true;
      stopRows();
      resolveAll(null);
      // Give the worker a moment to store the index before it goes.
      setTimeout(() => worker.terminate(), 1000);
    },
  };
}
