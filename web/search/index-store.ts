/**
 * The persisted search index in the `searchIndex` table: load it and catch up with the rows
 * written after it (by Row.seq), or rebuild it from the rows when there is none usable.
 */
import type { ClientelaDatabase } from '../storage/database';
import { SearchIndex, type PersistedIndex } from './search-index';

/** Key of the persisted index in the `searchIndex` table. */
export const INDEX_KEY = 'index';
/** Rows read per IndexedDB request when rebuilding (bounds memory, lets messages in). */
const REBUILD_BATCH = 5000;

/** An index ready to answer, and what it took to get there. */
export interface OpenedIndex {
  index: SearchIndex;
  /** The projection seq the index covers. */
  seq: number;
  source: 'persisted' | 'rebuilt';
  /** Rows re-indexed because they were written after the persisted index (or all, rebuilt). */
  caughtUp: number;
  /** Milliseconds spent per step (read, load, catchUp or rebuild), for benches. */
  steps: Record<string, number>;
}

/** The stored index, or null when there is none. */
export async function readPersistedIndex(db: ClientelaDatabase): Promise<PersistedIndex | null> {
  const entry = await db.searchIndex.get(INDEX_KEY);
  return (entry?.value as PersistedIndex | undefined) ?? null;
}

/** Stores the index as covering projection seq `seq`; returns what was stored and its size. */
export async function writePersistedIndex(db: ClientelaDatabase, index: SearchIndex, seq: number): Promise<{ stored: PersistedIndex; bytes: number }> {
  const stored = index.serialize(seq);
  await db.searchIndex.put({ key: INDEX_KEY, value: stored });
  const bytes = stored.ids.length + stored.phones.length + stored.terms.length + stored.slotSections.byteLength + stored.counts.byteLength + stored.postings.byteLength;
  return { stored, bytes };
}

/** Loads the persisted index and catches it up; rebuilds from the rows when none is usable. */
export async function openIndex(db: ClientelaDatabase): Promise<OpenedIndex> {
  let time = performance.now();
  const steps: Record<string, number> = {};
  const step = (name: string): void => {
    const now = performance.now();
    steps[name] = Math.round(now - time);
    time = now;
  };
  const stored = await readPersistedIndex(db).catch(() => null);
  step('read');
  const loaded = stored ? SearchIndex.load(stored) : null;
  step('load');
  if (!stored || !loaded) return rebuildIndex(db);
  const caught = await catchUp(db, loaded, stored.seq);
  step('catchUp');
  loaded.prepare();
  step('prepare');
  return { index: loaded, source: 'persisted', ...caught, steps };
}

/**
 * Brings an index covering projection seq `seq` up to the stored rows: re-indexes the rows with
 * a higher seq (one indexed range read; nothing when nothing changed). Removed rows are left
 * to dropRemovedRows(), which need not delay the first answers.
 */
export async function catchUp(db: ClientelaDatabase, index: SearchIndex, seq: number): Promise<{ seq: number; caughtUp: number }> {
  let covered = seq;
  const newer = await db.rows.where('seq').above(seq).toArray();
  for (const row of newer) {
    index.upsert(row);
    if (row.seq > covered) covered = row.seq;
  }
  return { seq: covered, caughtUp: newer.length };
}

/**
 * Drops indexed rows the projection no longer has (deleted while no search client ran); returns
 * how many. Removals leave no row to find by seq, so a count mismatch tells; the count takes
 * ~0.4 s at 100k rows in Chromium, which is why this runs after the index already answers (a
 * stale id in a result is harmless: the table only asks about rows it has).
 */
export async function dropRemovedRows(db: ClientelaDatabase, index: SearchIndex): Promise<number> {
  let removed = 0;
  if ((await db.rows.count()) !== index.size) {
    const present = new Set(await db.rows.toCollection().primaryKeys());
    for (const id of index.slotTable()) {
      if (id !== '' && !present.has(id)) {
        index.remove(id);
        removed++;
      }
    }
  }
  return removed;
}

/** Builds the index from every projection row, in seq order and in batches. */
export async function rebuildIndex(db: ClientelaDatabase): Promise<OpenedIndex> {
  const started = performance.now();
  const index = new SearchIndex();
  let seq = 0;
  let count = 0;
  for (;;) {
    const batch = await db.rows.where('seq').above(seq).limit(REBUILD_BATCH).toArray();
    if (batch.length === 0) break;
    for (const row of batch) {
      index.upsert(row);
      if (row.seq > seq) seq = row.seq;
    }
    count += batch.length;
  }
  index.prepare();
  return { index, seq, source: 'rebuilt', caughtUp: count, steps: { rebuild: Math.round(performance.now() - started) } };
}
