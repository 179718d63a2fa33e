import { describe, expect, it } from 'vitest';
import { addField, createRecord } from '../engine/commands';
import { SHARD_CAPACITY } from '../engine/engine';
import { openTestEngine } from '../engine/test-support';
import { readFields } from '../schema/org-doc';
import { importRecords, ImportRefusedError, describeSkip, type ImportPlan } from './import-run';
import { analyzeFile } from './read-file';
import { bytesSource } from './source';
import { getBlob } from '../blobs/blob-store';

async function plan(text: string, rest: Partial<ImportPlan> = {}, chunkSize = 1 << 20): Promise<ImportPlan> {
  const source = bytesSource('test.csv', new TextEncoder().encode(text), chunkSize);
  return { source, analysis: await analyzeFile(source), duplicates: 'create', ...rest };
}

const PEOPLE = 'First name;Last name;Phone;E-mail;City;Company\nAna;Pop;0722 000 111;ana@pop.ro;Iași;Ștefănescu SRL\nIon;Rus;+40 733 000 222;ion@rus.ro;Cluj;Acme\nMaria;Lungu;0744 000 333;;Cluj;Acme\n';

describe('import run: storing, one undo step, batch id', () => {
  it('every created record carries the batch id and one undo removes the whole import', async () => {
    const engine = await openTestEngine();
    const report = await importRecords(engine, await plan(PEOPLE), {});
    expect(report.created).toBe(5); // 3 people + 2 organizations
    expect(report.createdOrgs).toBe(2);
    const created = report.createdIds.map((id) => engine.rows.get(id)!);
    expect(created.every((row) => row.batch === report.batch)).toBe(true);
    expect(await engine.undo()).toBe(true);
    expect(report.createdIds.filter((id) => engine.rows.get(id) && !engine.rows.get(id)!.deleted)).toEqual([]);
    expect(engine.canUndo()).toBe(false);
    await engine.redo();
    expect(report.createdIds.every((id) => engine.rows.has(id))).toBe(true);
    await engine.close();
  });

  it('people are linked to an existing organization by name, legal form and accents forgiven', async () => {
    const engine = await openTestEngine();
    const existing = await createRecord(engine, 'orgs', { name: 'Stefanescu' });
    const report = await importRecords(engine, await plan(PEOPLE));
    const people = report.createdIds.map((id) => engine.rows.get(id)!).filter((row) => row.section === 'people');
    expect(people.find((row) => row.v.lastName === 'Pop')?.v.org).toBe(existing);
    const acme = people.filter((row) => row.v.city === 'Cluj').map((row) => row.v.org);
    expect(new Set(acme).size).toBe(1);
    expect(engine.rows.get(acme[0] as string)?.v.name).toBe('Acme');
    await engine.close();
  });

  it('phones keep their leading zero and + exactly as written', async () => {
    const engine = await openTestEngine();
    const report = await importRecords(engine, await plan(PEOPLE));
    const phones = report.createdIds.flatMap((id) => (engine.rows.get(id)!.v.phones as { value: string }[] | undefined) ?? []).map((entry) => entry.value);
    expect(phones.sort()).toEqual(['+40 733 000 222', '0722 000 111', '0744 000 333']);
    await engine.close();
  });

  it('unknown numeric and date columns become custom fields, created in the same undo step', async () => {
    const engine = await openTestEngine();
    const report = await importRecords(engine, await plan('Last name;Score;Visited\nPop;12,5;31.12.2024\nRus;7;01.02.2023\n'));
    expect(report.newFields.map((field) => field.label).sort()).toEqual(['Score', 'Visited']);
    const fields = readFields(engine.org, 'people');
    const score = fields.find((field) => field.label === 'Score')!;
    const visited = fields.find((field) => field.label === 'Visited')!;
    expect([score.type, visited.type]).toEqual(['number', 'date']);
    const pop = report.createdIds.map((id) => engine.rows.get(id)!).find((row) => row.v.lastName === 'Pop')!;
    expect(pop.v[score.id]).toBe(12.5);
    expect(pop.v[visited.id]).toBe('2024-12-31');
    await engine.undo();
    expect(readFields(engine.org, 'people').some((field) => field.label === 'Score')).toBe(false);
    await engine.close();
  });
});

