/**
 * Replacing the local base with a checked backup, atomically: one IndexedDB transaction swaps
 * the documents and blobs, empties every cache derived from them (projection rows, snapshot,
 * search index) and drops the projection version mark, so the engine rebuilds the projection
 * and the search index from the restored documents on its next open. If anything fails, the
 * transaction is rolled back and the base is as it was.
 */
import type { ClientelaDatabase } from '../storage/database';
import type { Engine } from '../engine/engine';
import type { Backup } from './backup-format';

/** Tables that hold the truth or device settings; every other table is a rebuildable cache. */
const KEPT_TABLES = new Set(['updates', 'blobs', 'kv']);

/** kv keys that mark the projection as current; removing them makes the engine rebuild it. */
const PROJECTION_MARKERS = ['projectionVersion'];

/** Replaces the whole base in `db` by `backup` (checked by parseBackup) in one transaction. */
export async function restoreBackup(db: ClientelaDatabase, backup: Backup): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.updates.clear();
    await db.updates.bulkAdd(backup.docs.map((doc) => ({ doc: doc.id, data: doc.update })));
    await db.blobs.clear();
    await db.blobs.bulkPut(backup.blobs);
    for (const table of db.tables) if (!KEPT_TABLES.has(table.name)) await table.clear();
    await db.kv.bulkDelete(PROJECTION_MARKERS);
    // The backup's user owns its books and prefs: this device continues as that user.
    if (backup.user) await db.kv.put({ key: 'localUser', value: backup.user });
  });
}

/**
 * Restores into the base an open engine works on: stores what the engine has pending, closes
 * it (so nothing of the old base is written afterwards), restores, and leaves the database
 * closed. The caller reloads the app, which opens the restored base.
 */
export async function replaceBase(engine: Engine, backup: Backup): Promise<void> {
  await engine.close();
  await engine.db.open();
  try {
    await restoreBackup(engine.db, backup);
  } finally {
    engine.db.close();
  }
}
