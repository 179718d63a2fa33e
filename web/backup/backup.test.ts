import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freshIndexedDB, openTestEngine } from '../engine/test-support';
import type { Engine } from '../engine/engine';
import * as commands from '../engine/commands';
import { readFields } from '../schema/org-doc';
import { ClientelaDatabase } from '../storage/database';
import { backupFileName, encodeBackup, exportBackup, readBackup } from './export-backup';
import { parseBackup } from './parse-backup';
import { replaceBase, restoreBackup } from './restore-backup';
import { sha256Hex } from '../blobs/blob-store';
import { isGzip } from './gzip';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format';
import { storedDocIds } from '../engine/doc-log';
import { SCHEMA_VERSION } from '../engine/migrations';

/** A base with a bit of everything: records in several sections and shards, schema edits, a view, a blob. */
async function seededEngine(deps = freshIndexedDB()): Promise<Engine> {
  const engine = await openTestEngine({ deps, userName: 'Ana' });
  const fieldId = await commands.addField(engine, { section: 'orgs', type: 'number', label: 'Employees' }, readFields(engine.org, 'orgs'));
  const orgId = await commands.createRecord(engine, 'orgs', { name: 'Ștefănescu SRL', city: 'Iași', revenue: 1200.5, [fieldId]: 40, phones: [{ kind: 'work', value: '+40 232 111 222' }] });
  await commands.createRecords(engine, 'people', [
    { firstName: 'María', lastName: 'Núñez', org: orgId, emails: [{ kind: 'work', value: 'maria@nunez.es' }] },
    { firstName: 'Иван', lastName: 'Петров', birthday: '1975-02-03' },
  ]);
  const trashed = await commands.createRecord(engine, 'notes', { title: 'Old note', text: 'to the trash' });
  await commands.deleteRecords(engine, [trashed]);
  const moved = await commands.createRecord(engine, 'links', { title: 'Supplier', url: 'https://example.com' });
  await commands.moveRecords(engine, [moved], 'colleague');
  await commands.updateField(engine, orgId, 'city', 'Iași (centru)');
  await commands.renameSection(engine, 'orgs', 'Clients');
  await commands.saveView(engine, { section: 'orgs', name: 'Big clients', state: { sort: [['revenue', 'desc']] } });
  const photo = new TextEncoder().encode('pretend this is a JPEG');
  await engine.db.blobs.put({ hash: await sha256Hex(photo), type: 'image/jpeg', size: photo.length, data: photo, created: 1 });
  await engine.flush();
  return engine;
}

function reencoded(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  return Y.encodeStateAsUpdate(fresh);
}

function docJson(doc: Y.Doc): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const name of doc.share.keys()) json[name] = doc.getMap(name).toJSON();
  return json;
}

async function storedDocs(engine: Engine): Promise<Map<string, Y.Doc>> {
  const ids = await storedDocIds(engine.db);
  const docs = new Map<string, Y.Doc>();
  for (const id of ids) docs.set(id, (await engine.loadDoc(id)).doc);
  return docs;
}

function rowsWithoutSeq(engine: Engine) {
  return [...engine.rows.values()].map(({ seq: _seq, ...row }) => row).sort((a, b) => a.id.localeCompare(b.id));
}

