/** Messages between the search client (main thread) and the search worker. */
import type { IndexRow } from './row-terms';

/** Client → worker. Messages are handled in order; everything before `open` completes waits. */
export type ToWorker =
  /** Start opening the index of the database likely to be used, before the engine has opened. */
  | { type: 'prefetch'; dbName: string }
  /** Open the base's database, load the persisted index (or rebuild it) and catch up. */
  | { type: 'open'; dbName: string; seq: number }
  /** Rows changed and removed in the projection; `seq` = the projection seq already stored. */
  | { type: 'rows'; changed: IndexRow[]; removed: string[]; seq: number }
  /** Every row with Row.seq ≤ `seq` is stored and was sent in an earlier `rows` message. */
  | { type: 'seq'; seq: number }
  /** A query; answered by a `result` with the same request number. */
  | { type: 'search'; request: number; query: string; section: string }
  /** Persist the index now (tests, and before the page goes away). */
  | { type: 'persist' };

/** Where the index came from when the worker opened. */
export type IndexSource = 'persisted' | 'rebuilt';

/** Worker → client. */
export type FromWorker =
  /** The index answers from now on; `slots` = row id of every slot joined by '\n'. */
  | { type: 'ready'; slots: string; source: IndexSource; caughtUp: number; ms: number; steps: Record<string, number> }
  /** New rows got these slots (sent before any result that may include them). */
  | { type: 'slots'; slots: number[]; ids: string[] }
  /** The answer of a query: bits[slot] = 1 for a match (the buffer is transferred). */
  | { type: 'result'; request: number; bits: Uint8Array | null; count: number }
  /** The index was stored, covering projection seq `seq`. */
  | { type: 'persisted'; seq: number; bytes: number }
  /** Opening failed (the message says why); queries are then answered by nobody. */
  | { type: 'failed'; message: string };
