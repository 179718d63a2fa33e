import { CORPUS_DIR } from '../corpus-reader';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../engine/rows';
import { builtinFields } from '../../schema/fields';
import type { ColumnMapping } from '../column-target';
import type { ImportRecord } from '../import-record';
import { checkDuplicates } from './duplicate-check';
import { createImportClient, isAbort } from './import-client';
import { inProcessWorker } from './in-process-worker';
import { mappingForSection, targetFromValue, targetOptions, targetValue, withTarget } from './target-options';

const CORPUS = CORPUS_DIR.replace(/\/$/, '');
const phonebook = () => new Blob([readFileSync(`${CORPUS}/csv/ru_phonebook_excel_cp1251_semicolon_crlf.csv`)]);

describe('import worker client: the engine passes behind the worker protocol', () => {
  it('analyses a Windows-1251 ";" file and reports its encoding, delimiter and Cyrillic samples', async () => {
    const client = createImportClient(inProcessWorker());
    const analysis = await client.analyze(phonebook(), 'phonebook.csv');
    expect(analysis.encoding?.encoding).toBe('windows-1251');
    expect(analysis.dialect?.delimiter).toBe(';');
    expect(analysis.headers[0]).toBe('lastname');
    expect(analysis.columns[0].samples[0]).toBe('Усольцев Олег Валентинович');
    expect(analysis.records).toBeGreaterThan(3);
    client.dispose();
  });

  it('re-analyses with the encoding the user picks', async () => {
    const client = createImportClient(inProcessWorker());
    const analysis = await client.analyze(phonebook(), 'phonebook.csv', { encoding: 'koi8-r' });
    expect(analysis.encoding?.encoding).toBe('koi8-r');
    expect(analysis.encoding?.alternatives[0].encoding).toBe('windows-1251');
    expect(analysis.columns[0].samples[0]).not.toBe('Усольцев Олег Валентинович');
    client.dispose();
  });

  it('previews rows with the mapping as edited, and streams every record in batches', async () => {
    const client = createImportClient(inProcessWorker());
    const file = phonebook();
    const analysis = await client.analyze(file, 'phonebook.csv');
    const mapping = withTarget(analysis.mapping!, 4, { kind: 'skip', reason: 'user' });
    const request = { analysis, mapping, readings: analysis.readings };
    const rows = await client.preview(file, 'phonebook.csv', request, 2);
    expect(rows).toHaveLength(2);
    expect(rows[0].line).toBe(2);
    expect(rows[0].result.values.position).toBeUndefined();
    const unmapped = await client.preview(file, 'phonebook.csv', { ...request, mapping: analysis.mapping! }, 1);
    expect(unmapped[0].result.values.position).toMatch(/^главный специалист/);
    let count = 0;
    for await (const batch of client.records(file, 'phonebook.csv', request)) count += batch.length;
    expect(count).toBe(analysis.records);
    client.dispose();
  });

  it('an ambiguous date column is read in the order the user picks, in the preview the import follows', async () => {
    const client = createImportClient(inProcessWorker());
    const file = new Blob(['Last name,Born\nPop,01/02/1990\nRus,03/04/1985\n']);
    const analysis = await client.analyze(file, 'dates.csv');
    expect(analysis.readings[1].dates).toMatchObject({ ambiguous: true, order: 'mdy' });
    expect(analysis.problems.map((found) => found.code)).toEqual(['ambiguousDates']);
    const mapping = withTarget(analysis.mapping!, 1, { kind: 'field', field: 'birthday' });
    const read = async (order: 'dmy' | 'mdy') => (await client.preview(file, 'dates.csv', { analysis, mapping, readings: analysis.readings.map((reading, index) => (index === 1 ? { ...reading, dates: { ...reading.dates!, order, ambiguous: false } } : reading)) }, 5)).map((row) => row.result.values.birthday);
    expect(await read('mdy')).toEqual(['1990-01-02', '1985-03-04']);
    expect(await read('dmy')).toEqual(['1990-02-01', '1985-04-03']);
    client.dispose();
  });

  it('a cancel crosses to the worker: the call rejects with AbortError and the worker is told', async () => {
    const worker = inProcessWorker();
    const client = createImportClient(worker);
    const lines = ['Name;Phone;Notes'];
    for (let index = 0; index < 150_000; index++) lines.push(`Person ${index};+40 722 ${String(index).padStart(6, '0')};"a note; with ""quotes"""`);
    const file = new Blob([lines.join('\r\n')]);
    const controller = new AbortController();
    let progressSeen = 0;
    const analysis = client.analyze(file, 'big.csv', {}, { signal: controller.signal, onProgress: () => (progressSeen++, controller.abort()) });
    await expect(analysis).rejects.toSatisfy(isAbort);
    expect(progressSeen).toBeGreaterThan(0);
    expect(worker.received.map((message) => message.type)).toEqual(['analyze', 'cancel']);
    const full = await client.analyze(new Blob([lines.slice(0, 2000).join('\n')]), 'small.csv');
    const stream = new AbortController();
    let batches = 0;
    const reading = (async () => {
      for await (const batch of client.records(file, 'big.csv', { analysis: { ...full, records: 150_000 }, mapping: full.mapping!, readings: full.readings }, { signal: stream.signal })) {
        batches += batch.length > 0 ? 1 : 0;
        stream.abort();
      }
    })();
    await expect(reading).rejects.toSatisfy(isAbort);
    expect(batches).toBe(1);
    expect(worker.received.filter((message) => message.type === 'cancel')).toHaveLength(2);
    client.dispose();
  });

  it('the worker reads at most BATCHES_AHEAD batches ahead of a slow consumer, so parsed records do not pile up', async () => {
    const { BATCHES_AHEAD } = await import('./worker-handler');
    const worker = inProcessWorker();
    const client = createImportClient(worker);
    const lines = ['Name;Phone'];
    for (let index = 0; index < 30_000; index++) lines.push(`Person ${index};+40 722 ${String(index).padStart(6, '0')}`);
    // Many small parts: the Blob streams in many chunks, each read as a batch, as a browser's does.
    const parts = Array.from({ length: 30 }, (_, part) => lines.slice(part * 1000, (part + 1) * 1000).join('\n') + '\n');
    const file = new Blob(parts);
    const analysis = await client.analyze(file, 'slow.csv');
    let arrived = 0;
    const deliver = worker.onmessage!;
    worker.onmessage = (event) => {
      if (event.data.type === 'batch') arrived++;
      deliver(event);
    };
    let taken = 0;
    let mostAhead = 0;
    for await (const batch of client.records(file, 'slow.csv', { analysis, mapping: analysis.mapping!, readings: analysis.readings })) {
      expect(batch.length).toBeGreaterThan(0);
      taken++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      mostAhead = Math.max(mostAhead, arrived - taken);
    }
    expect(taken).toBeGreaterThan(BATCHES_AHEAD * 2);
    expect(mostAhead).toBeLessThanOrEqual(BATCHES_AHEAD);
    client.dispose();
  });

  it('a file the engine refuses comes back as its problem, not a crash', async () => {
    const client = createImportClient(inProcessWorker());
    const analysis = await client.analyze(new Blob([readFileSync(`${CORPUS}/malformed/real_zero_bytes.csv`)]), 'real_zero_bytes.csv');
    expect(analysis.problems.map((found) => [found.code, found.severity])).toEqual([['empty', 'fatal']]);
    client.dispose();
  });
});

