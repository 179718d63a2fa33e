/**
 * The relay's index of book records: duplicate-check keys and blob references per record, kept in SQLite.
 * Live rooms note the records each commit touched and write them shortly after, batched, off the path that
 * acknowledges writes (one extra fsync per batch, not per commit); every read of the index first writes
 * what is noted. A book whose index lags its log (a crash before the write, data older than the index) is
 * rebuilt from the store on use.
 */
import * as Y from 'yjs';
import type { Db } from '../store/database';
import type { DocStore } from '../store/doc-store';
import type { RoomWatch, RoomWatcher } from '../sync/doc-room';
import { parseDocId } from '../sync/doc-ids';
import { fieldChangeAffectsEntries, recordEntries, type RecordKey } from './record-keys';
import type { Logger } from '../log';

/** Records written per slice, over all rooms, when noted changes are written in the background (about 20–40 ms). */
const WRITE_SLICE = 500;

/** Noted changes are written once commits have paused this long (a merge or an import arrives as a burst)... */
const QUIET_MS = 250;

/** ...but never later than this after the first unwritten one. */
const MAX_DELAY_MS = 2000;

/** One live room's writer of noted records: writes at most `limit` and says how many and whether it is done. */
type PendingWriter = (limit: number) => { written: number; done: boolean };

/** What a duplicate check asks about, already normalized (empty strings are ignored). */
export interface DuplicateKeys {
  phone: string;
  email: string;
  taxId: string;
  name: string;
  city: string;
}

