import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freshIndexedDB, openTestEngine } from './test-support';
import { ReadOnlyError } from './engine';
import * as commands from './commands';
import { bookRecords } from './rows';
import { readFields, readSections } from '../schema/org-doc';

describe('engine: records', () => {
  it('a created record appears in the projection with its values', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'Ștefănescu SRL', city: 'Iași', revenue: 1200 });
    const row = engine.rows.get(id)!;
    expect(row.section).toBe('orgs');
    expect(row.v).toEqual({ name: 'Ștefănescu SRL', city: 'Iași', revenue: 1200 });
    expect(row.by).toBe(engine.user.id);
    await engine.close();
  });

  it('records and projection survive a reopen of the same database', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    const id = await commands.createRecord(first, 'people', { firstName: 'Ana', lastName: 'Pop' });
    await commands.updateField(first, id, 'position', 'CEO');
    const userId = first.user.id;
    await first.close();

    const second = await openTestEngine({ deps });
    expect(second.user.id).toBe(userId);
    expect(second.rows.get(id)?.v).toEqual({ firstName: 'Ana', lastName: 'Pop', position: 'CEO' });
    const { doc } = await second.loadDoc(second.rows.get(id)!.shard);
    expect(bookRecords(doc).get(id)?.get('position')).toBe('CEO');
    await second.close();
  });

  it('a blank value removes the field', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'A', city: 'Cluj' });
    await commands.updateField(engine, id, 'city', '');
    expect(engine.rows.get(id)?.v).toEqual({ name: 'A' });
    await engine.close();
  });

  it('delete puts a record in the trash and restore takes it back', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'A' });
    await commands.deleteRecords(engine, [id]);
    expect(engine.rows.get(id)?.deleted).toBeTypeOf('number');
    await commands.restoreRecords(engine, [id]);
    expect(engine.rows.get(id)?.deleted).toBeUndefined();
    await engine.close();
  });

  it('moving a record to another owner keeps its id and values', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'Moved', city: 'Madrid' });
    await commands.moveRecords(engine, [id], 'colleague');
    const row = engine.rows.get(id)!;
    expect(row.shard).toBe('book:colleague:0');
    expect(row.v).toEqual({ name: 'Moved', city: 'Madrid' });
    await engine.undo();
    expect(engine.rows.get(id)?.shard).toBe(`book:${engine.user.id}:0`);
    await engine.close();
  });
});

describe('engine: undo and redo', () => {
  it('undo reverts the last command and redo reapplies it', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'A' });
    await commands.updateField(engine, id, 'name', 'B');
    await commands.updateField(engine, id, 'city', 'Sevilla');
    await engine.undo();
    expect(engine.rows.get(id)?.v).toEqual({ name: 'B' });
    await engine.undo();
    expect(engine.rows.get(id)?.v).toEqual({ name: 'A' });
    await engine.redo();
    expect(engine.rows.get(id)?.v).toEqual({ name: 'B' });
    await engine.close();
  });

  it('undoing a create removes the record from the projection', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'A' });
    await engine.undo();
    expect(engine.rows.has(id)).toBe(false);
    await engine.flush();
    expect(await engine.db.rows.get(id)).toBeUndefined();
    await engine.close();
  });

  it('a new command clears the redo stack', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'A' });
    await commands.updateField(engine, id, 'name', 'B');
    await engine.undo();
    await commands.updateField(engine, id, 'city', 'X');
    expect(engine.canRedo()).toBe(false);
    await engine.close();
  });

  it('schema edits are undoable like record edits', async () => {
    const engine = await openTestEngine();
    await commands.renameSection(engine, 'orgs', 'Clients');
    expect(readSections(engine.org).find((s) => s.id === 'orgs')?.label).toBe('Clients');
    await engine.undo();
    expect(readSections(engine.org).find((s) => s.id === 'orgs')?.label).toBeUndefined();
    await engine.close();
  });
});

