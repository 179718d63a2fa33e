import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import * as commands from '../engine/commands';
import { freshIndexedDB, openTestEngine } from '../engine/test-support';
import type { Row } from '../engine/rows';
import { ClientelaDatabase, type DatabaseDeps } from '../storage/database';
import { generateBenchRows } from './bench-data';
import { dropRemovedRows, INDEX_KEY, openIndex, readPersistedIndex, writePersistedIndex } from './index-store';
import { createLocalWorker, type LocalWorker } from './local-worker';
import type { FromWorker } from './protocol';
import { createSearchClient, type SearchClient } from './search-client';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openDb(deps: DatabaseDeps, rows: Row[] = []): Promise<ClientelaDatabase> {
  const db = new ClientelaDatabase('test', deps);
  await db.open();
  if (rows.length > 0) await db.rows.bulkPut(rows);
  cleanups.push(() => db.close());
  return db;
}

const sorted = (ids: Iterable<string> | null): string[] => [...(ids ?? [])].sort();

describe('persisted index (index-store)', () => {
  it('rebuilds from the rows when no index is stored', async () => {
    const rows = generateBenchRows(200, 3);
    const db = await openDb(freshIndexedDB(), rows);
    const opened = await openIndex(db);
    expect(opened.source).toBe('rebuilt');
    expect(opened.caughtUp).toBe(200);
    expect(opened.seq).toBe(200);
    expect(opened.index.size).toBe(200);
  });

  it('loads the stored index and catches up only rows with a higher seq, and drops removed rows', async () => {
    const rows = generateBenchRows(300, 4);
    const db = await openDb(freshIndexedDB(), rows.slice(0, 250));
    const first = await openIndex(db);
    await writePersistedIndex(db, first.index, first.seq);

    const edited: Row = { ...rows[10], v: { name: 'Ultramarina Nueva' }, seq: 251 };
    await db.rows.bulkPut([edited, ...rows.slice(250).map((row, n) => ({ ...row, seq: 252 + n }))]);
    await db.rows.delete(rows[20].id);

    const second = await openIndex(db);
    expect(second.source).toBe('persisted');
    expect(second.caughtUp).toBe(51);
    expect(second.seq).toBe(301);
    expect(await dropRemovedRows(db, second.index)).toBe(1);
    expect(await dropRemovedRows(db, second.index)).toBe(0);
    expect(second.index.size).toBe(299);
    expect(sorted(second.index.searchIds('ultramarina', rows[10].section))).toEqual([rows[10].id]);
    expect(second.index.has(rows[20].id)).toBe(false);
    expect(second.index.has(rows[299].id)).toBe(true);
  });

  it('rebuilds when the stored index is of another format or unreadable', async () => {
    const rows = generateBenchRows(50, 6);
    const db = await openDb(freshIndexedDB(), rows);
    const first = await openIndex(db);
    await writePersistedIndex(db, first.index, first.seq);
    const stored = (await readPersistedIndex(db))!;
    await db.searchIndex.put({ key: INDEX_KEY, value: { ...stored, format: -1 } });
    expect((await openIndex(db)).source).toBe('rebuilt');
    await db.searchIndex.put({ key: INDEX_KEY, value: 'garbage' });
    expect((await openIndex(db)).source).toBe('rebuilt');
  });
});

interface Started {
  engine: Engine;
  client: SearchClient;
  worker: LocalWorker;
}

async function start(deps = freshIndexedDB()): Promise<Started & { deps: DatabaseDeps }> {
  const engine = await openTestEngine({ deps });
  const worker = createLocalWorker(deps, 10);
  const client = createSearchClient(engine, { worker });
  cleanups.push(async () => {
    client.dispose();
    worker.terminate();
    await worker.core.idle();
    await engine.close();
  });
  await client.ready;
  return { engine, client, worker, deps };
}

/** Resolves once the worker stored an index covering projection seq `seq`. */
function persisted(worker: LocalWorker, seq: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (worker.sent.some((message) => message.type === 'persisted' && message.seq >= seq)) resolve();
      else setTimeout(check, 5);
    };
    check();
  });
}

const readyOf = (worker: LocalWorker): Extract<FromWorker, { type: 'ready' }> | undefined =>
  worker.sent.find((message): message is Extract<FromWorker, { type: 'ready' }> => message.type === 'ready');