describe('import run: duplicates', () => {
  it('skip: matches in the base and earlier in the file are skipped with line and reason', async () => {
    const engine = await openTestEngine();
    const existing = await createRecord(engine, 'people', { firstName: 'Ana', lastName: 'Pop', phones: [{ kind: 'mobile', value: '+40722000111' }] });
    const text = `${PEOPLE}Ioan;Rusu;;ION@rus.ro;;\n`;
    const report = await importRecords(engine, await plan(text, { duplicates: 'skip' }));
    expect(report.skipped).toEqual([
      expect.objectContaining({ line: 2, reason: 'duplicateInBase', matchedRecordId: existing, reasons: ['phone'] }),
      expect.objectContaining({ line: 5, reason: 'duplicateInFile', matchedLine: 3, reasons: ['email'] }),
    ]);
    expect(describeSkip(report.skipped[1])).toBe('Line 5: the same as line 3 of this file (email).');
    expect(report.duplicates).toHaveLength(2);
    await engine.close();
  });

  it('merge: empty fields are filled, a new phone is added, a conflicting value stays visible in notes; undo restores', async () => {
    const engine = await openTestEngine();
    const existing = await createRecord(engine, 'people', { firstName: 'Ana', lastName: 'Pop', city: 'București', emails: [{ kind: 'work', value: 'ana@pop.ro' }] });
    const report = await importRecords(engine, await plan('First name;Last name;Phone;E-mail;City;Position\nAna;Pop;0722 000 111;ANA@pop.ro;Iași;CEO\n', { duplicates: 'merge' }));
    expect(report).toMatchObject({ created: 0, merged: 1 });
    const row = engine.rows.get(existing)!;
    expect(row.v).toMatchObject({ city: 'București', position: 'CEO', phones: [{ kind: 'other', value: '0722 000 111' }], emails: [{ kind: 'work', value: 'ana@pop.ro' }] });
    expect(row.v.notes).toBe('Imported city: Iași');
    expect(row.batch).toBe(report.batch);
    await engine.undo();
    expect(engine.rows.get(existing)!.v).toEqual({ firstName: 'Ana', lastName: 'Pop', city: 'București', emails: [{ kind: 'work', value: 'ana@pop.ro' }] });
    await engine.close();
  });

  it('merge: a person without an organization gets the one named in the file', async () => {
    const engine = await openTestEngine();
    const existing = await createRecord(engine, 'people', { lastName: 'Pop', emails: [{ kind: 'work', value: 'ana@pop.ro' }] });
    const report = await importRecords(engine, await plan('Last name;E-mail;Company\nPop;ana@pop.ro;Acme SRL\n', { duplicates: 'merge' }));
    expect(report).toMatchObject({ merged: 1, createdOrgs: 1 });
    const org = engine.rows.get(engine.rows.get(existing)!.v.org as string);
    expect(org?.v.name).toBe('Acme SRL');
    await engine.close();
  });

  it('create: duplicates are created anyway and still listed', async () => {
    const engine = await openTestEngine();
    await createRecord(engine, 'people', { lastName: 'Pop', emails: [{ kind: 'work', value: 'ana@pop.ro' }] });
    const report = await importRecords(engine, await plan(PEOPLE));
    expect(report.duplicates).toEqual([expect.objectContaining({ line: 2, outcome: 'created', reasons: ['email'] })]);
    expect(report.created).toBe(5);
    await engine.close();
  });
});