describe('duplicates before the import: counts and a list', () => {
  const row = (id: string, v: Row['v']): Row => ({ id, section: 'people', shard: 's', v, created: 0, updated: 0, by: 'u', seq: 0 });
  const record = (line: number, values: ImportRecord['values']): ImportRecord => ({ record: line - 1, line, section: 'people', values });
  async function* batches(...lists: ImportRecord[][]) {
    yield* lists;
  }

  it('counts matches in the base and within the file, naming the line and the existing record', async () => {
    const base = new Map([['p1', row('p1', { firstName: 'Ana', lastName: 'Pop', phones: [{ kind: 'mobile', value: '0722 000 111' }] })]]);
    const summary = await checkDuplicates(
      batches([record(2, { firstName: 'Ana', lastName: 'P.', phones: [{ kind: 'other', value: '+40 722-000-111' }] }), record(3, { lastName: 'Rus', emails: [{ kind: 'work', value: 'ion@rus.ro' }] })], [record(4, { lastName: 'Lungu', emails: [{ kind: 'home', value: 'ION@rus.ro' }] }), record(5, { lastName: 'Nou' })]),
      base,
    );
    expect(summary).toMatchObject({ records: 4, inBase: 1, inFile: 1 });
    expect(summary.list).toEqual([
      { line: 2, name: 'Ana P.', existingId: 'p1', existingName: 'Ana Pop', reasons: ['phone'] },
      { line: 4, name: 'Lungu', earlierLine: 3, reasons: ['email'] },
    ]);
  });

  it('records with problems and deleted base records are not matches', async () => {
    const base = new Map([['p1', { ...row('p1', { lastName: 'Pop', emails: [{ kind: 'work', value: 'a@b.ro' }] }), deleted: 1 }]]);
    const bad = { ...record(2, { lastName: 'Pop', emails: [{ kind: 'work', value: 'a@b.ro' }] }), problem: { code: 'tooManyFields' as const, severity: 'error' as const, line: 2 } };
    const summary = await checkDuplicates(batches([bad, record(3, { lastName: 'Pop', emails: [{ kind: 'work', value: 'a@b.ro' }] })]), base);
    expect(summary).toMatchObject({ records: 2, inBase: 0, inFile: 0, list: [] });
  });
});

