import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../import/spreadsheet/read-spreadsheet';
import { exportFile, exportFileName } from './export-file';
import { columnFields, PEOPLE, testContext } from './test-fixtures';

const now = new Date(2026, 10, 22, 9, 5);
const base = { ...testContext, rows: PEOPLE, fields: columnFields('people'), title: 'People', currency: 'EUR', now };

describe('export file: format, bytes and file name', () => {
  it('suggests a safe file name with the date and the right extension', () => {
    expect(exportFileName('People', 'csv', now)).toBe('People 2026-11-22 0905.csv');
    expect(exportFileName('Clients: key/VIP?', 'xlsx', now)).toBe('Clients key VIP 2026-11-22 0905.xlsx');
    expect(exportFileName('', 'vcard', now)).toBe('export 2026-11-22 0905.vcf');
  });

  it('CSV with the chosen delimiter and a BOM', async () => {
    const file = await exportFile({ ...base, format: 'csv', delimiter: ';' });
    expect(file.mime).toBe('text/csv;charset=utf-8');
    expect(file.fileName.endsWith('.csv')).toBe(true);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFFFirst name;Last name;')).toBe(true);
  });

  it('XLSX that our reader opens with the same rows', async () => {
    const file = await exportFile({ ...base, format: 'xlsx' });
    const [sheet] = await readSpreadsheet(file.bytes, 'xlsx');
    expect(sheet.name).toBe('People');
    expect(sheet.rows).toHaveLength(PEOPLE.length + 1);
    expect(sheet.rows[1][1]).toBe('Popescu');
  });

  it('vCard loads each photo once through the lookup', async () => {
    const hash = 'b'.repeat(64);
    const rows = [{ ...PEOPLE[0], v: { ...PEOPLE[0].v, photo: hash } }, { ...PEOPLE[1], v: { ...PEOPLE[1].v, photo: hash } }];
    const asked: string[] = [];
    const file = await exportFile({
      ...base,
      rows,
      format: 'vcard',
      vcardVersion: '3.0',
      photo: async (wanted) => {
        asked.push(wanted);
        return { type: 'image/png', data: new Uint8Array([1, 2, 3]) };
      },
    });
    expect(asked).toEqual([hash]);
    const text = new TextDecoder().decode(file.bytes);
    expect(text.match(/PHOTO;ENCODING=b;TYPE=PNG:AQID/g)).toHaveLength(2);
    expect(file.fileName.endsWith('.vcf')).toBe(true);
  });

  it('HTML is a standalone page of the list', async () => {
    const file = await exportFile({ ...base, format: 'html' });
    expect(file.mime).toBe('text/html;charset=utf-8');
    expect(new TextDecoder().decode(file.bytes)).toContain('<h1>People</h1>');
  });
});
