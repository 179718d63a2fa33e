/**
 * The import writes through one command (applyImport in web/engine/commands.ts): records,
 * merges, custom-field definitions and the batch id in one undo step, and read-only documents
 * refused before anything (photos included) is written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyImport, createRecord } from '../engine/commands';
import { ReadOnlyError } from '../engine/engine';
import { ORG_DOC_ID } from '../engine/ids';
import { openTestEngine } from '../engine/test-support';
import { readFields } from '../schema/org-doc';
import { importRecords } from './import-run';
import { analyzeFile } from './read-file';
import { bytesSource } from './source';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const VCARD_WITH_PHOTO = `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Pop;Ana;;;\r\nFN:Ana Pop\r\nPHOTO;ENCODING=b;TYPE=PNG:${PNG}\r\nEND:VCARD\r\n`;

async function planOf(name: string, text: string) {
  const source = bytesSource(name, new TextEncoder().encode(text));
  return { source, analysis: await analyzeFile(source), duplicates: 'merge' as const };
}

describe('applyImport: the one command an import writes with', () => {
  it('creates records with the chosen ids, merges into existing ones, defines new fields, stamps the batch: one undo step', async () => {
    const engine = await openTestEngine();
    const existing = await createRecord(engine, 'people', { lastName: 'Pop' });
    const undoBefore = engine.canUndo();
    await applyImport(engine, {
      batch: 'b1',
      creates: [{ id: 'imported-1', section: 'people', values: { lastName: 'Rus', c_score: 7, empty: '' } }],
      merges: new Map([[existing, { city: 'Iași' }]]),
      newFields: [{ section: 'people', id: 'c_score', label: 'Score', type: 'number', order: 50 }],
    });
    expect(undoBefore).toBe(true);
    expect(engine.rows.get('imported-1')).toMatchObject({ section: 'people', batch: 'b1', v: { lastName: 'Rus', c_score: 7 } });
    expect('empty' in engine.rows.get('imported-1')!.v).toBe(false);
    expect(engine.rows.get(existing)).toMatchObject({ batch: 'b1', v: { lastName: 'Pop', city: 'Iași' } });
    expect(readFields(engine.org, 'people').find((field) => field.id === 'c_score')).toMatchObject({ type: 'number', label: 'Score' });
    await engine.undo();
    expect(engine.rows.get('imported-1')).toBeUndefined();
    expect(engine.rows.get(existing)!.v).toEqual({ lastName: 'Pop' });
    expect(readFields(engine.org, 'people').some((field) => field.id === 'c_score')).toBe(false);
    // The createRecord before it is the next undo step: the import was exactly one.
    expect(engine.canUndo()).toBe(true);
    await engine.close();
  });

  it('a read-only shard is refused before anything is written: no record, no photo blob', async () => {
    const engine = await openTestEngine();
    engine.setDocAccess(new Map([[engine.shardForNewRecord(), 'read']]));
    const plan = await planOf('photo.vcf', VCARD_WITH_PHOTO);
    await expect(importRecords(engine, plan)).rejects.toBeInstanceOf(ReadOnlyError);
    expect(engine.rows.size).toBe(0);
    expect(await engine.db.blobs.count()).toBe(0);
    expect(engine.canUndo()).toBe(false);
    await engine.close();
  });

  it('a read-only org document refuses an import that needs a new custom field; the records are not written either', async () => {
    const engine = await openTestEngine();
    engine.setDocAccess(new Map([[ORG_DOC_ID, 'read']]));
    const plan = await planOf('score.csv', 'Last name;Score\nPop;12,5\nRus;7\n');
    await expect(importRecords(engine, plan)).rejects.toBeInstanceOf(ReadOnlyError);
    expect(engine.rows.size).toBe(0);
    await engine.close();
  });

  it('with write access the same vCard stores its photo and the record together', async () => {
    const engine = await openTestEngine();
    const report = await importRecords(engine, await planOf('photo.vcf', VCARD_WITH_PHOTO));
    const row = engine.rows.get(report.createdIds[0])!;
    expect(row.v.photo).toMatch(/^[0-9a-f]{64}$/);
    expect(await engine.db.blobs.count()).toBe(1);
    await engine.close();
  });

  it('import-run.ts changes data only through the command, never with engine.run itself', () => {
    const source = readFileSync(new URL('./import-run.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/applyImport\(engine,/);
    expect(source).not.toMatch(/engine\.run\(|\.transact\(|new Y\.Map/);
  });
});
