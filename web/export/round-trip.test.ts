/**
 * Export then import gives back the same records: our CSV, XLSX and vCard files read through
 * the real import pipeline (web/import: detection, parsing, mapping, values).
 */
import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../engine/commands';
import type { Row } from '../engine/rows';
import { LANGUAGES, setLanguage } from '../i18n/i18n';
import { ru } from '../i18n/messages/ru';
import { choiceValue } from '../import/build-record';
import type { ColumnMapping } from '../import/column-target';
import type { ImportRecord } from '../import/import-record';
import { analyzeFile, readRecords, type FileAnalysis } from '../import/read-file';
import { bytesSource } from '../import/source';
import { builtinFields, isBlank, type FieldDef } from '../schema/fields';
import { exportFile, type ExportRequest } from './export-file';
import { columnFields, customField, PEOPLE, testContext, testRow } from './test-fixtures';

async function exportAndImport(request: Omit<ExportRequest, 'title' | 'currency' | 'refName' | 'userName'>, mapping?: (analysis: FileAnalysis) => ColumnMapping, baseFields?: readonly FieldDef[]) {
  const file = await exportFile({ ...testContext, title: 'Round trip', currency: 'EUR', ...request });
  const source = bytesSource(file.fileName, file.bytes);
  const analysis = await analyzeFile(source, baseFields ? { fields: baseFields } : {});
  expect(analysis.problems).toEqual([]);
  const records: ImportRecord[] = [];
  for await (const batch of readRecords(source, analysis, mapping ? { mapping: mapping(analysis) } : {})) records.push(...batch);
  return { analysis, records };
}

/** What a record should come back as: its exported fields, the org as a name, blanks left out. */
function expected(row: Row, fields: readonly FieldDef[]): { values: FieldValues; orgName?: string } {
  const values: FieldValues = {};
  let orgName: string | undefined;
  for (const field of fields) {
    const value = row.v[field.id];
    if (field.type === 'photo' || isBlank(value)) continue;
    if (field.type === 'ref') orgName = testContext.refName(String(value));
    else values[field.id] = value;
  }
  return orgName ? { values, orgName } : { values };
}

function imported(record: ImportRecord): { values: FieldValues; orgName?: string } {
  const values = Object.fromEntries(Object.entries(record.values).filter(([, value]) => !isBlank(value)));
  return record.orgName ? { values, orgName: record.orgName } : { values };
}

const PEOPLE_COLUMNS = columnFields('people');

function optionLabelIn(messages: typeof ru, option: string): string {
  return (messages as Record<string, string>)[`option.orgs.category.${option}`];
}