describe('mapping choices: every column has an explicit target', () => {
  const people = builtinFields('people');
  it('offers the section fields, the person targets, new field, notes and skip, but not photo or org reference', () => {
    const values = targetOptions('people', people, { kind: 'notes', label: 'x' }).map((option) => option.value);
    expect(values).toContain('field:firstName');
    expect(values).toContain('orgName');
    expect(values).not.toContain('field:photo');
    expect(values).not.toContain('field:org');
    expect(values.slice(-3)).toEqual(['newField', 'notes', 'skip']);
    expect(targetOptions('orgs', builtinFields('orgs'), { kind: 'skip', reason: 'user' }).map((option) => option.value)).not.toContain('fullName');
  });

  it('a select value becomes the target and back; skipping is the user\'s explicit choice', () => {
    const phone = { kind: 'field' as const, field: 'phones', entryKind: 'mobile' };
    expect(targetFromValue('field:phones', phone, 'Tel')).toBe(phone);
    expect(targetFromValue('field:city', phone, 'Tel')).toEqual({ kind: 'field', field: 'city' });
    expect(targetFromValue('skip', phone, 'Tel')).toEqual({ kind: 'skip', reason: 'user' });
    expect(targetFromValue('notes', phone, ' Tel ')).toEqual({ kind: 'notes', label: 'Tel' });
    expect(targetFromValue('newField', phone, 'Tel')).toEqual({ kind: 'newField', label: 'Tel', type: 'text' });
    for (const value of ['field:city', 'fullName', 'orgName', 'notes', 'skip', 'newField']) expect(targetValue(targetFromValue(value, phone, 'h'))).toBe(value);
  });

  it('moving the mapping to organizations sends person-only columns to the notes instead of dropping them', () => {
    const mapping: ColumnMapping = { section: 'people', preset: null, multiValueSeparator: null, targets: [{ kind: 'fullName' }, { kind: 'field', field: 'birthday' }, { kind: 'field', field: 'city' }, { kind: 'orgName' }] };
    const moved = mappingForSection(mapping, 'orgs', builtinFields('orgs'), ['Name', 'Born', 'City', 'Company']);
    expect(moved.section).toBe('orgs');
    expect(moved.targets).toEqual([{ kind: 'field', field: 'name' }, { kind: 'notes', label: 'Born' }, { kind: 'field', field: 'city' }, { kind: 'notes', label: 'Company' }]);
  });
});