describe('engine: custom fields', () => {
  it('a deleted field keeps its data until the delete is confirmed, and the purge is undoable', async () => {
    const engine = await openTestEngine();
    const fieldId = await commands.addField(engine, { section: 'orgs', type: 'number', label: 'Employees' }, readFields(engine.org, 'orgs'));
    const id = await commands.createRecord(engine, 'orgs', { name: 'A', [fieldId]: 40 });
    await commands.deleteField(engine, 'orgs', fieldId);
    expect(readFields(engine.org, 'orgs').find((f) => f.id === fieldId)?.deletedAt).toBeTypeOf('number');
    expect(engine.rows.get(id)?.v[fieldId]).toBe(40);
    await commands.purgeField(engine, 'orgs', fieldId);
    expect(readFields(engine.org, 'orgs').find((f) => f.id === fieldId)).toBeUndefined();
    expect(engine.rows.get(id)?.v[fieldId]).toBeUndefined();
    await engine.undo();
    expect(readFields(engine.org, 'orgs').find((f) => f.id === fieldId)?.label).toBe('Employees');
    expect(engine.rows.get(id)?.v[fieldId]).toBe(40);
    await engine.close();
  });

  it('built-in fields can be renamed and hidden, and an empty name restores the default', async () => {
    const engine = await openTestEngine();
    await commands.changeField(engine, 'orgs', 'taxId', { label: 'CUI', hidden: true });
    let taxId = readFields(engine.org, 'orgs').find((f) => f.id === 'taxId')!;
    expect(taxId).toMatchObject({ label: 'CUI', hidden: true, builtin: true });
    await commands.changeField(engine, 'orgs', 'taxId', { label: '' });
    taxId = readFields(engine.org, 'orgs').find((f) => f.id === 'taxId')!;
    expect(taxId.label).toBeUndefined();
    await engine.close();
  });
});

describe('engine: two replicas editing offline converge', () => {
  it('different fields of one record edited on two devices both survive', async () => {
    const a = await openTestEngine();
    const b = await openTestEngine();
    const id = await commands.createRecord(a, 'orgs', { name: 'Shared', city: 'Lyon' });
    const shard = a.rows.get(id)!.shard;
    const docA = (await a.loadDoc(shard)).doc;
    const docB = (await b.loadDoc(shard)).doc;
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    expect(b.rows.get(id)?.v.city).toBe('Lyon');

    // Both offline: A changes the phone list, B changes the city.
    await commands.updateField(a, id, 'phones', [{ kind: 'mobile', value: '+40 722 000 111' }]);
    await commands.updateField(b, id, 'city', 'Paris');

    // Reconnect: exchange only what the other side lacks.
    const fromA = Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB));
    const fromB = Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA));
    Y.applyUpdate(docB, fromA);
    Y.applyUpdate(docA, fromB);
    for (const engine of [a, b]) {
      expect(engine.rows.get(id)?.v).toMatchObject({ name: 'Shared', city: 'Paris', phones: [{ kind: 'mobile', value: '+40 722 000 111' }] });
    }
    await a.close();
    await b.close();
  });
});

describe('engine: shards are loaded to edit and unloaded when idle', () => {
  it('an idle shard with nothing to undo is unloaded, and editing loads it again', async () => {
    const engine = await openTestEngine();
    const id = await commands.createRecord(engine, 'orgs', { name: 'A' });
    const shard = engine.rows.get(id)!.shard;
    expect(await engine.unloadIdle(0)).toEqual([]); // the create can still be undone
    await engine.undo();
    await engine.redo();
    expect(engine.loadedDocs().has(shard)).toBe(true);
    // Once the undo history no longer needs it (a fresh engine), an idle shard goes.
    await engine.close();
  });

  it('a shard unloaded after a reopen is reloaded on the next edit with its data', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    const id = await commands.createRecord(first, 'orgs', { name: 'A', city: 'Bilbao' });
    await first.close();
    const second = await openTestEngine({ deps });
    const shard = second.rows.get(id)!.shard;
    expect(second.loadedDocs().has(shard)).toBe(false); // cold start reads the projection only
    await commands.updateField(second, id, 'name', 'B');
    expect(second.loadedDocs().has(shard)).toBe(true);
    second.clearUndoHistory();
    expect(await second.unloadIdle(0)).toEqual([shard]);
    await commands.updateField(second, id, 'name', 'C');
    expect(second.rows.get(id)?.v).toEqual({ name: 'C', city: 'Bilbao' });
    await second.close();
  });
});

describe('engine: book shards are bounded', () => {
  it('a command that crosses a full shard continues in the next one, and later creates fill the gap first', async () => {
    const { SHARD_CAPACITY } = await import('./engine');
    const engine = await openTestEngine();
    engine.snapshotDelayMs = -1;
    const ids = await commands.createRecords(engine, 'orgs', Array.from({ length: SHARD_CAPACITY + 3 }, (_, n) => ({ name: `Org ${n}` })));
    const first = `book:${engine.user.id}:0`;
    const second = `book:${engine.user.id}:1`;
    expect(engine.shardSizes().get(first)).toBe(SHARD_CAPACITY);
    expect(engine.shardSizes().get(second)).toBe(3);
    expect(engine.rows.get(ids[SHARD_CAPACITY])?.shard).toBe(second);

    // Moving one record away frees a place in the first shard: the next record goes there.
    await commands.moveRecords(engine, [ids[0]], 'colleague');
    const next = await commands.createRecord(engine, 'orgs', { name: 'Fills the gap' });
    expect(engine.rows.get(next)?.shard).toBe(first);
    await engine.close();
  }, 60_000);
});

