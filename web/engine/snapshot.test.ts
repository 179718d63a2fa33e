import { describe, expect, it } from 'vitest';
import { freshIndexedDB, openTestEngine } from './test-support';
import * as commands from './commands';

describe('projection snapshot', () => {
  it('a reopen reads the snapshot plus rows written after it', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    first.snapshotDelayMs = -1;
    const ids = await commands.createRecords(first, 'orgs', [{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
    await first.writeSnapshotNow();
    expect(await first.db.snapshot.count()).toBe(1);
    await commands.updateField(first, ids[0], 'city', 'Chișinău');
    const [late] = await commands.createRecords(first, 'orgs', [{ name: 'D' }]);
    await first.close();

    const second = await openTestEngine({ deps });
    expect([...second.rows.values()].map((row) => row.v.name).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(second.rows.get(ids[0])?.v.city).toBe('Chișinău');
    expect(second.rows.has(late)).toBe(true);
    await second.close();
  });

  it('a record moved away after the snapshot is not resurrected by it', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    first.snapshotDelayMs = -1;
    const [id] = await commands.createRecords(first, 'orgs', [{ name: 'Leaving' }]);
    await first.writeSnapshotNow();
    const { doc } = await first.loadDoc(first.rows.get(id)!.shard);
    // A remote change (another device) takes the record out of this shard.
    const { bookRecords } = await import('./rows');
    doc.transact(() => bookRecords(doc).delete(id), 'remote');
    await first.flush();
    expect(first.rows.has(id)).toBe(false);
    await first.close();

    const second = await openTestEngine({ deps });
    expect(second.rows.has(id)).toBe(false);
    await second.close();
  });

  it('the snapshot, once rewritten, equals the rows table', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    engine.snapshotDelayMs = -1;
    await commands.createRecords(engine, 'people', Array.from({ length: 25 }, (_, i) => ({ firstName: `P${i}` })));
    await engine.writeSnapshotNow();
    const fromSnapshot = JSON.parse((await engine.db.snapshot.get(0))!.json);
    const fromTable = await engine.db.rows.toArray();
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(fromSnapshot)).toEqual(byId(fromTable));
    await engine.close();
  });
});
