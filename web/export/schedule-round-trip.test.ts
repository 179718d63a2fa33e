import { describe, expect, it } from 'vitest';
import { analyzeFile, readRecords } from '../import/read-file';
import type { ImportRecord } from '../import/import-record';
import { bytesSource } from '../import/source';
import { builtinFields, type FieldDef } from '../schema/fields';
import { instantFromLocal } from '../schema/datetime';
import { checklistText, instantFromCell, parseChecklistText, parseReminderText } from '../schema/schedule-values';
import { exportFile } from './export-file';
import { exportCell, exportColumns } from './export-table';
import { customField, testContext, testRow } from './test-fixtures';

const NEXT_CALL = instantFromLocal('2026-11-25', '14:30')!;
const FIELDS: FieldDef[] = [
  ...builtinFields('people').filter((field) => field.id === 'lastName' || field.id === 'birthday'),
  customField('people', 'c_next', 'datetime', 'Next call'),
  customField('people', 'c_remind', 'reminder', 'Remind'),
  customField('people', 'c_todo', 'checklist', 'To do'),
];
const ROWS = [
  testRow('people', 'p1', {
    lastName: 'Popescu',
    birthday: '--03-24',
    c_next: NEXT_CALL,
    c_remind: 15,
    c_todo: [
      { kind: 'done', value: 'Send catalogue' },
      { kind: 'open', value: 'Ask about prices' },
    ],
  }),
  testRow('people', 'p2', { lastName: 'Ionescu', birthday: '1980-01-31' }),
];

async function roundTrip(format: 'csv' | 'xlsx'): Promise<ImportRecord[]> {
  const file = await exportFile({ ...testContext, title: 'Schedule', currency: 'EUR', format, delimiter: ';', rows: ROWS, fields: FIELDS });
  const source = bytesSource(file.fileName, file.bytes);
  const analysis = await analyzeFile(source, { fields: FIELDS });
  expect(analysis.problems).toEqual([]);
  const records: ImportRecord[] = [];
  for await (const batch of readRecords(source, analysis)) records.push(...batch);
  return records;
}

describe('export of datetime, reminder and checklist values', () => {
  it('a datetime is written as local "YYYY-MM-DD HH:mm", a reminder as minutes, a checklist as [x]/[ ] items', () => {
    const columns = exportColumns(ROWS, FIELDS);
    const cell = (fieldId: string) => exportCell(ROWS[0], columns.find((column) => column.field.id === fieldId)!, testContext);
    expect(cell('c_next')).toBe('2026-11-25 14:30');
    expect(cell('c_remind')).toBe(15);
    expect(cell('c_todo')).toBe('[x] Send catalogue; [ ] Ask about prices');
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: they come back as the same instant, minutes and items; a birthday without a year stays one`, async () => {
      const records = await roundTrip(format);
      expect(records[0].values).toMatchObject({ lastName: 'Popescu', birthday: '--03-24', c_next: NEXT_CALL, c_remind: 15, c_todo: ROWS[0].v.c_todo });
      expect(records[1].values).toMatchObject({ lastName: 'Ionescu', birthday: '1980-01-31' });
    });
  }
});

describe('text forms of the new values', () => {
  it('checklist text reads back; blank items are dropped; no items is null', () => {
    const items = [
      { kind: 'done', value: 'A' },
      { kind: 'open', value: 'B; not split? no: split' },
    ];
    expect(parseChecklistText(checklistText([items[0]]))).toEqual([items[0]]);
    expect(parseChecklistText('[X] one\n two \n\n[ ] three')).toEqual([
      { kind: 'done', value: 'one' },
      { kind: 'open', value: 'two' },
      { kind: 'open', value: 'three' },
    ]);
    expect(parseChecklistText(' ; ')).toBeNull();
  });

  it('reminder minutes must be a whole number, 0 or more', () => {
    expect(parseReminderText(' 30 ')).toBe(30);
    expect(parseReminderText('0')).toBe(0);
    expect(parseReminderText('-5')).toBeNull();
    expect(parseReminderText('1.5')).toBeNull();
    expect(parseReminderText('soon')).toBeNull();
  });

  it('an instant is read from text, from a day (local midnight) or from an Excel serial with a time', () => {
    expect(instantFromCell('2026-11-25 14:30', null, null)).toBe(NEXT_CALL);
    expect(instantFromCell('2026-11-25T14:30', null, null)).toBe(NEXT_CALL);
    expect(instantFromCell('2026-11-25T12:30:00Z', null, null)).toBe(Date.UTC(2026, 10, 25, 12, 30));
    expect(instantFromCell('25.11.2026', '2026-11-25', null)).toBe(instantFromLocal('2026-11-25', '00:00'));
    // 46351 is 2026-11-25 in Excel's day count; .6041666 is 14:30.
    expect(instantFromCell('46351.6041666667', null, 46351 + 14.5 / 24)).toBe(NEXT_CALL);
    expect(instantFromCell('next week', null, null)).toBeNull();
  });
});
