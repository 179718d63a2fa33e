/**
 * First sign-in on a device that was used without an account: the records of the device's local
 * base are copied into the account's own book (same ids and values) as one command, so it is one
 * undoable step. The local base itself is only read, and never created by looking for it.
 */
import * as Y from 'yjs';
import type { Engine } from '../engine/engine';
import { parseBookDocId } from '../engine/ids';
import { readDocState, storedDocIds } from '../engine/doc-log';
import { bookRecords } from '../engine/rows';
import { ClientelaDatabase, DEFAULT_DATABASE_NAME, type DatabaseDeps } from '../storage/database';

/** One record of the local base: its id and every key of its map (fields and metadata). */
export interface LocalRecord {
  id: string;
  entries: [string, unknown][];
}

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

/**
 * Copies records into the signed-in user's book as one command (one undo step). Records whose id
 * the account's base already holds are skipped. Returns how many were copied.
 */
export async function copyRecordsIntoOwnBook(engine: Engine, records: readonly LocalRecord[]): Promise<number> {
  const fresh = records.filter((record) => !engine.rows.has(record.id));
  if (fresh.length === 0) return 0;
  const byShard = new Map<string, LocalRecord[]>();
  const added = new Map<string, number>();
  for (const record of fresh) {
    const shard = engine.shardForNewRecord(engine.user.id, added);
    added.set(shard, (added.get(shard) ?? 0) + 1);
    const list = byShard.get(shard) ?? [];
    list.push(record);
    byShard.set(shard, list);
  }
  const shardIds = [...byShard.keys()];
  await engine.run(shardIds, (docs) => {
    docs.forEach((doc, index) => {
      const target = bookRecords(doc);
      for (const record of byShard.get(shardIds[index])!) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of record.entries) map.set(key, value);
        target.set(record.id, map);
      }
    });
  });
  return fresh.length;
}
