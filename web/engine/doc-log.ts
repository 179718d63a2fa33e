/**
 * The local update log of Yjs documents in Dexie: every document's updates are appended as
 * they happen and merged into one row when the log grows. One database holds every document
 * (y-indexeddb opens a database per document and grows a row at every open: pitfall 3 of
 * ARCHITECTURE.md), and the projection is written in the same transaction as the update.
 */
import * as Y from 'yjs';
import type { ClientelaDatabase } from '../storage/database';

/** Past this many stored updates a document's log is merged into one row when it is loaded. */
export const COMPACT_AFTER_UPDATES = 100;

/** The merged state of a document from its stored updates, or null when nothing is stored. */
export async function readDocState(db: ClientelaDatabase, docId: string): Promise<Uint8Array | null> {
  const stored = await db.updates.where('doc').equals(docId).toArray();
  if (stored.length === 0) return null;
  if (stored.length === 1) return stored[0].data;
  const merged = Y.mergeUpdates(stored.map((row) => row.data));
  if (stored.length > COMPACT_AFTER_UPDATES) await replaceDocLog(db, docId, merged, stored.map((row) => row.seq!));
  return merged;
}

/** Replaces the given log rows of a document by one merged update, atomically. */
async function replaceDocLog(db: ClientelaDatabase, docId: string, merged: Uint8Array, seqs: number[]): Promise<void> {
  await db.transaction('rw', db.updates, async () => {
    await db.updates.bulkDelete(seqs);
    await db.updates.add({ doc: docId, data: merged });
  });
}

/** Ids of every document that has something stored on this device. */
export async function storedDocIds(db: ClientelaDatabase): Promise<string[]> {
  return (await db.updates.orderBy('doc').uniqueKeys()).map(String);
}
