/** DocStore on SQLite: an append-only update log per document plus snapshots that mark what they cover. */
import type { Db } from './database';
import type { AuditEntry, DocGrowth, DocStore, DocVersion, LoggedUpdate, NewUpdate, StoredDoc } from './doc-store';

interface DocRow {
  seq: number;
  change_id: number;
  snapshot_seq: number;
  snapshot_bytes: number;
  pending_updates: number;
  pending_bytes: number;
}

/** Creates the SQLite document store on an open database. */
export function createSqliteDocStore(db: Db): DocStore {
  const getDoc = db.prepare<[string], DocRow>('SELECT * FROM docs WHERE doc_id = ?');
  const getSnapshot = db.prepare<[string, number], { data: Buffer }>(
    'SELECT data FROM doc_snapshots WHERE doc_id = ? AND covers_seq = ?',
  );
  const getUpdatesAfter = db.prepare<[string, number], { data: Buffer }>(
    'SELECT data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
  );
  const insertUpdate = db.prepare<[string, number, Buffer, string, number]>(
    'INSERT INTO doc_updates (doc_id, seq, data, user_id, at) VALUES (?, ?, ?, ?, ?)',
  );
  const upsertDoc = db.prepare<[string, number, number, number, number, number]>(
    `INSERT INTO docs (doc_id, seq, change_id, pending_updates, pending_bytes, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET seq = excluded.seq, change_id = excluded.change_id,
       pending_updates = docs.pending_updates + excluded.pending_updates,
       pending_bytes = docs.pending_bytes + excluded.pending_bytes, updated_at = excluded.updated_at`,
  );
  const insertSnapshot = db.prepare<[string, number, Buffer, number]>(
    'INSERT OR REPLACE INTO doc_snapshots (doc_id, covers_seq, data, at) VALUES (?, ?, ?, ?)',
  );
  const dropOlderSnapshots = db.prepare<[string, number]>('DELETE FROM doc_snapshots WHERE doc_id = ? AND covers_seq < ?');
  const pendingAfter = db.prepare<[string, number], { n: number; bytes: number | null }>(
    'SELECT count(*) AS n, sum(length(data)) AS bytes FROM doc_updates WHERE doc_id = ? AND seq > ?',
  );
  const markSnapshot = db.prepare<[number, number, number, number, string]>(
    'UPDATE docs SET snapshot_seq = ?, snapshot_bytes = ?, pending_updates = ?, pending_bytes = ? WHERE doc_id = ?',
  );
  const allVersions = db.prepare<[number], { doc_id: string; seq: number; change_id: number }>(
    'SELECT doc_id, seq, change_id FROM docs WHERE change_id > ? ORDER BY change_id',
  );
  const maxChange = db.prepare<[], { c: number | null }>('SELECT max(id) AS c FROM doc_updates');
  const auditRows = db.prepare<[string, number, number], { seq: number; user_id: string; at: number; bytes: number }>(
    'SELECT seq, user_id, at, length(data) AS bytes FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const loggedRows = db.prepare<[string, number, number], { seq: number; user_id: string; at: number; data: Buffer }>(
    'SELECT seq, user_id, at, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  const appendAll = db.transaction((docId: string, updates: NewUpdate[]): number[] => {
    const now = Date.now();
    let seq = getDoc.get(docId)?.seq ?? 0;
    const seqs: number[] = [];
    let change = 0;
    let bytes = 0;
    for (const { update, userId } of updates) {
      seq += 1;
      change = Number(insertUpdate.run(docId, seq, Buffer.from(update), userId, now).lastInsertRowid);
      bytes += update.byteLength;
      seqs.push(seq);
    }
    upsertDoc.run(docId, seq, change, updates.length, bytes, now);
    return seqs;
  });

  const compactNow = db.transaction((docId: string, snapshot: Uint8Array, coversSeq: number) => {
    insertSnapshot.run(docId, coversSeq, Buffer.from(snapshot), Date.now());
    dropOlderSnapshots.run(docId, coversSeq);
    const rest = pendingAfter.get(docId, coversSeq)!;
    markSnapshot.run(coversSeq, snapshot.byteLength, rest.n, rest.bytes ?? 0, docId);
  });

  return {
    async load(docId: string): Promise<StoredDoc> {
      const row = getDoc.get(docId);
      if (!row) return { snapshot: null, updates: [], seq: 0 };
      const snapshot = row.snapshot_seq > 0 ? getSnapshot.get(docId, row.snapshot_seq)?.data ?? null : null;
      const updates = getUpdatesAfter.all(docId, snapshot ? row.snapshot_seq : 0).map((r) => new Uint8Array(r.data));
      return { snapshot: snapshot ? new Uint8Array(snapshot) : null, updates, seq: row.seq };
    },
    async append(docId: string, updates: NewUpdate[]): Promise<number[]> {
      if (updates.length === 0) return [];
      return appendAll(docId, updates);
    },
    async compact(docId: string, snapshot: Uint8Array, coversSeq: number): Promise<void> {
      compactNow(docId, snapshot, coversSeq);
    },
    async growth(docId: string): Promise<DocGrowth> {
      const row = getDoc.get(docId);
      return {
        snapshotBytes: row?.snapshot_bytes ?? 0,
        pendingUpdates: row?.pending_updates ?? 0,
        pendingBytes: row?.pending_bytes ?? 0,
      };
    },
    async versions(sinceChange = 0): Promise<{ cursor: number; docs: DocVersion[] }> {
      const cursor = maxChange.get()?.c ?? 0;
      const docs = allVersions.all(sinceChange).map((r) => ({ docId: r.doc_id, seq: r.seq, change: r.change_id }));
      return { cursor, docs };
    },
    async audit(docId: string, options: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
      return auditRows
        .all(docId, options.afterSeq ?? 0, options.limit ?? 1000)
        .map((r) => ({ seq: r.seq, userId: r.user_id, at: r.at, bytes: r.bytes }));
    },
    async loggedUpdates(docId: string, options: { afterSeq?: number; limit?: number } = {}): Promise<LoggedUpdate[]> {
      return loggedRows
        .all(docId, options.afterSeq ?? 0, options.limit ?? 1000)
        .map((r) => ({ seq: r.seq, userId: r.user_id, at: r.at, bytes: r.data.byteLength, update: new Uint8Array(r.data) }));
    },
  };
}