describe('import run: refusals, partial import, cancel and progress', () => {
  it('a row with more fields than the header refuses the whole import; nothing is written', async () => {
    const engine = await openTestEngine();
    const bad = await plan('Last name;Phone\nPop;0722\nRus;0733;extra\n');
    await expect(importRecords(engine, bad)).rejects.toBeInstanceOf(ImportRefusedError);
    expect(engine.rows.size).toBe(0);
    const report = await importRecords(engine, { ...bad, acceptPartial: true });
    expect(report.created).toBe(1);
    expect(report.skipped).toEqual([expect.objectContaining({ line: 3, record: 2, reason: 'problem' })]);
    expect(describeSkip(report.skipped[0])).toBe('Line 3 has 3 fields, but the header has 2.');
    await engine.close();
  });

  it('a cancel through the AbortSignal stops the run and writes nothing', async () => {
    const engine = await openTestEngine();
    const rows = Array.from({ length: 2000 }, (_, index) => `Name${index};07${String(index).padStart(8, '0')}`).join('\n');
    const controller = new AbortController();
    const run = importRecords(engine, await plan(`Last name;Phone\n${rows}\n`, {}, 4096), {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.rows > 100) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(engine.rows.size).toBe(0);
    expect(engine.canUndo()).toBe(false);
    await engine.close();
  });

  it('progress reports rows and bytes while reading, then the store phase', async () => {
    const engine = await openTestEngine();
    const phases: string[] = [];
    let lastRows = 0;
    await importRecords(engine, await plan(PEOPLE, {}, 16), { onProgress: (progress) => (phases.push(progress.phase), (lastRows = Math.max(lastRows, progress.rows))) });
    expect(phases.at(-1)).toBe('store');
    expect(phases).toContain('read');
    expect(lastRows).toBe(3);
    await engine.close();
  });
});

describe('import run: vCard photos', () => {
  it('a vCard photo is stored in the blob store and the person gets its hash', async () => {
    const engine = await openTestEngine();
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Pop;Ana;;;\r\nPHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=\r\nEND:VCARD\r\n';
    const source = bytesSource('a.vcf', new TextEncoder().encode(card));
    const report = await importRecords(engine, { source, analysis: await analyzeFile(source), duplicates: 'create' });
    const person = engine.rows.get(report.createdIds[0])!;
    expect(person.v.lastName).toBe('Pop');
    const blob = await getBlob(engine.db, person.v.photo as string);
    expect(blob?.type).toBe('image/png');
    await engine.close();
  });
});

describe('import run: people and organizations', () => {
  it('a row of a people list that names only a company becomes an organization', async () => {
    const engine = await openTestEngine();
    const report = await importRecords(engine, await plan('First name;Last name;Company;Phone\nAna;Pop;Acme;0722 000 111\n;;Globex SRL;021 000 000\n'));
    const rows = report.createdIds.map((id) => engine.rows.get(id)!);
    expect(rows.filter((row) => row.section === 'people').map((row) => row.v.lastName)).toEqual(['Pop']);
    expect(rows.filter((row) => row.section === 'orgs').map((row) => row.v.name).sort()).toEqual(['Acme', 'Globex SRL']);
    expect(rows.find((row) => row.v.name === 'Globex SRL')?.v.phones).toEqual([{ kind: 'other', value: '021 000 000' }]);
    await engine.close();
  });
});

describe('import run: existing custom fields keep their type', () => {
  it('columns named like existing custom fields fill them by their type: number "1234,5" → 1234.5, text "12" stays text; no new field', async () => {
    const engine = await openTestEngine();
    const score = await addField(engine, { section: 'people', type: 'number', label: 'Score' }, readFields(engine.org, 'people'));
    const room = await addField(engine, { section: 'people', type: 'text', label: 'Room' }, readFields(engine.org, 'people'));
    const report = await importRecords(engine, await plan('Last name;Score;Room\nPop;1234,5;12\nRus;7;7\n'));
    expect(report.newFields).toEqual([]);
    const pop = report.createdIds.map((id) => engine.rows.get(id)!).find((row) => row.v.lastName === 'Pop')!;
    expect(pop.v[score]).toBe(1234.5);
    // A text field stays text even when the column holds only digits.
    expect(pop.v[room]).toBe('12');
    await engine.close();
  });

  it('with the base fields given to analyzeFile, a custom choice column maps to its field and labels become options', async () => {
    const engine = await openTestEngine();
    const level = await addField(engine, { section: 'people', type: 'choice', label: 'Level', options: ['Gold', 'Silver'] }, readFields(engine.org, 'people'));
    const source = bytesSource('levels.csv', new TextEncoder().encode('Last name;Level\nPop;silver\nRus;Gold\n'));
    const fields = [...readFields(engine.org, 'people'), ...readFields(engine.org, 'orgs')];
    const analysis = await analyzeFile(source, { fields });
    expect(analysis.mapping?.targets[1]).toEqual({ kind: 'field', field: level });
    const report = await importRecords(engine, { source, analysis, duplicates: 'create' });
    expect(report.createdIds.map((id) => engine.rows.get(id)!.v[level]).sort()).toEqual(['Gold', 'Silver']);
    await engine.close();
  });
});

describe('import run: stored chunk by chunk, still one step', () => {
  const many = (count: number, from = 0, company = false) => Array.from({ length: count }, (_, index) => `Name${from + index};07${String(from + index).padStart(8, '0')}${company ? `;Co${(from + index) % 7}` : ''}`).join('\n');

  it('an import stored in many chunks undoes and redoes as one step', async () => {
    const engine = await openTestEngine();
    const report = await importRecords(engine, await plan(`Last name;Phone;Company\n${many(1000, 0, true)}\n`, {}, 4096), { chunkRecords: 100 });
    expect(report.created).toBe(1007); // 1000 people + 7 organizations, each created once across chunks
    expect(engine.rows.size).toBe(1007);
    expect(new Set([...engine.rows.values()].filter((row) => row.section === 'orgs').map((row) => row.v.name)).size).toBe(7);
    expect(await engine.undo()).toBe(true);
    expect(engine.rows.size).toBe(0);
    expect(engine.canUndo()).toBe(false);
    expect(await engine.redo()).toBe(true);
    expect(engine.rows.size).toBe(1007);
    await engine.close();
  });

  it('shards the import filled are let go of during the import, and one undo still removes every record', async () => {
    const engine = await openTestEngine();
    const count = SHARD_CAPACITY + 500;
    const report = await importRecords(engine, await plan(`Last name;Phone\n${many(count)}\n`, {}, 1 << 16), { chunkRecords: 2_000 });
    expect(report.created).toBe(count);
    const shards = [...new Set(report.createdIds.map((id) => engine.rows.get(id)!.shard))];
    expect(shards).toHaveLength(2);
    const full = shards.find((shard) => engine.shardSizes().get(shard) === SHARD_CAPACITY)!;
    expect(engine.loadedDocs().has(full)).toBe(false);
    expect(await engine.undo()).toBe(true);
    expect(engine.rows.size).toBe(0);
    expect(await engine.redo()).toBe(true);
    expect(engine.rows.size).toBe(count);
    await engine.close();
  });

  it("progress of the store phase follows the chunks: it reaches the whole file only with the last one", async () => {
    const engine = await openTestEngine();
    const stored: { bytes: number; totalBytes: number }[] = [];
    await importRecords(engine, await plan(`Last name;Phone\n${many(1000)}\n`, {}, 2048), {
      chunkRecords: 200,
      onProgress: (progress) => void (progress.phase === 'store' && stored.push({ bytes: progress.bytes, totalBytes: progress.totalBytes })),
    });
    expect(stored.length).toBeGreaterThanOrEqual(5);
    expect(stored.every((entry, index) => index === 0 || entry.bytes >= stored[index - 1].bytes)).toBe(true);
    expect(stored[0].bytes).toBeLessThan(stored[0].totalBytes / 2);
    expect(stored.at(-1)!.bytes).toBe(stored.at(-1)!.totalBytes);
    await engine.close();
  });

  it('an edit made before the import stays when the import is undone', async () => {
    const engine = await openTestEngine();
    await createRecord(engine, 'people', { lastName: 'Before' });
    await importRecords(engine, await plan(`Last name;Phone\n${many(300)}\n`, {}, 2048), { chunkRecords: 50 });
    await engine.undo();
    expect([...engine.rows.values()].map((row) => row.v.lastName)).toEqual(['Before']);
    expect(engine.canUndo()).toBe(true);
    await engine.close();
  });

  it('a cancel after some chunks were stored takes them back: nothing remains, nothing to undo', async () => {
    const engine = await openTestEngine();
    await createRecord(engine, 'people', { lastName: 'Before' });
    const controller = new AbortController();
    let storedChunks = 0;
    const run = importRecords(engine, await plan(`Last name;Phone\n${many(2000)}\n`, {}, 2048), {
      chunkRecords: 100,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'store' && ++storedChunks === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(storedChunks).toBe(3);
    expect([...engine.rows.values()].map((row) => row.v.lastName)).toEqual(['Before']);
    await engine.undo();
    expect(engine.rows.size).toBe(0);
    expect(engine.canUndo()).toBe(false);
    await engine.close();
  });

  it('a bad row after stored chunks refuses the import and takes the stored chunks back', async () => {
    const engine = await openTestEngine();
    const text = `Last name;Phone\n${many(500)}\nBad;0799;extra\n`;
    const source = bytesSource('test.csv', new TextEncoder().encode(text), 2048);
    // The analysis of the whole file would refuse up front; records read later may still carry a problem.
    const analysis = { ...(await analyzeFile(source)), problems: [] };
    let storedChunks = 0;
    const onProgress = (progress: { phase: string }) => void (progress.phase === 'store' && storedChunks++);
    await expect(importRecords(engine, { source, analysis, duplicates: 'create' }, { chunkRecords: 100, onProgress })).rejects.toBeInstanceOf(ImportRefusedError);
    expect(storedChunks).toBeGreaterThanOrEqual(4);
    expect(engine.rows.size).toBe(0);
    expect(engine.canUndo()).toBe(false);
    await engine.close();
  });

  it('a duplicate of a record stored by an earlier chunk merges into that record', async () => {
    const engine = await openTestEngine();
    const text = `Last name;Phone;City\nFirst;0722000111;\n${many(250, 1000).replace(/\n/g, ';\n')};\nFirst;0722 000 111;Iași\n`;
    const report = await importRecords(engine, await plan(text, { duplicates: 'merge' }, 2048), { chunkRecords: 50 });
    expect(report.created).toBe(251);
    const first = [...engine.rows.values()].find((row) => row.v.lastName === 'First')!;
    expect(first.v.city).toBe('Iași');
    expect(report.duplicates).toEqual([expect.objectContaining({ line: 253, earlierLine: 2, outcome: 'merged' })]);
    expect(report.merged).toBe(0);
    await engine.close();
  });

  it('records read elsewhere (the import worker) are stored the same way', async () => {
    const engine = await openTestEngine();
    const base = await plan(PEOPLE);
    const { readRecords } = await import('./read-file');
    const report = await importRecords(engine, { ...base, records: readRecords(base.source, base.analysis) });
    expect(report.created).toBe(5);
    await engine.close();
  });
});
