/**
 * First sign-in on a device that was used without an account: the records of the device's local
 * base are copied into the account's own book (same ids and values) by the insertStoredRecords
 * command, so it is one undoable step. The local base itself is only read, and never created by looking for it.
 */
import * as Y from 'yjs';
import type { StoredRecord } from '../engine/commands';
import { parseBookDocId } from '../engine/ids';
import { readDocState, storedDocIds } from '../engine/doc-log';
import { bookRecords } from '../engine/rows';
import { ClientelaDatabase, DEFAULT_DATABASE_NAME, type DatabaseDeps } from '../storage/database';

/** One record of the local base: its id and every key of its map (fields and metadata). */
export type LocalRecord = StoredRecord;

/** Whether an IndexedDB database exists, without opening (and so creating) it. */
export async function databaseExists(name: string, factory: IDBFactory): Promise<boolean> {
  const list = await factory.databases();
  return list.some((entry) => entry.name === name);
}

/** The local base's note of which account its records were copied into (kv key). */
const COPIED_TO_KEY = 'copiedToAccount';

/**
 * Every record of every book of the device's local base, for `userId`'s account; empty when
 * there is no such base, or when its records already went into another account (a second
 * person signing in on the same laptop does not get the first one's clients).
 */
export async function readLocalBaseRecords(userId: string, deps?: DatabaseDeps, name = DEFAULT_DATABASE_NAME): Promise<LocalRecord[]> {
  const factory = deps?.indexedDB ?? globalThis.indexedDB;
  if (!factory || !(await databaseExists(name, factory))) return [];
  const db = new ClientelaDatabase(name, deps);
  try {
    await db.open();
    const copiedTo = (await db.kv.get(COPIED_TO_KEY))?.value as { userId?: string } | undefined;
    if (copiedTo?.userId && copiedTo.userId !== userId) return [];
    const records: LocalRecord[] = [];
    for (const docId of await storedDocIds(db)) {
      if (!parseBookDocId(docId)) continue;
      const state = await readDocState(db, docId);
      if (!state) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      bookRecords(doc).forEach((record, id) => {
        records.push({ id, entries: [...record.entries()].map(([key, value]) => [key, value instanceof Y.AbstractType ? value.toJSON() : value]) });
      });
      doc.destroy();
    }
    return records;
  } finally {
    db.close();
  }
}

/** Notes in the local base that its records went into `userId`'s account (its records stay). */
export async function markLocalBaseCopied(userId: string, deps?: DatabaseDeps, name = DEFAULT_DATABASE_NAME): Promise<void> {
  const db = new ClientelaDatabase(name, deps);
  try {
    await db.open();
    await db.kv.put({ key: COPIED_TO_KEY, value: { userId, at: Date.now() } });
  } finally {
    db.close();
  }
}
