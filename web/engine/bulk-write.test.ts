/**
 * Bulk writes (an import chunk, a fresh join): the documents are stored at once, the projection
 * rows in the background; a page closed in between rebuilds the projection on the next open.
 */
import { describe, expect, it } from 'vitest';
import { createRecords, updateField } from './commands';
import { BULK_WRITE_ROWS } from './engine';
import { freshIndexedDB, openTestEngine } from './test-support';

const people = (count: number) => Array.from({ length: count }, (_, index) => ({ lastName: `Person ${index}` }));

describe('bulk writes store their projection rows in the background', () => {
  it('after a bulk write the projection rows reach the rows table and the mark is cleared', async () => {
    const engine = await openTestEngine();
    const ids = await createRecords(engine, 'people', people(BULK_WRITE_ROWS + 10));
    await engine.flush();
    expect(await engine.db.updates.count()).toBeGreaterThan(0);
    await engine.projectionStored();
    expect(await engine.db.rows.count()).toBe(ids.length);
    expect(await engine.db.kv.get('projectionBehind')).toBeUndefined();
    await engine.close();
  });

  it('a small write stores its rows with the documents, as before', async () => {
    const engine = await openTestEngine();
    await createRecords(engine, 'people', people(3));
    await engine.flush();
    expect(await engine.db.rows.count()).toBe(3);
    expect(await engine.db.kv.get('projectionBehind')).toBeUndefined();
    await engine.close();
  });

  it('a record edited right after a bulk write keeps its newest value in the rows table', async () => {
    const engine = await openTestEngine();
    const ids = await createRecords(engine, 'people', people(BULK_WRITE_ROWS));
    await engine.flush();
    await updateField(engine, ids[5], 'lastName', 'Edited');
    await engine.projectionStored();
    expect((await engine.db.rows.get(ids[5]))!.v.lastName).toBe('Edited');
    await engine.close();
  });

  it('a page closed before the rows were stored rebuilds the projection from the documents on the next open', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    const ids = await createRecords(first, 'people', people(BULK_WRITE_ROWS + 1));
    await first.flush();
    expect(await first.db.kv.get('projectionBehind')).toEqual({ key: 'projectionBehind', value: true });
    // The tab dies: no close(), the background writer never runs.
    first.db.close();
    const second = await openTestEngine({ deps });
    expect(second.rows.size).toBe(ids.length);
    expect(second.rows.get(ids.at(-1)!)!.v.lastName).toBe(`Person ${BULK_WRITE_ROWS}`);
    expect(await second.db.rows.count()).toBe(ids.length);
    expect(await second.db.kv.get('projectionBehind')).toBeUndefined();
    await second.close();
  });
});

describe('shards released during a long command keep their undo history', () => {
  it('a released shard is reloaded by undo, which removes its records; redo brings them back', async () => {
    const engine = await openTestEngine();
    await createRecords(engine, 'people', [{ lastName: 'Kept' }]);
    const ids = await createRecords(engine, 'people', people(20));
    const shard = engine.rows.get(ids[0])!.shard;
    await engine.releaseDocs([shard]);
    expect(engine.loadedDocs().has(shard)).toBe(false);
    expect(await engine.undo()).toBe(true);
    expect(engine.loadedDocs().has(shard)).toBe(true);
    expect(ids.some((id) => engine.rows.has(id))).toBe(false);
    expect([...engine.rows.values()].map((row) => row.v.lastName)).toEqual(['Kept']);
    // Something to redo: the undone records live only in the loaded document, so it stays.
    await engine.releaseDocs([shard]);
    expect(engine.loadedDocs().has(shard)).toBe(true);
    expect(await engine.redo()).toBe(true);
    expect(ids.every((id) => engine.rows.get(id)?.v.lastName?.toString().startsWith('Person'))).toBe(true);
    await engine.undo();
    await engine.undo();
    expect(engine.rows.size).toBe(0);
    await engine.close();
  });

  it('clearing the undo history forgets the kept stacks too', async () => {
    const engine = await openTestEngine();
    const ids = await createRecords(engine, 'people', people(2));
    await engine.releaseDocs([engine.rows.get(ids[0])!.shard]);
    engine.clearUndoHistory();
    expect(engine.canUndo()).toBe(false);
    await updateField(engine, ids[0], 'lastName', 'Changed');
    expect(await engine.undo()).toBe(true);
    expect(engine.rows.get(ids[0])!.v.lastName).toBe('Person 0');
    expect(await engine.undo()).toBe(false);
    await engine.close();
  });
});
