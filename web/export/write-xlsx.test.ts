import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../import/spreadsheet/read-spreadsheet';
import { builtinFields } from '../schema/fields';
import { exportTable, type ExportTable } from './export-table';
import { columnLetters, ooxmlText, safeSheetName, writeXlsx } from './write-xlsx';
import { columnFields, customField, PEOPLE, testContext, testRow } from './test-fixtures';

async function readBack(table: ExportTable, name = 'People') {
  const sheets = await readSpreadsheet(writeXlsx(table, name), 'xlsx');
  expect(sheets).toHaveLength(1);
  return sheets[0];
}

describe('XLSX export', () => {
  it('round trip through our reader: header, text, dates and kinded columns come back as written', async () => {
    const table = exportTable(PEOPLE, columnFields('people'), testContext);
    const sheet = await readBack(table);
    expect(sheet.name).toBe('People');
    expect(sheet.rows[0]).toEqual(table.columns.map((column) => column.header));
    expect(sheet.rows.slice(1)).toEqual(table.cells);
  });

  it('phones and ids are text cells, so leading zeros and + survive; numbers stay numbers, money and yes/no typed', async () => {
    const fields = [
      ...builtinFields('orgs').filter((field) => ['name', 'taxId', 'phones', 'revenue', 'contractEnd'].includes(field.id)),
      customField('orgs', 'c_staff', 'number', 'Staff'),
      customField('orgs', 'c_vip', 'bool', 'VIP'),
      customField('orgs', 'c_zip', 'text', 'Postal code'),
    ];
    const rows = [
      testRow('orgs', 'o1', { name: '=1+1', taxId: '0012345678', phones: [{ kind: 'work', value: '+40721000000' }], revenue: 1234.56, contractEnd: '2025-06-30', c_staff: 42, c_vip: true, c_zip: '01234' }),
      testRow('orgs', 'o2', { name: 'Tab\tand\nnewline  ', revenue: -0.5, c_vip: false }),
    ];
    const table = exportTable(rows, fields, testContext);
    const sheet = await readBack(table, 'Organizations');
    expect(sheet.rows[0].slice(3, 5)).toEqual(['Contract end', 'Revenue']);
    expect(sheet.rows[1]).toEqual(['=1+1', '0012345678', '+40721000000', { date: '2025-06-30' }, 1234.56, 42, true, '01234']);
    expect(sheet.rows[2]).toEqual(['Tab\tand\nnewline  ', null, null, null, -0.5, null, false, null]);
  });

  it('writes the sheet with real types: shared strings with the text style, date serials with format 14, numbers plain', () => {
    const fields = [customField('orgs', 'c_when', 'date', 'When'), customField('orgs', 'c_count', 'number', 'Count'), customField('orgs', 'c_code', 'text', 'Code')];
    const bytes = writeXlsx(exportTable([testRow('orgs', 'o1', { c_when: '2024-12-31', c_count: 7, c_code: '007' })], fields, testContext), 'S');
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A2" s="2"><v>45657</v></c>');
    expect(sheet).toContain('<c r="B2"><v>7</v></c>');
    expect(sheet).toMatch(/<c r="C2" s="3" t="s"><v>\d+<\/v><\/c>/);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<autoFilter ref="A1:C2"/>');
    expect(strFromU8(files['xl/styles.xml'])).toContain('<xf numFmtId="14"');
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('control characters and literal _xHHHH_ text are escaped so the XML stays valid and the text exact', async () => {
    expect(ooxmlText('a\u0001b')).toBe('a_x0001_b');
    expect(ooxmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(ooxmlText('<&>')).toBe('&lt;&amp;&gt;');
    const field = customField('orgs', 'c_raw', 'text', 'Raw');
    const sheet = await readBack(exportTable([testRow('orgs', 'o1', { c_raw: 'bell\u0007 _x0041_ <b>' })], [field], testContext));
    expect(sheet.rows[1]).toEqual(['bell\u0007 _x0041_ <b>']);
  });

  it('sheet names follow Excel rules; column letters go past Z', () => {
    expect(safeSheetName('Clients: 2024/Q1 [draft]*')).toBe('Clients  2024 Q1  draft');
    expect(safeSheetName('A very long section name that goes on and on')).toHaveLength(31);
    expect(safeSheetName('???')).toBe('Sheet1');
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(16383)).toBe('XFD');
  });

  it('an export of no rows is a valid workbook with the header only', async () => {
    const sheet = await readBack(exportTable([], columnFields('orgs'), testContext), 'Empty');
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0][0]).toBe('Name');
  });

  it('seeded random tables survive the round trip cell for cell', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'abcÄäșțЖжё 0+-=@"\'<>&;,\n\t€';
    const fields = [customField('orgs', 'c_t', 'text', 'T'), customField('orgs', 'c_n', 'number', 'N'), customField('orgs', 'c_d', 'date', 'D'), customField('orgs', 'c_b', 'bool', 'B')];
    const rows = Array.from({ length: 300 }, (_unused, index) => {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const day = new Date(Date.UTC(1901, 0, 1) + Math.floor(random() * 70_000) * 86_400_000).toISOString().slice(0, 10);
      return testRow('orgs', `r${index}`, { c_t: text, c_n: Math.round((random() - 0.5) * 1e8) / 100, c_d: day, c_b: random() < 0.5 });
    });
    const table = exportTable(rows, fields, testContext);
    const sheet = await readBack(table);
    expect(sheet.rows.slice(1)).toEqual(table.cells);
  });
});