describe('round trip: export, then import through web/import', () => {
  for (const [format, delimiter] of [['csv', ','], ['csv', ';'], ['xlsx', undefined]] as const) {
    it(`${format}${delimiter ? ` (${delimiter})` : ''}: the default table columns come back as the same records with the suggested mapping`, async () => {
      const { analysis, records } = await exportAndImport({ format, delimiter, rows: PEOPLE, fields: PEOPLE_COLUMNS });
      expect(analysis.format).toBe(format);
      expect(analysis.records).toBe(PEOPLE.length);
      expect(records.map(imported)).toEqual(PEOPLE.map((row) => expected(row, PEOPLE_COLUMNS)));
    });
  }

  const ALL_PEOPLE_FIELDS = [
    ...builtinFields('people'),
    customField('people', 'c_since', 'date', 'Client since'),
    customField('people', 'c_score', 'number', 'Score'),
    customField('people', 'c_level', 'choice', 'Level', { options: ['Gold', 'Silver'] }),
  ];
  const RICH = [
    ...PEOPLE.map((row) => ({ ...row, v: { ...row.v, notes: row.id === 'p1' ? 'Met at the fair' : row.v.notes } })),
    testRow('people', 'p4', {
      firstName: 'María José',
      lastName: 'Díaz-Ölçer',
      accounts: [{ kind: 'telegram', value: 'maria_d' }],
      tags: ['vip', 'fair 2024'],
      hobbies: 'chess',
      homeAddress: 'Calle Mayor 1\n2B',
      regAddress: 'Str. Lungă 5',
      city: 'Madrid',
      c_since: '2019-03-01',
      c_score: 1234.5,
      c_level: 'Silver',
    }),
  ];

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: every field (accounts, hobbies, addresses, "Phones (Work) 2", custom number, date and choice) comes back with the suggested mapping`, async () => {
      const { analysis, records } = await exportAndImport({ format, delimiter: ';', rows: RICH, fields: ALL_PEOPLE_FIELDS }, undefined, ALL_PEOPLE_FIELDS);
      expect(analysis.headers).toContain('Phones (Work) 2');
      expect(analysis.mapping?.targets.filter((target) => target.kind === 'notes' || target.kind === 'newField' || target.kind === 'skip')).toEqual([]);
      expect(records.map(imported)).toEqual(RICH.map((row) => expected(row, ALL_PEOPLE_FIELDS)));
    });
  }

  it('csv (;): a custom number field reads "1234,5" as the number 1234.5, by its type, not as text', async () => {
    const fields = ALL_PEOPLE_FIELDS.filter((field) => field.id === 'lastName' || field.id === 'c_score');
    const file = await exportFile({ ...testContext, title: 'Score', currency: 'EUR', format: 'csv', delimiter: ';', rows: RICH.slice(3), fields });
    expect(new TextDecoder().decode(file.bytes)).toContain('1234,5');
    const { records } = await exportAndImport({ format: 'csv', delimiter: ';', rows: RICH.slice(3), fields }, undefined, ALL_PEOPLE_FIELDS);
    expect(records[0].values).toEqual({ lastName: 'Díaz-Ölçer', c_score: 1234.5 });
  });

  for (const language of ['es', 'ro', 'ru'] as const) {
    it(`csv and xlsx exported with the UI in "${language}" map back to the same fields, choice labels to option values`, async () => {
      setLanguage(language);
      try {
        for (const format of ['csv', 'xlsx'] as const) {
          const people = await exportAndImport({ format, delimiter: ';', rows: RICH, fields: ALL_PEOPLE_FIELDS }, undefined, ALL_PEOPLE_FIELDS);
          const messages = LANGUAGES.find((entry) => entry.code === language)!.messages as Record<string, string>;
          expect(people.analysis.headers).toContain(messages['field.people.hobbies']);
          expect(people.analysis.headers).toContain(`${messages['field.people.phones']} (${messages['kind.phones.work']}) 2`);
          expect(people.records.map(imported)).toEqual(RICH.map((row) => expected(row, ALL_PEOPLE_FIELDS)));
          const orgs = await exportAndImport({ format, delimiter: ';', rows: ORGS, fields: ORG_FIELDS });
          expect(orgs.analysis.mapping?.section).toBe('orgs');
          expect(orgs.records.map(imported)).toEqual(ORGS.map((row) => expected(row, ORG_FIELDS)));
        }
      } finally {
        setLanguage('en');
      }
    });
  }

  it('a choice label in another UI language, or in other letter case, still gives the option value', async () => {
    setLanguage('ru');
    const file = await exportFile({ ...testContext, title: 'Orgs', currency: 'EUR', format: 'csv', delimiter: ';', rows: ORGS, fields: ORG_FIELDS });
    setLanguage('en');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain(optionLabelIn(ru, 'key'));
    const source = bytesSource('orgs.csv', file.bytes);
    const analysis = await analyzeFile(source);
    const records: ImportRecord[] = [];
    for await (const batch of readRecords(source, analysis)) records.push(...batch);
    expect(records.map((record) => record.values.category)).toEqual(['key', 'one-off']);
    const level = ALL_PEOPLE_FIELDS.find((field) => field.id === 'c_level')!;
    expect(choiceValue(level, 'silver')).toBe('Silver');
    expect(choiceValue(level, 'Bronze')).toBe('Bronze');
  });

  const ORG_FIELDS = builtinFields('orgs');
  const ORGS = [
    testRow('orgs', 'o1', { name: 'Acme, "Best" SRL', legalName: 'ACME BEST SRL', taxId: '0012345678', industry: 'Wood', category: 'key', group: 'North', tags: ['key', 'export'], manager: 'Ana', city: 'Cluj-Napoca', country: 'RO', address: 'Str. Lungă 1\net. 2', phones: [{ kind: 'work', value: '+40 264 000 000' }, { kind: 'fax', value: '+40 264 000 001' }], emails: [{ kind: 'work', value: 'office@acme.ro' }], website: 'https://acme.ro', contractStart: '2024-01-15', contractEnd: '2026-12-31', cooperation: 'Timber', revenue: 1234567.89, notes: 'Pays late' }),
    testRow('orgs', 'o2', { name: 'ООО «Ромашка»', taxId: '7701234567', category: 'one-off', revenue: -0.5, city: 'Москва' }),
  ];

  for (const [format, delimiter] of [['csv', ';'], ['csv', ','], ['xlsx', undefined]] as const) {
    it(`${format}${delimiter ? ` (${delimiter})` : ''}: organizations with money, dates, a category and a zero-padded tax id come back the same`, async () => {
      const { analysis, records } = await exportAndImport({ format, delimiter, rows: ORGS, fields: ORG_FIELDS });
      expect(analysis.mapping?.section).toBe('orgs');
      expect(records.map(imported)).toEqual(ORGS.map((row) => expected(row, ORG_FIELDS)));
    });
  }

  it('csv: a formula-like cell comes back without the apostrophe that neutralised it; xlsx keeps it as plain text', async () => {
    const fields = builtinFields('people').filter((field) => field.id === 'lastName' || field.id === 'notes');
    const csv = await exportAndImport({ format: 'csv', delimiter: ',', rows: PEOPLE.slice(0, 1), fields });
    expect(new TextDecoder().decode((await exportFile({ ...testContext, title: 'x', currency: 'EUR', format: 'csv', delimiter: ',', rows: PEOPLE.slice(0, 1), fields })).bytes)).toContain('"\'=HYPERLINK(');
    expect(csv.records[0].values.notes).toBe('=HYPERLINK("http://evil.example","click")');
    const xlsx = await exportAndImport({ format: 'xlsx', rows: PEOPLE.slice(0, 1), fields });
    expect(xlsx.records[0].values.notes).toBe('=HYPERLINK("http://evil.example","click")');
  });

  for (const version of ['3.0', '4.0'] as const) {
    it(`vCard ${version}: every built-in person field comes back: the city once, home and registration addresses, hobbies, accounts`, async () => {
      const fields = builtinFields('people');
      const { analysis, records } = await exportAndImport({ format: 'vcard', vcardVersion: version, rows: RICH, fields });
      expect(analysis.format).toBe('vcard');
      expect(records.map(imported)).toEqual(RICH.map((row) => expected(row, fields)));
      expect(records[3].values).toMatchObject({ homeAddress: 'Calle Mayor 1\n2B', regAddress: 'Str. Lungă 5', city: 'Madrid', hobbies: 'chess', accounts: [{ kind: 'telegram', value: 'maria_d' }] });
    });
  }

  const NOTES_FIELDS = builtinFields('people').filter((field) => field.id === 'lastName' || field.id === 'notes');
  const APOSTROPHES = ["'=1+1", "''=1", "'+40 721 000 001", "'-", "'@home", "'just quoted", '=SUM(A1)', '+40 721 000 001', '-', "it's fine"];

  for (const [format, delimiter] of [['csv', ','], ['csv', ';'], ['xlsx', undefined]] as const) {
    it(`${format}${delimiter ? ` (${delimiter})` : ''}: a text starting with an apostrophe and a formula character comes back unchanged, as does every neutralised one`, async () => {
      const rows = APOSTROPHES.map((notes, index) => testRow('people', `a${index}`, { lastName: `Row ${index}`, notes }));
      const { records } = await exportAndImport({ format, delimiter, rows, fields: NOTES_FIELDS });
      expect(records.map((record) => record.values.notes)).toEqual(APOSTROPHES);
    });
  }

  it('csv: the apostrophe is added once where needed, never twice; inert cells are written as they are', async () => {
    const rows = APOSTROPHES.map((notes, index) => testRow('people', `a${index}`, { lastName: `Row ${index}`, notes }));
    const file = await exportFile({ ...testContext, title: 'x', currency: 'EUR', format: 'csv', delimiter: ',', rows, fields: NOTES_FIELDS });
    const cells = new TextDecoder().decode(file.bytes).split('\r\n').slice(1, -1).map((line) => line.slice(line.indexOf(',') + 1));
    expect(cells).toEqual(['"\'\'=1+1"', '"\'\'\'=1"', '"\'\'+40 721 000 001"', '"\'\'-"', '"\'\'@home"', "'just quoted", '"\'=SUM(A1)"', '+40 721 000 001', '"\'-"', "it's fine"]);
  });

  const TAGGED = [
    testRow('orgs', 't1', { name: 'Tagged One', tags: ['Smith, John', 'vip', 'a;b', 'say "hi"', '* starred'] }),
    testRow('orgs', 't2', { name: 'Tagged Two', tags: ['"quoted"', 'plain'] }),
    testRow('orgs', 't3', { name: 'Tagged Three', tags: ['single, with comma'] }),
  ];
  const TAG_FIELDS = builtinFields('orgs').filter((field) => field.id === 'name' || field.id === 'tags');

  for (const [format, delimiter] of [['csv', ','], ['csv', ';'], ['xlsx', undefined]] as const) {
    it(`${format}${delimiter ? ` (${delimiter})` : ''}: tags holding commas, semicolons, quotes or a leading "*" come back as the same tags`, async () => {
      const { records } = await exportAndImport({ format, delimiter, rows: TAGGED, fields: TAG_FIELDS });
      expect(records.map((record) => record.values.tags)).toEqual(TAGGED.map((row) => row.v.tags));
    });
  }

  it('tags from other programs still split on "," and ";", and Google\'s "* " prefix still goes', async () => {
    const source = bytesSource('tags.csv', new TextEncoder().encode('Name,Tags\r\nAcme,"* myContacts, vip; wood"\r\n'));
    const analysis = await analyzeFile(source);
    const records: ImportRecord[] = [];
    for await (const batch of readRecords(source, analysis)) records.push(...batch);
    expect(records[0].values.tags).toEqual(['myContacts', 'vip', 'wood']);
  });

  const LONG = 'Заметка ' + 'x'.repeat(40_000) + ' конец';
  for (const format of ['xlsx', 'csv'] as const) {
    it(`${format}: a cell longer than Excel's 32,767 characters is written whole, comes back whole, and the file counts it for the dialog's warning`, async () => {
      const rows = [testRow('people', 'l1', { lastName: 'Long', notes: LONG }), testRow('people', 'l2', { lastName: 'Short', notes: 'short' })];
      const file = await exportFile({ ...testContext, title: 'x', currency: 'EUR', format, delimiter: ',', rows, fields: NOTES_FIELDS });
      expect(file.longCells).toBe(1);
      const { records } = await exportAndImport({ format, delimiter: ',', rows, fields: NOTES_FIELDS });
      expect(records[0].values.notes).toBe(LONG);
      expect(records[1].values.notes).toBe('short');
    });
  }
});