describe('backup: export and restore round trip', () => {
  it('restoring an export on another device gives identical documents, rows, blobs and user', async () => {
    const source = await seededEngine();
    const bytes = await exportBackup(source.db);
    const { backup, summary } = await parseBackup(bytes);
    expect(summary).toMatchObject({ records: 4, blobs: 1, schemaVersion: SCHEMA_VERSION });

    const deps = freshIndexedDB();
    const other = await openTestEngine({ deps });
    await commands.createRecord(other, 'orgs', { name: 'Only on the other device' });
    await replaceBase(other, backup);
    const restored = await openTestEngine({ deps });

    expect(restored.user).toEqual(source.user);
    expect(rowsWithoutSeq(restored)).toEqual(rowsWithoutSeq(source));
    const sourceDocs = await storedDocs(source);
    const restoredDocs = await storedDocs(restored);
    expect([...restoredDocs.keys()].sort()).toEqual([...sourceDocs.keys()].sort());
    for (const [id, doc] of sourceDocs) {
      const copy = restoredDocs.get(id)!;
      expect(docJson(copy), id).toEqual(docJson(doc));
      expect(Y.encodeStateVector(copy), id).toEqual(Y.encodeStateVector(doc));
      // Same items and same deletions; the bytes are compared once both went through a fresh
      // Y.Doc (a live doc's store splits and merges items differently from a decoded one).
      expect(Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(doc)), id).toBe(true);
      expect(reencoded(copy), id).toEqual(reencoded(doc));
    }
    expect(await restored.db.blobs.toArray()).toEqual(await source.db.blobs.toArray());
    await source.close();
    await restored.close();
  });

  it('rows read back after a second reopen are the same (the rebuilt projection was stored)', async () => {
    const source = await seededEngine();
    const { backup } = await parseBackup(await exportBackup(source.db));
    const deps = freshIndexedDB();
    const db = new ClientelaDatabase('test', deps);
    await restoreBackup(db, backup);
    db.close();
    await (await openTestEngine({ deps })).close();
    const reopened = await openTestEngine({ deps });
    expect(rowsWithoutSeq(reopened)).toEqual(rowsWithoutSeq(source));
    await source.close();
    await reopened.close();
  });

  it('the restored base keeps working: new edits are stored and undo works', async () => {
    const source = await seededEngine();
    const { backup } = await parseBackup(await exportBackup(source.db));
    const deps = freshIndexedDB();
    const db = new ClientelaDatabase('test', deps);
    await restoreBackup(db, backup);
    db.close();
    const restored = await openTestEngine({ deps });
    const id = await commands.createRecord(restored, 'orgs', { name: 'After restore' });
    await restored.close();
    const again = await openTestEngine({ deps });
    expect(again.rows.get(id)?.v.name).toBe('After restore');
    expect(again.rows.size).toBe(source.rows.size + 1);
    await source.close();
    await again.close();
  });

  it('a restore clears every cache derived from the old base (rows, snapshot, search index)', async () => {
    const source = await seededEngine();
    const { backup } = await parseBackup(await exportBackup(source.db));
    const target = await openTestEngine();
    await commands.createRecord(target, 'orgs', { name: 'Old' });
    await target.flush();
    await target.db.searchIndex.put({ key: 'index', value: 'stale' });
    await replaceBase(target, backup);
    await target.db.open();
    for (const table of target.db.tables) {
      if (['updates', 'blobs', 'kv'].includes(table.name)) continue;
      expect(await table.count(), table.name).toBe(0);
    }
    expect(await target.db.kv.get('projectionVersion')).toBeUndefined();
    target.db.close();
    await source.close();
  });

  it('the file is gzipped by default, plain JSON on request, and both read back the same', async () => {
    const source = await seededEngine();
    const backup = await readBackup(source.db, { now: new Date('2026-01-02T03:04:05Z') });
    const zipped = await encodeBackup(backup);
    const plain = await encodeBackup(backup, { compress: false });
    expect(isGzip(zipped)).toBe(true);
    const header = JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
    expect(header).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: SCHEMA_VERSION, createdAt: '2026-01-02T03:04:05.000Z' });
    expect(header.app).toMatch(/^Clientela \d/);
    expect((await parseBackup(zipped)).backup).toEqual((await parseBackup(plain)).backup);
    await source.close();
  });

  it('export reports progress for every document', async () => {
    const source = await seededEngine();
    const seen: string[] = [];
    await exportBackup(source.db, { onProgress: ({ phase, done, total }) => seen.push(`${phase} ${done}/${total}`) });
    const docs = (await storedDocIds(source.db)).length;
    expect(seen[0]).toBe('read 0/1');
    expect(seen).toContain(`pack ${docs}/${docs}`);
    expect(seen.at(-1)).toBe('compress 0/1');
    await source.close();
  });

  it('the download is named after the local day', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59))).toBe('clientela-backup-2026-01-05.json.gz');
    expect(backupFileName(new Date(2026, 10, 22), false)).toBe('clientela-backup-2026-11-22.json');
  });

  it('a restore that fails half-way leaves the base exactly as it was', async () => {
    const source = await seededEngine();
    const { backup } = await parseBackup(await exportBackup(source.db));
    const target = await openTestEngine();
    await commands.createRecord(target, 'orgs', { name: 'Keep me' });
    await target.flush();
    const before = { updates: await target.db.updates.toArray(), rows: await target.db.rows.toArray(), kv: await target.db.kv.toArray() };
    const blobs = target.db.blobs;
    const original = blobs.bulkPut.bind(blobs);
    // Through unknown: Dexie's overloads do not match a plain function; the stand-in fails every call.
    blobs.bulkPut = (() => Promise.reject(new DOMException('disk full', 'QuotaExceededError'))) as unknown as typeof blobs.bulkPut;
    await expect(restoreBackup(target.db, backup)).rejects.toThrow();
    blobs.bulkPut = original;
    expect(await target.db.updates.toArray()).toEqual(before.updates);
    expect(await target.db.rows.toArray()).toEqual(before.rows);
    expect(await target.db.kv.toArray()).toEqual(before.kv);
    await target.close();
    await source.close();
  });
});
