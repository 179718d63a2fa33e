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

/** Every record of every book of the device's local base; empty when there is no such base. */
export async function readLocalBaseRecords(deps?: DatabaseDeps, name = DEFAULT_DATABASE_NAME): Promise<LocalRecord[]> {
  const factory = deps?.indexedDB ?? globalThis.indexedDB;
  if (!factory || !(await databaseExists(name, factory))) return [];
  const db = new ClientelaDatabase(name, deps);
  try {
    await db.open();
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