describe('engine: with an office relay', () => {
  it('a signed-in account never writes the org document (the relay owns it)', async () => {
    const engine = await openTestEngine({ account: { id: 'acc1', name: 'Ana' } });
    expect(engine.user).toEqual({ id: 'acc1', name: 'Ana' });
    expect(Y.encodeStateVector(engine.org)).toEqual(Y.encodeStateVector(new Y.Doc()));
    const id = await commands.createRecord(engine, 'orgs', { name: 'Acme' });
    expect(engine.rows.get(id)?.shard).toBe('book:acc1:0');
    await engine.close();
  });

  it('a command on a read-only document throws ReadOnlyError and changes nothing', async () => {
    const engine = await openTestEngine({ account: { id: 'viewer', name: 'Vera' } });
    engine.setDocAccess(new Map([['book:viewer:0', 'read'], ['org', 'read']]));
    await expect(commands.createRecord(engine, 'orgs', { name: 'Acme' })).rejects.toThrow(ReadOnlyError);
    await expect(commands.renameSection(engine, 'orgs', 'Clients')).rejects.toThrow(/only read org/);
    expect(engine.rows.size).toBe(0);
    expect(engine.canUndo()).toBe(false);
    expect(engine.canWriteOrg()).toBe(false);
    await engine.close();
  });

  it("with a relay, an unlisted colleague's book is not writable, the user's own new shard is", async () => {
    const engine = await openTestEngine({ account: { id: 'm1', name: 'Mia' } });
    engine.setDocAccess(new Map([['org', 'read']]));
    expect(engine.canWrite('book:m2:0')).toBe(false);
    expect(engine.canWrite('book:m1:3')).toBe(true);
    expect(engine.canWrite('prefs:m1')).toBe(true);
    expect(engine.canWrite('prefs:m2')).toBe(false);
    const local = await openTestEngine();
    expect(local.canWrite('book:anyone:0')).toBe(true);
    await Promise.all([engine.close(), local.close()]);
  });

  it('an undo step on a document that became read-only is refused and kept', async () => {
    const engine = await openTestEngine({ account: { id: 'm1', name: 'Mia' } });
    const id = await commands.createRecord(engine, 'orgs', { name: 'Acme' });
    let notified = 0;
    engine.onAccessChange(() => notified++);
    engine.setDocAccess(new Map([['book:m1:0', 'read']]));
    expect(notified).toBe(1);
    await expect(engine.undo()).rejects.toThrow(ReadOnlyError);
    expect(engine.rows.has(id)).toBe(true);
    expect(engine.canUndo()).toBe(true);
    await engine.close();
  });

  it('forgetting a book removes its records and stored updates, and an undo history that touched it', async () => {
    const engine = await openTestEngine();
    await commands.moveRecords(engine, [await commands.createRecord(engine, 'orgs', { name: 'Theirs' })], 'colleague');
    const kept = await commands.createRecord(engine, 'orgs', { name: 'Mine' });
    const theirs = [...engine.rows.values()].find((row) => row.v.name === 'Theirs')!;
    expect(theirs.shard).toBe('book:colleague:0');
    await engine.forgetDocs([theirs.shard]);
    expect(engine.rows.has(theirs.id)).toBe(false);
    expect(engine.rows.has(kept)).toBe(true);
    expect(engine.loadedDocs().has(theirs.shard)).toBe(false);
    expect(await engine.db.updates.where('doc').equals(theirs.shard).count()).toBe(0);
    // The move touched the forgotten book: no step of that history can be replayed safely any more.
    expect(engine.canUndo()).toBe(false);
    expect(await engine.undo()).toBe(false);
    expect(engine.rows.has(kept)).toBe(true);
    await engine.close();
  });

  it('load and unload hooks see every book shard, and kept shards stay loaded', async () => {
    const engine = await openTestEngine();
    const loaded: string[] = [];
    const unloading: string[] = [];
    engine.onDocLoaded((docId) => loaded.push(docId));
    engine.onDocUnloading((docId) => unloading.push(docId));
    const id = await commands.createRecord(engine, 'orgs', { name: 'A' });
    const shard = engine.rows.get(id)!.shard;
    expect(loaded).toEqual([shard]);
    engine.clearUndoHistory();
    engine.setKeepLoaded((docId) => docId === shard);
    expect(await engine.unloadIdle(0)).toEqual([]);
    engine.setKeepLoaded(() => false);
    expect(await engine.unloadIdle(0)).toEqual([shard]);
    expect(unloading).toEqual([shard]);
    await engine.close();
  });
});