describe('search client + worker', () => {
  it('finds records created, edited and deleted through commands, forgiving accents and typos', async () => {
    const { engine, client } = await start();
    const stef = await commands.createRecord(engine, 'people', { firstName: 'Ștefan', lastName: 'Ștefănescu', city: 'Iași', phones: [{ kind: 'mobile', value: '+40 (722) 000-111' }] });
    const org = await commands.createRecord(engine, 'orgs', { name: 'Ștefănescu Mobilă SRL' });
    expect(sorted(await client.search('Stefanescu', 'people'))).toEqual([stef]);
    expect(sorted(await client.search('stefanscu', 'orgs'))).toEqual([org]);
    expect(sorted(await client.search('722000', 'people'))).toEqual([stef]);
    expect(await client.search('  ', 'people')).toBeNull();

    await commands.updateField(engine, stef, 'city', 'Cluj');
    expect(sorted(await client.search('iasi', 'people'))).toEqual([]);
    expect(sorted(await client.search('cluj', 'people'))).toEqual([stef]);
    await commands.deleteRecords(engine, [org]);
    const afterDelete = await client.search('mobila', 'orgs');
    // Soft-deleted records stay in the projection (the trash); the table hides them, not search.
    expect(sorted(afterDelete)).toEqual(engine.rows.has(org) ? [org] : []);
  });

  it('the result set answers has(), size and iteration', async () => {
    const { engine, client } = await start();
    const ids = await commands.createRecords(engine, 'orgs', [{ name: 'Alfa Uno' }, { name: 'Alfa Dos' }, { name: 'Beta' }]);
    const result = (await client.search('alfa', 'orgs'))!;
    expect(result.size).toBe(2);
    expect(result.has(ids[0])).toBe(true);
    expect(result.has(ids[2])).toBe(false);
    expect(result.has('unknown')).toBe(false);
    expect(sorted(result)).toEqual([ids[0], ids[1]].sort());
  });

  it('a restart loads the persisted index instead of rebuilding, and catches up edits made since', async () => {
    const deps = freshIndexedDB();
    const first = await start(deps);
    const ids = await commands.createRecords(first.engine, 'orgs', generateBenchRows(120, 8).map((row) => row.v));
    await commands.updateField(first.engine, ids[0], 'name', 'Zorro Primero');
    await first.client.search('zorro', 'orgs'); // rows are forwarded before a query
    await first.engine.flush();
    await persisted(first.worker, first.engine.currentProjectionSeq());
    expect(readyOf(first.worker)?.source).toBe('rebuilt');
    first.client.dispose();
    first.worker.terminate();
    await first.worker.core.idle();

    // Edits while no search client runs (another tab, an import): caught up by seq.
    const { engine: between } = { engine: first.engine };
    await commands.updateField(between, ids[1], 'name', 'Zorro Segundo');
    await commands.deleteRecords(between, [ids[2]]);
    await between.close();
    cleanups.splice(0);

    const second = await start(deps);
    const ready = readyOf(second.worker)!;
    expect(ready.source).toBe('persisted');
    expect(ready.caughtUp).toBeLessThan(10);
    expect(sorted(await second.client.search('zorro', 'orgs'))).toEqual([ids[0], ids[1]].sort());
  });

  it('every promise of a burst of keystrokes resolves with the newest query’s answer', async () => {
    const { engine, client } = await start();
    const [alfa, alba] = await commands.createRecords(engine, 'orgs', [{ name: 'Alfa' }, { name: 'Alba' }]);
    const burst = [client.search('a', 'orgs'), client.search('al', 'orgs'), client.search('alf', 'orgs')];
    const answers = await Promise.all(burst);
    for (const answer of answers) expect(sorted(answer)).toEqual([alfa]);
    expect(alba).toBeTruthy();
    const cleared = [client.search('alb', 'orgs'), client.search('', 'orgs')];
    expect(await Promise.all(cleared)).toEqual([null, null]);
    expect(sorted(await client.search('alb', 'orgs'))).toEqual([alba]);
  });

  it('a query waits for the index instead of failing while the worker opens', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const id = await commands.createRecord(engine, 'links', { title: 'Proveedor Núñez' });
    await engine.flush();
    const worker = createLocalWorker(deps, 10);
    const client = createSearchClient(engine, { worker });
    cleanups.push(async () => {
      client.dispose();
      worker.terminate();
      await worker.core.idle();
      await engine.close();
    });
    expect(sorted(await client.search('nunez', 'links'))).toEqual([id]);
  });

  it('an index prefetched before the engine opened is used, and caught up with rows written meanwhile', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const early = await commands.createRecord(engine, 'orgs', { name: 'Temprano' });
    await engine.flush();
    const worker = createLocalWorker(deps, 10);
    worker.postMessage({ type: 'prefetch', dbName: 'test' });
    await worker.core.idle();
    const late = await commands.createRecord(engine, 'orgs', { name: 'Tardío' });
    await engine.flush();
    const client = createSearchClient(engine, { worker });
    cleanups.push(async () => {
      client.dispose();
      worker.terminate();
      await worker.core.idle();
      await engine.close();
    });
    expect(sorted(await client.search('temprano', 'orgs'))).toEqual([early]);
    expect(sorted(await client.search('tardio', 'orgs'))).toEqual([late]);
  });

  it('a prefetch of another database is dropped when the client opens its own', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const id = await commands.createRecord(engine, 'notes', { title: 'Nota propia' });
    await engine.flush();
    const worker = createLocalWorker(deps, 10);
    worker.postMessage({ type: 'prefetch', dbName: 'some-other-base' });
    const client = createSearchClient(engine, { worker });
    cleanups.push(async () => {
      client.dispose();
      worker.terminate();
      await worker.core.idle();
      await engine.close();
    });
    expect(sorted(await client.search('propia', 'notes'))).toEqual([id]);
  });

  it('after indexing a large batch the worker swaps in the compact form, and search and edits still work', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const ids = await commands.createRecords(engine, 'orgs', generateBenchRows(40, 12).map((row) => row.v));
    await commands.updateField(engine, ids[0], 'name', 'Compacta Uno');
    await engine.flush();
    const worker = createLocalWorker(deps, 10, 20);
    const client = createSearchClient(engine, { worker });
    cleanups.push(async () => {
      client.dispose();
      worker.terminate();
      await worker.core.idle();
      await engine.close();
    });
    await client.ready;
    expect(readyOf(worker)?.source).toBe('rebuilt');
    await persisted(worker, engine.currentProjectionSeq());
    expect(sorted(await client.search('compacta', 'orgs'))).toEqual([ids[0]]);
    await commands.updateField(engine, ids[0], 'name', 'Otra Cosa');
    await commands.updateField(engine, ids[1], 'name', 'Compacta Dos');
    const created = await commands.createRecord(engine, 'orgs', { name: 'Compacta Tres' });
    const result = (await client.search('compacta', 'orgs'))!;
    expect(sorted(result)).toEqual([ids[1], created].sort());
    expect(result.has(ids[1])).toBe(true);
    expect(result.has(ids[0])).toBe(false);
  });
});