/** The record index on a relay database. */
export class RecordIndex implements RoomWatcher {
  private readonly statements;
  private readonly writeRecords;
  private readonly rebuildDoc;
  private readonly writePending;
  private readonly dropDoc;
  /** Writers of live rooms with noted, unwritten changes; each writes at most `limit` records and says whether it is done. */
  private readonly pending = new Set<PendingWriter>();
  private timer: NodeJS.Timeout | null = null;
  private firstNotedAt: number | null = null;
  private draining: NodeJS.Immediate | null = null;
  /** Bumped whenever rows may have been written outside a live room's own writes (a rebuild, a failed write). */
  private rebuilds = 0;

  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    private readonly log: Logger,
  ) {
    this.statements = {
      seq: db.prepare<[string], { seq: number }>('SELECT seq FROM index_state WHERE doc_id = ?'),
      setSeq: db.prepare<[string, number]>(
        'INSERT INTO index_state (doc_id, seq) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET seq = max(seq, excluded.seq)',
      ),
      dropRecordKeys: db.prepare<[string, string]>('DELETE FROM record_keys WHERE doc_id = ? AND record_id = ?'),
      dropRecordBlobs: db.prepare<[string, string]>('DELETE FROM record_blobs WHERE doc_id = ? AND record_id = ?'),
      dropDocKeys: db.prepare<[string]>('DELETE FROM record_keys WHERE doc_id = ?'),
      dropDocBlobs: db.prepare<[string]>('DELETE FROM record_blobs WHERE doc_id = ?'),
      insertKey: db.prepare<[string, string, string, string]>('INSERT OR IGNORE INTO record_keys (doc_id, record_id, kind, key) VALUES (?, ?, ?, ?)'),
      insertBlob: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO record_blobs (doc_id, record_id, hash) VALUES (?, ?, ?)'),
      staleBooks: db.prepare<[], { doc_id: string }>(
        `SELECT docs.doc_id FROM docs LEFT JOIN index_state ON index_state.doc_id = docs.doc_id
         WHERE docs.doc_id LIKE 'book:%' AND (index_state.seq IS NULL OR index_state.seq < docs.seq)`,
      ),
      docSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM docs WHERE doc_id = ?'),
      byKey: db.prepare<[string, string], { doc_id: string; record_id: string }>('SELECT doc_id, record_id FROM record_keys WHERE kind = ? AND key = ?'),
      recordCity: db.prepare<[string, string], { key: string }>("SELECT key FROM record_keys WHERE doc_id = ? AND record_id = ? AND kind = 'city'"),
      blobInDoc: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM record_blobs WHERE hash = ? AND doc_id = ?'),
    };
    const s = this.statements;
    const putRecord = (docId: string, recordId: string, record: Y.Map<unknown> | undefined, holdsNothing = false) => {
      if (!holdsNothing) {
        s.dropRecordKeys.run(docId, recordId);
        s.dropRecordBlobs.run(docId, recordId);
      }
      if (!(record instanceof Y.Map)) return;
      const { keys, blobs } = recordEntries(record);
      for (const { kind, key } of keys) s.insertKey.run(docId, recordId, kind, key);
      for (const hash of blobs) s.insertBlob.run(docId, recordId, hash);
    };
    this.writeRecords = (docId: string, doc: Y.Doc, recordIds: Iterable<string>, seq: number | null, holdsNothing: (id: string) => boolean) => {
      const records = doc.getMap<Y.Map<unknown>>('records');
      for (const id of recordIds) putRecord(docId, id, records.get(id), holdsNothing(id));
      if (seq !== null) s.setSeq.run(docId, seq);
    };
    this.rebuildDoc = db.transaction((docId: string, doc: Y.Doc, seq: number) => {
      // A live room may have indexed a later state meanwhile: never go back.
      if ((s.seq.get(docId)?.seq ?? -1) >= seq) return;
      this.rebuilds += 1;
      s.dropDocKeys.run(docId);
      s.dropDocBlobs.run(docId);
      for (const [id, record] of doc.getMap<Y.Map<unknown>>('records').entries()) putRecord(docId, id, record, true);
      s.setSeq.run(docId, seq);
    });
    this.dropDoc = db.transaction((docId: string) => {
      s.dropDocKeys.run(docId);
      s.dropDocBlobs.run(docId);
    });
    this.writePending = db.transaction((limit: number) => {
      let budget = limit;
      for (const write of this.pending) {
        if (budget <= 0) break;
        const { written, done } = write(budget);
        budget -= written;
        if (done) this.pending.delete(write);
      }
    });
  }

  /** Writes every live room's noted changes now (before any read of the index). */
  flush(): void {
    this.write(Infinity);
  }

  private write(limit: number): void {
    if (this.timer) clearTimeout(this.timer), (this.timer = null);
    if (this.draining) clearImmediate(this.draining), (this.draining = null);
    this.firstNotedAt = null;
    if (this.pending.size === 0) return;
    try {
      this.writePending(limit);
    } catch (error) {
      // The rooms' index stays behind its log, so the next read rebuilds those books from the store.
      this.pending.clear();
      this.rebuilds += 1;
      this.log('index-write-failed', { error: String(error) });
    }
    // A large change (an import, a merge of a day offline) is written in slices so sockets keep flowing.
    if (this.pending.size > 0) this.draining = setImmediate(() => this.write(WRITE_SLICE));
  }

  /** Follows a live book: rebuilds it when its index lags, then re-indexes the records each commit touched, in the background. */
  watch(docId: string, doc: Y.Doc, seq: number): RoomWatch | null {
    if (parseDocId(docId)?.kind !== 'book') return null;
    const stale = (this.statements.seq.get(docId)?.seq ?? -1) < seq;
    const touched = new Set<string>();
    const records = doc.getMap<Y.Map<unknown>>('records');
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event instanceof Y.YMapEvent && event.target === records) for (const key of event.keysChanged) touched.add(key);
        else if (event instanceof Y.YMapEvent && event.target.parent === records) {
          // A record's own fields: only changes that may alter its keys or blob references count.
          const record = event.target as Y.Map<unknown>;
          const recordId = event.path[0];
          if (typeof recordId !== 'string' || touched.has(recordId)) continue;
          for (const [field, change] of event.changes.keys) {
            if (fieldChangeAffectsEntries(field, change.oldValue, record.get(field))) {
              touched.add(recordId);
              break;
            }
          }
        } else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
      }
    };
    records.observeDeep(observer);
    let noted = -1;
    let cleared = false;
    let clearedAt = 0;
    const rewritten = new Set<string>();
    const write: PendingWriter = (limit) => {
      // Runs between tasks, when the room's document is exactly its committed state at `noted`. The seq is
      // recorded only once every touched record is written (a record touched again is simply written again).
      if (noted < 0) return { written: 0, done: true };
      const slice: string[] = [];
      for (const id of touched) {
        if (slice.length >= limit) break;
        slice.push(id);
      }
      for (const id of slice) touched.delete(id);
      const done = touched.size === 0;
      // After a drop the index holds no rows of records not yet written again, so their deletes are skipped
      // (a quarter of the statements); anything written outside this room meanwhile ends the shortcut.
      const emptied = cleared && clearedAt === this.rebuilds;
      this.writeRecords(docId, doc, slice, done ? noted : null, (id) => emptied && !rewritten.has(id));
      if (emptied) for (const id of slice) rewritten.add(id);
      if (done) noted = -1;
      return { written: slice.length, done };
    };
    const note = (committedSeq: number) => {
      noted = committedSeq;
      this.pending.add(write);
      if (this.draining) return;
      // Written when commits pause, so a burst of them is acknowledged and forwarded before it is indexed.
      const now = Date.now();
      this.firstNotedAt ??= now;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.write(WRITE_SLICE), Math.min(QUIET_MS, Math.max(0, this.firstNotedAt + MAX_DELAY_MS - now)));
      this.timer.unref();
    };
    if (stale) {
      // Rebuilt in slices like a large commit: forget what the index held, then write every record.
      this.dropDoc(docId);
      cleared = true;
      clearedAt = this.rebuilds;
      for (const id of records.keys()) touched.add(id);
      note(seq);
    }
    return {
      committed: note,
      dispose: () => {
        records.unobserveDeep(observer);
        if (this.pending.delete(write)) {
          try {
            this.db.transaction(() => write(Infinity))();
          } catch (error) {
            this.log('index-write-failed', { docId, error: String(error) });
          }
        }
      },
    };
  }

  /** Rebuilds, from the store, every book whose index is behind its log (or only `docId`). */
  async catchUp(docId?: string): Promise<void> {
    this.flush();
    const stale = docId === undefined ? this.statements.staleBooks.all().map((r) => r.doc_id) : [docId];
    for (const id of stale) {
      if (parseDocId(id)?.kind !== 'book') continue;
      const wanted = this.statements.docSeq.get(id)?.seq ?? 0;
      if ((this.statements.seq.get(id)?.seq ?? -1) >= wanted) continue;
      const stored = await this.store.load(id);
      const doc = new Y.Doc();
      try {
        Y.transact(doc, () => {
          for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
            try {
              Y.applyUpdate(doc, update);
            } catch (error) {
              this.log('index-update-unreadable', { docId: id, error: String(error) });
            }
          }
        });
        this.rebuildDoc(id, doc, stored.seq);
      } finally {
        doc.destroy();
      }
    }
  }

  /** The books holding a live record that matches any given key (a name match must also match the city, when both have one). */
  async matchingBooks(query: DuplicateKeys): Promise<string[]> {
    await this.catchUp();
    const books = new Set<string>();
    const exact: [RecordKey['kind'], string][] = [
      ['phone', query.phone],
      ['email', query.email],
      ['taxId', query.taxId],
    ];
    for (const [kind, key] of exact) {
      if (key === '') continue;
      for (const row of this.statements.byKey.all(kind, key)) books.add(row.doc_id);
    }
    if (query.name !== '') {
      for (const row of this.statements.byKey.all('name', query.name)) {
        const city = this.statements.recordCity.get(row.doc_id, row.record_id)?.key;
        if (query.city === '' || city === undefined || city === query.city) books.add(row.doc_id);
      }
    }
    return [...books].sort();
  }

  /** Whether a live or trashed record of `docId` references the blob. */
  async referencesBlob(docId: string, hash: string): Promise<boolean> {
    await this.catchUp(docId);
    return (this.statements.blobInDoc.get(hash, docId)?.n ?? 0) > 0;
  }
}
