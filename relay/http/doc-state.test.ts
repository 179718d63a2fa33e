/** Whole-document states for the fresh join: encodings, the warmed cache never serving a stale state, the merge worker. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';
import * as Y from 'yjs';
import { openDatabase } from '../store/database';
import { createSqliteDocStore } from '../store/sqlite-store';
import { chooseEncoding, DocStates, warmingStatesOnCompact } from './doc-state';
import { silentLogger } from '../log';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'relay-state-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  const store = createSqliteDocStore(db);
  const states = new DocStates(store, silentLogger);
  return { db, store, states };
}

function recordsOf(state: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getMap('records').toJSON();
}

describe('choosing the encoding', () => {
  it('prefers gzip, then deflate, honours q=0 and falls back to the raw bytes', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('gzip');
    expect(chooseEncoding('deflate, gzip;q=0')).toBe('deflate');
    expect(chooseEncoding('br')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding('*;q=0, identity')).toBe('identity');
  });
});

describe('document states', () => {
  it('merges the snapshot with later updates (in the worker) and never answers with an older warmed state', async () => {
    const { db, store, states } = setup();
    const warming = warmingStatesOnCompact(store, states);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('records').set('r1', 'first');
    await store.append('book:u1:0', [{ update: updates[0], userId: 'u1' }]);
    await warming.compact('book:u1:0', Y.encodeStateAsUpdate(doc), 1);
    doc.getMap('records').set('r2', 'second');
    await store.append('book:u1:0', [{ update: updates[1], userId: 'u1' }]);
    const gzip = await states.encoded('book:u1:0', 'gzip');
    expect(gzip?.seq).toBe(2);
    expect(recordsOf(gunzipSync(gzip!.body))).toEqual({ r1: 'first', r2: 'second' });
    const deflate = await states.encoded('book:u1:0', 'deflate');
    expect(recordsOf(inflateSync(deflate!.body))).toEqual({ r1: 'first', r2: 'second' });
    const raw = await states.encoded('book:u1:0', 'identity');
    expect(recordsOf(new Uint8Array(raw!.body))).toEqual({ r1: 'first', r2: 'second' });
    await states.close();
    db.close();
  });

  it('answers null for a document the store has nothing of', async () => {
    const { db, states } = setup();
    expect(await states.encoded('book:u1:9', 'gzip')).toBeNull();
    await states.close();
    db.close();
  });
});
