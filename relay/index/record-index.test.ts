/** The record index follows live rooms incrementally and rebuilds lagging books from the store. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openDatabase } from '../store/database';
import { createSqliteDocStore } from '../store/sqlite-store';
import { RecordIndex, type DuplicateKeys } from './record-index';
import { silentLogger } from '../log';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'relay-index-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  const store = createSqliteDocStore(db);
  return { db, store, index: new RecordIndex(db, store, silentLogger) };
}

const NONE: DuplicateKeys = { phone: '', email: '', taxId: '', name: '', city: '' };

describe('record index', () => {
  it('a live room\'s commits are indexed for the records they touched, and only books are followed', async () => {
    const { index, db } = setup();
    expect(index.watch('org', new Y.Doc(), 0)).toBeNull();
    const doc = new Y.Doc();
    const watch = index.watch('book:u1:0', doc, 0)!;
    const records = doc.getMap<Y.Map<unknown>>('records');
    records.set('r1', new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: 'Acme', phones: [{ kind: 'w', value: '0722 000 111' }] })));
    watch.committed(1);
    // Nothing in the store says this book exists, so only the incremental path can have indexed it.
    expect(await index.matchingBooks({ ...NONE, phone: '722000111' })).toEqual(['book:u1:0']);
    records.get('r1')!.set('phones', [{ kind: 'w', value: '0799 000 111' }]);
    watch.committed(2);
    expect(await index.matchingBooks({ ...NONE, phone: '722000111' })).toEqual([]);
    expect(await index.matchingBooks({ ...NONE, phone: '799000111' })).toEqual(['book:u1:0']);
    records.delete('r1');
    watch.committed(3);
    watch.dispose();
    expect(await index.matchingBooks({ ...NONE, name: 'acme' })).toEqual([]);
    db.close();
  });

  it('re-indexes a record only for changes that may alter its keys or blob references', async () => {
    const { index, db } = setup();
    const doc = new Y.Doc();
    const watch = index.watch('book:u5:0', doc, 0)!;
    const records = doc.getMap<Y.Map<unknown>>('records');
    records.set('r1', new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: 'Acme', notes: 'first call' })));
    watch.committed(1);
    index.flush();
    // A marker row the record's own entries would never hold: it survives until the record is re-indexed.
    db.prepare("INSERT INTO record_keys (doc_id, record_id, kind, key) VALUES ('book:u5:0', 'r1', 'phone', 'marker')").run();
    const marked = () => (db.prepare("SELECT count(*) AS n FROM record_keys WHERE key = 'marker'").get() as { n: number }).n === 1;
    doc.transact(() => {
      records.get('r1')!.set('notes', 'second call');
      records.get('r1')!.set('$updated', 2);
      records.get('r1')!.set('$by', 'u5');
      records.get('r1')!.set('revenue', 1200);
    });
    watch.committed(2);
    index.flush();
    expect(marked()).toBe(true);
    records.get('r1')!.set('notes', 'f'.repeat(64));
    watch.committed(3);
    expect(await index.referencesBlob('book:u5:0', 'f'.repeat(64))).toBe(true);
    expect(marked()).toBe(false);
    db.prepare("INSERT INTO record_keys (doc_id, record_id, kind, key) VALUES ('book:u5:0', 'r1', 'phone', 'marker')").run();
    records.get('r1')!.set('name', 'Acme Holding');
    watch.committed(4);
    expect(await index.matchingBooks({ ...NONE, name: 'acme holding' })).toEqual(['book:u5:0']);
    expect(await index.matchingBooks({ ...NONE, name: 'acme' })).toEqual([]);
    expect(marked()).toBe(false);
    watch.dispose();
    db.close();
  });

  it('a record first written into an emptied index still loses its old keys when it changes later', async () => {
    const { index, db } = setup();
    const doc = new Y.Doc();
    const records = doc.getMap<Y.Map<unknown>>('records');
    records.set('r1', new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: 'Firstname Company', taxId: 'RO 111' })));
    const watch = index.watch('book:u6:0', doc, 3)!;
    expect(await index.matchingBooks({ ...NONE, name: 'firstname company' })).toEqual(['book:u6:0']);
    records.set('r2', new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: 'Second Company' })));
    records.get('r1')!.set('name', 'Renamed Company');
    records.get('r1')!.delete('taxId');
    watch.committed(4);
    expect(await index.matchingBooks({ ...NONE, name: 'firstname company' })).toEqual([]);
    expect(await index.matchingBooks({ ...NONE, taxId: '111' })).toEqual([]);
    expect(await index.matchingBooks({ ...NONE, name: 'renamed company' })).toEqual(['book:u6:0']);
    expect(await index.matchingBooks({ ...NONE, name: 'second company' })).toEqual(['book:u6:0']);
    watch.dispose();
    db.close();
  });

  it('a stored book the index has never seen is rebuilt from its log on the first query', async () => {
    const { index, store, db } = setup();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap<Y.Map<unknown>>('records').set('p1', new Y.Map<unknown>(Object.entries({ $section: 'people', firstName: 'Ana', lastName: 'Pop', photo: 'f'.repeat(64) })));
    await store.append('book:u2:3', updates.map((update) => ({ update, userId: 'u2' })));
    expect(await index.matchingBooks({ ...NONE, name: 'ana pop' })).toEqual(['book:u2:3']);
    expect(await index.referencesBlob('book:u2:3', 'f'.repeat(64))).toBe(true);
    expect(await index.referencesBlob('book:u2:4', 'f'.repeat(64))).toBe(false);
    db.close();
  });

  it('writes a large commit in slices in the background, so the event loop is never blocked for all of it', async () => {
    const { index, db } = setup();
    const doc = new Y.Doc();
    const watch = index.watch('book:u3:0', doc, 0)!;
    const records = doc.getMap<Y.Map<unknown>>('records');
    doc.transact(() => {
      for (let i = 0; i < 1200; i++) records.set(`r${i}`, new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: `Company ${i}` })));
    });
    watch.committed(1);
    const indexed = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM record_keys WHERE doc_id = 'book:u3:0'");
    const seq = db.prepare<[], { seq: number }>("SELECT seq FROM index_state WHERE doc_id = 'book:u3:0'");
    const seen = new Set<number>();
    const started = Date.now();
    while (indexed.get()!.n < 1200 && Date.now() - started < 5000) {
      seen.add(indexed.get()!.n);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(indexed.get()!.n).toBe(1200);
    expect([...seen].some((n) => n > 0 && n < 1200)).toBe(true);
    expect(seq.get()!.seq).toBe(1);
    watch.dispose();
    db.close();
  });

  it('the background slices are shared by all rooms, so many rooms committing at once do not block the loop together', async () => {
    const { index, db } = setup();
    const rooms = ['book:u7:0', 'book:u7:1'].map((docId) => {
      const doc = new Y.Doc();
      const watch = index.watch(docId, doc, 0)!;
      const records = doc.getMap<Y.Map<unknown>>('records');
      doc.transact(() => {
        for (let i = 0; i < 400; i++) records.set(`r${i}`, new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: `Firm ${docId} ${i}` })));
      });
      return watch;
    });
    for (const watch of rooms) watch.committed(1);
    const indexed = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM record_keys WHERE doc_id LIKE 'book:u7:%'");
    const seen = new Set<number>();
    const started = Date.now();
    while (indexed.get()!.n < 800 && Date.now() - started < 5000) {
      seen.add(indexed.get()!.n);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(indexed.get()!.n).toBe(800);
    expect([...seen].some((n) => n > 0 && n < 800)).toBe(true);
    for (const watch of rooms) watch.dispose();
    db.close();
  });

  it('a room opened on a book whose index lags rebuilds it, dropping entries of records that are gone', async () => {
    const { index, db } = setup();
    db.prepare("INSERT INTO record_keys (doc_id, record_id, kind, key) VALUES ('book:u4:0', 'gone', 'name', 'ghost')").run();
    const doc = new Y.Doc();
    doc.getMap<Y.Map<unknown>>('records').set('r1', new Y.Map<unknown>(Object.entries({ $section: 'orgs', name: 'Real' })));
    const watch = index.watch('book:u4:0', doc, 5)!;
    expect(await index.matchingBooks({ ...NONE, name: 'real' })).toEqual(['book:u4:0']);
    expect(await index.matchingBooks({ ...NONE, name: 'ghost' })).toEqual([]);
    watch.dispose();
    db.close();
  });
});
