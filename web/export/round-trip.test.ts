/**
 * Export then import gives back the same records: our CSV, XLSX and vCard files read through
 * the real import pipeline (web/import: detection, parsing, mapping, values).
 */
import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../engine/commands';
import type { Row } from '../engine/rows';
import type { ColumnMapping, ColumnTarget } from '../import/column-target';
import type { ImportRecord } from '../import/import-record';
import { analyzeFile, readRecords, type FileAnalysis } from '../import/read-file';
import { bytesSource } from '../import/source';
import { builtinFields, isBlank, type FieldDef, type SectionId } from '../schema/fields';
import { exportFile, type ExportRequest } from './export-file';
import { exportedHeaderTarget } from './export-headers';
import { columnFields, customField, PEOPLE, testContext, testRow } from './test-fixtures';

async function exportAndImport(request: Omit<ExportRequest, 'title' | 'currency' | 'refName' | 'userName'>, mapping?: (analysis: FileAnalysis) => ColumnMapping) {
  const file = await exportFile({ ...testContext, title: 'Round trip', currency: 'EUR', ...request });
  const source = bytesSource(file.fileName, file.bytes);
  const analysis = await analyzeFile(source);
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

/** The mapping a user gets when the importer recognises our own headers (see export-headers.ts). */
function ownHeaders(section: SectionId, fields: readonly FieldDef[]) {
  return (analysis: FileAnalysis): ColumnMapping => ({
    section,
    preset: null,
    multiValueSeparator: null,
    targets: analysis.headers.map((header): ColumnTarget => {
      const target = exportedHeaderTarget(header, fields);
      if (!target) return { kind: 'skip', reason: 'user' };
      if (fields.find((field) => field.id === target.field)?.type === 'ref') return { kind: 'orgName' };
      return { kind: 'field', field: target.field, ...(target.entryKind ? { entryKind: target.entryKind } : {}) };
    }),
  });
}

const PEOPLE_COLUMNS = columnFields('people');

describe('round trip: export, then import through web/import', () => {
  for (const [format, delimiter] of [['csv', ','], ['csv', ';'], ['xlsx', undefined]] as const) {
    it(`${format}${delimiter ? ` (${delimiter})` : ''}: the default table columns come back as the same records with the suggested mapping`, async () => {
      const { analysis, records } = await exportAndImport({ format, delimiter, rows: PEOPLE, fields: PEOPLE_COLUMNS });
      expect(analysis.format).toBe(format);
      expect(analysis.records).toBe(PEOPLE.length);
      expect(records.map(imported)).toEqual(PEOPLE.map((row) => expected(row, PEOPLE_COLUMNS)));
    });
  }

  const ALL_PEOPLE_FIELDS = [...builtinFields('people'), customField('people', 'c_since', 'date', 'Client since')];
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
    }),
  ];

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: every field, custom ones included, comes back when our own headers are recognised`, async () => {
      const { records } = await exportAndImport({ format, delimiter: ';', rows: RICH, fields: ALL_PEOPLE_FIELDS }, ownHeaders('people', ALL_PEOPLE_FIELDS));
      expect(records.map(imported)).toEqual(RICH.map((row) => expected(row, ALL_PEOPLE_FIELDS)));
    });
  }

  const ORG_FIELDS = builtinFields('orgs');
  const ORGS = [
    testRow('orgs', 'o1', { name: 'Acme, "Best" SRL', legalName: 'ACME BEST SRL', taxId: '0012345678', industry: 'Wood', group: 'North', tags: ['key', 'export'], manager: 'Ana', city: 'Cluj-Napoca', country: 'RO', address: 'Str. Lungă 1\net. 2', phones: [{ kind: 'work', value: '+40 264 000 000' }, { kind: 'fax', value: '+40 264 000 001' }], emails: [{ kind: 'work', value: 'office@acme.ro' }], website: 'https://acme.ro', contractStart: '2024-01-15', contractEnd: '2026-12-31', cooperation: 'Timber', revenue: 1234567.89, notes: 'Pays late' }),
    testRow('orgs', 'o2', { name: 'ООО «Ромашка»', taxId: '7701234567', revenue: -0.5, city: 'Москва' }),
  ];

  for (const [format, delimiter] of [['csv', ';'], ['csv', ','], ['xlsx', undefined]] as const) {
    it(`${format}${delimiter ? ` (${delimiter})` : ''}: organizations with money, dates and a zero-padded tax id come back the same`, async () => {
      const fields = ORG_FIELDS.filter((field) => field.id !== 'category');
      const { records } = await exportAndImport({ format, delimiter, rows: ORGS, fields }, ownHeaders('orgs', fields));
      expect(records.map(imported)).toEqual(ORGS.map((row) => expected(row, fields)));
    });
  }

  it('csv: a formula-like cell comes back with the apostrophe that neutralised it; xlsx keeps it as plain text', async () => {
    const fields = builtinFields('people').filter((field) => field.id === 'lastName' || field.id === 'notes');
    const csv = await exportAndImport({ format: 'csv', delimiter: ',', rows: PEOPLE.slice(0, 1), fields });
    expect(csv.records[0].values.notes).toBe('\'=HYPERLINK("http://evil.example","click")');
    const xlsx = await exportAndImport({ format: 'xlsx', rows: PEOPLE.slice(0, 1), fields });
    expect(xlsx.records[0].values.notes).toBe('=HYPERLINK("http://evil.example","click")');
  });

  for (const version of ['3.0', '4.0'] as const) {
    it(`vCard ${version}: names, organization, position, phones and e-mails with kinds, birthday, notes and tags come back`, async () => {
      const fields = builtinFields('people');
      const { analysis, records } = await exportAndImport({ format: 'vcard', vcardVersion: version, rows: RICH, fields });
      expect(analysis.format).toBe('vcard');
      expect(records).toHaveLength(RICH.length);
      const withoutAddresses = (value: { values: FieldValues; orgName?: string }) => {
        const { homeAddress: _home, regAddress: _registration, hobbies: _hobbies, accounts: _accounts, notes: _notes, ...rest } = value.values;
        return { ...value, values: rest };
      };
      expect(records.map(imported).map(withoutAddresses)).toEqual(RICH.map((row) => withoutAddresses(expected(row, fields))));
      expect(records[1].values.notes).toBe('Line one\nLine two, with comma');
      expect(records[3].values.accounts).toEqual([{ kind: 'telegram', value: 'maria_d' }]);
    });
  }
});
