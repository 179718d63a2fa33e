import { pathToFileURL } from 'node:url';
import { CORPUS_DIR } from '../corpus-reader';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet, SpreadsheetError, type SheetData } from './read-spreadsheet';
import { buildOds, buildXlsx } from './test-packages';

const CORPUS = pathToFileURL(CORPUS_DIR);

function corpusFile(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, CORPUS)));
}

async function problemOf(bytes: Uint8Array, format: 'xlsx' | 'ods'): Promise<SpreadsheetError> {
  try {
    await readSpreadsheet(bytes, format);
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError);
    return error as SpreadsheetError;
  }
  throw new Error('expected the file to be refused');
}

function onlySheet(sheets: SheetData[]): SheetData['rows'] {
  expect(sheets).toHaveLength(1);
  return sheets[0].rows;
}

describe('XLSX reading: the corpus', () => {
  it('reads bitrix24_sample_contacts.xlsx: header and two contacts, phones with + kept', async () => {
    const sheets = await readSpreadsheet(corpusFile('xlsx/bitrix24_sample_contacts.xlsx'), 'xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
    const rows = sheets[0].rows;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['name', 'last_name', 'phone', 'email', 'address', 'comments']);
    expect(rows[1]).toEqual(['João', 'Silva', '+55 11 999999999', 'joao@email.com', 'Rua das Flores 123', 'Cliente antigo']);
    expect(rows[2][2]).toBe('+351 912345678');
    expect(rows[2][5]).toBe('Novo lead');
  });

  it('reads XLSX bytes whatever the file was named (malformed/derived_xlsx_bytes_named_csv.csv)', async () => {
    const rows = onlySheet(await readSpreadsheet(corpusFile('malformed/derived_xlsx_bytes_named_csv.csv'), 'xlsx'));
    expect(rows).toHaveLength(3);
    expect(rows[2][0]).toBe('Maria');
  });
});

describe('XLSX reading: cell types', () => {
  it('shared, rich-text and inline strings; phonetic hints left out; _xHHHH_ escapes decoded', async () => {
    const bytes = buildXlsx({
      sharedItems:
        '<si><t>Plain</t></si>' +
        '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>' +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>' +
        '<si><t>Line_x000D_\nbreak &amp; &lt;tag&gt;</t></si>',
      sheets: [
        {
          name: 'Strings',
          sheetData:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>' +
            '<c r="E1" t="inlineStr"><is><t>Ещё, «кавычки»</t></is></c><c r="F1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>',
        },
      ],
    });
    const rows = onlySheet(await readSpreadsheet(bytes, 'xlsx'));
    expect(rows[0]).toEqual(['Plain', 'Bold and plain', '東京', 'Line\r\nbreak & <tag>', 'Ещё, «кавычки»', 'inline']);
  });

  it('numbers, booleans, errors and cached formula results', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'Values',
          sheetData:
            '<row r="1"><c r="A1"><v>12345.67</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c>' +
            '<c r="D1" t="e"><v>#N/A</v></c><c r="E1"><f>A1*2</f><v>24691.34</v></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
            '<c r="G1"><f>1/0</f></c><c r="H1"><v>-1.5E-3</v></c></row>',
        },
      ],
    });
    const rows = onlySheet(await readSpreadsheet(bytes, 'xlsx'));
    expect(rows[0]).toEqual([12345.67, true, false, '#N/A', 24691.34, 'ab', null, -0.0015]);
  });

  it('dates from built-in and custom date formats become ISO dates; times keep hh:mm', async () => {
    const bytes = buildXlsx({
      numFmts: { 164: 'dd.mm.yyyy', 165: 'yyyy-mm-dd hh:mm', 166: '[$-F400]h:mm:ss AM/PM', 167: '#,##0.00 "days"' },
      cellXfs: [0, 14, 164, 165, 166, 22, 167, 47],
      sheets: [
        {
          name: 'Dates',
          sheetData:
            '<row r="1"><c r="A1" s="1"><v>45657</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="3"><v>45657.375</v></c>' +
            '<c r="D1" s="4"><v>0.5</v></c><c r="E1" s="5"><v>45657.75</v></c><c r="F1" s="6"><v>45657</v></c><c r="G1" s="7"><v>0.0104166666666667</v></c>' +
            '<c r="H1" t="d"><v>2024-02-29T00:00:00Z</v></c></row>',
        },
      ],
    });
    const rows = onlySheet(await readSpreadsheet(bytes, 'xlsx'));
    expect(rows[0]).toEqual([
      { date: '2024-12-31' },
      { date: '2024-01-01' },
      { date: '2024-12-31T09:00' },
      '12:00',
      { date: '2024-12-31T18:00' },
      45657,
      '00:15',
      { date: '2024-02-29' },
    ]);
  });

  it('the 1904 date system shifts serials by 1462 days', async () => {
    const bytes = buildXlsx({ date1904: true, cellXfs: [0, 14], sheets: [{ name: 'Mac', sheetData: '<row r="1"><c r="A1" s="1"><v>44195</v></c></row>' }] });
    expect(onlySheet(await readSpreadsheet(bytes, 'xlsx'))[0]).toEqual([{ date: '2024-12-31' }]);
  });

  it('numbers formatted as text (@) or zero-padded keep their displayed leading zeros', async () => {
    const bytes = buildXlsx({
      numFmts: { 164: '00000', 165: '0000000000', 166: '0' },
      cellXfs: [0, 49, 164, 165, 166],
      sheets: [
        {
          name: 'Codes',
          sheetData: '<row r="1"><c r="A1" s="1"><v>40721000000</v></c><c r="B1" s="2"><v>1234</v></c><c r="C1" s="3"><v>721000000</v></c><c r="D1" s="4"><v>7</v></c></row>',
        },
      ],
    });
    expect(onlySheet(await readSpreadsheet(bytes, 'xlsx'))[0]).toEqual(['40721000000', '01234', '0721000000', 7]);
  });
});

describe('XLSX reading: layout', () => {
  it('sparse rows and cells keep their positions: rows[i] is sheet row i + 1, gaps are null', async () => {
    const bytes = buildXlsx({
      sharedStrings: ['Name', 'Ann', 'Bob'],
      sheets: [
        {
          name: 'Sparse',
          sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>3</v></c></row><row r="4"><c r="B4" t="s"><v>1</v></c></row><row r="5"><c r="E5" t="s"><v>2</v></c></row>',
        },
      ],
    });
    const rows = onlySheet(await readSpreadsheet(bytes, 'xlsx'));
    expect(rows).toEqual([
      ['Name', null, 3, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, 'Ann', null, null, null],
      [null, null, null, null, 'Bob'],
    ]);
  });

  it('cells without references follow each other; empty and merged-away cells are null; trailing empty rows dropped', async () => {
    const bytes = buildXlsx({
      sharedStrings: ['Merged title', 'x'],
      sheets: [
        {
          name: 'Merged',
          sheetData: '<row><c t="s"><v>0</v></c><c/><c/></row><row><c><v>1</v></c><c t="s"><v>1</v></c></row><row r="3"><c r="A3" s="0"/></row><row r="9"/>',
        },
      ],
    });
    expect(onlySheet(await readSpreadsheet(bytes, 'xlsx'))).toEqual([
      ['Merged title', null],
      [1, 'x'],
    ]);
  });

  it('reads every sheet in workbook order, and namespace-prefixed SpreadsheetML', async () => {
    const bytes = buildXlsx({
      sharedStrings: ['a', 'b'],
      sheets: [
        { name: 'First', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
        { name: 'Second &amp; more', sheetData: '<x:row r="1" xmlns:x="urn:x"><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' },
      ],
    });
    const sheets = await readSpreadsheet(bytes, 'xlsx');
    expect(sheets).toEqual([
      { name: 'First', rows: [['a']] },
      { name: 'Second & more', rows: [[null, 'b']] },
    ]);
  });
});

describe('spreadsheet reading: bad files get a clear error', () => {
  it('an empty file', async () => {
    const error = await problemOf(corpusFile('malformed/real_zero_bytes.csv'), 'xlsx');
    expect(error.problem).toBe('empty');
    expect(error.message).toMatch(/empty/);
  });

  it('a text file is not a zip package', async () => {
    const error = await problemOf(corpusFile('csv/excel_sep_directive.csv'), 'xlsx');
    expect(error.problem).toBe('not-zip');
    expect(error.message).toMatch(/not an XLSX file/);
  });

  it('a truncated workbook is reported as damaged', async () => {
    const whole = corpusFile('xlsx/bitrix24_sample_contacts.xlsx');
    const error = await problemOf(whole.slice(0, Math.floor(whole.length / 2)), 'xlsx');
    expect(error.problem).toBe('corrupt-zip');
    expect(error.message).toMatch(/damaged or cut short/);
  });

  it('a zip without the workbook part names the missing part', async () => {
    const error = await problemOf(buildXlsx({ sheets: [{ name: 'S', sheetData: '' }], omit: ['xl/workbook.xml', '_rels/.rels'] }), 'xlsx');
    expect(error.problem).toBe('missing-part');
    expect(error.message).toMatch(/xl\/workbook\.xml/);
    const missingSheet = await problemOf(buildXlsx({ sheets: [{ name: 'Gone', sheetData: '' }], omit: ['xl/worksheets/sheet1.xml'] }), 'xlsx');
    expect(missingSheet.message).toMatch(/sheet "Gone"/);
    expect(missingSheet.part).toBe('xl/worksheets/sheet1.xml');
  });

  it('an encrypted (password-protected) workbook and a legacy .xls are told apart', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await problemOf(ole, 'xlsx')).problem).toBe('legacy-xls');
    const name = 'EncryptionInfo';
    for (let index = 0; index < name.length; index++) ole[1024 + index * 2] = name.charCodeAt(index);
    const encrypted = await problemOf(ole, 'xlsx');
    expect(encrypted.problem).toBe('encrypted');
    expect(encrypted.message).toMatch(/password-protected/);
  });

  it('a sheet with broken XML names the part', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Broken', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s' }] });
    const error = await problemOf(bytes, 'xlsx');
    expect(error.problem).toBe('bad-xml');
    expect(error.message).toMatch(/sheet1\.xml/);
  });

  it('a cell left open names the cell; an empty sheet is simply empty', async () => {
    const open = buildXlsx({ sheets: [{ name: 'Open', sheetData: '<row r="1"><c r="A1"><v>1</v></row>' }] });
    const error = await problemOf(open, 'xlsx');
    expect(error.problem).toBe('bad-xml');
    expect(error.message).toMatch(/cell A1 is not closed/);
    const empty = buildXlsx({ sheets: [{ name: 'Empty', sheetData: '' }] });
    expect(await readSpreadsheet(empty, 'xlsx')).toEqual([{ name: 'Empty', rows: [] }]);
  });

  it('an ODS package given as XLSX and the other way round say what they are', async () => {
    const ods = buildOds('<table:table table:name="T"/>');
    expect((await problemOf(ods, 'xlsx')).message).toMatch(/OpenDocument \(ODS\)/);
    expect((await problemOf(corpusFile('xlsx/bitrix24_sample_contacts.xlsx'), 'ods')).message).toMatch(/XLSX workbook, not ODS/);
  });

  it('an encrypted ODS is refused', async () => {
    const bytes = buildOds('<table:table table:name="T"/>', {
      'META-INF/manifest.xml': '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
    });
    expect((await problemOf(bytes, 'ods')).problem).toBe('encrypted');
  });

  it('a row number beyond 1,048,576 is refused as too large', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Big', sheetData: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }] });
    expect((await problemOf(bytes, 'xlsx')).problem).toBe('too-large');
  });
});

const cell = (attributes: string, text = '') => `<table:table-cell ${attributes}>${text}</table:table-cell>`;

describe('ODS reading', () => {
  it('reads typed cells: strings, floats, currency, percentage, dates, times, booleans', async () => {
    const bytes = buildOds(
      '<table:table table:name="Clients">' +
        '<table:table-row>' +
        cell('office:value-type="string"', '<text:p>Name</text:p>') +
        cell('office:value-type="float" office:value="1234.5"', '<text:p>1 234,50</text:p>') +
        cell('office:value-type="currency" office:currency="EUR" office:value="99.9"', '<text:p>99,90 €</text:p>') +
        cell('office:value-type="percentage" office:value="0.25"', '<text:p>25%</text:p>') +
        cell('office:value-type="date" office:date-value="2024-12-31"', '<text:p>31.12.2024</text:p>') +
        cell('office:value-type="date" office:date-value="2024-12-31T08:30:00"', '<text:p>31.12.2024 08:30</text:p>') +
        cell('office:value-type="time" office:time-value="PT13H05M00S"', '<text:p>13:05</text:p>') +
        cell('office:value-type="boolean" office:boolean-value="true"', '<text:p>TRUE</text:p>') +
        '</table:table-row></table:table>',
    );
    const rows = onlySheet(await readSpreadsheet(bytes, 'ods'));
    expect(rows[0]).toEqual(['Name', 1234.5, 99.9, 0.25, { date: '2024-12-31' }, { date: '2024-12-31T08:30' }, '13:05', true]);
  });

  it('text: spaces (text:s), tabs, line breaks, spans and several paragraphs; comments left out', async () => {
    const bytes = buildOds(
      '<table:table table:name="T"><table:table-row>' +
        cell('office:value-type="string"', '<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p><text:p>second <text:span text:style-name="T1">para</text:span></text:p>') +
        cell('office:value-type="string"', '<office:annotation><text:p>a comment</text:p></office:annotation><text:p>shown &amp; &lt;kept&gt;</text:p>') +
        '</table:table-row></table:table>',
    );
    expect(onlySheet(await readSpreadsheet(bytes, 'ods'))[0]).toEqual(['a   b\tc\nd\nsecond para', 'shown & <kept>']);
  });

  it('repeated columns and rows are expanded; the trailing 1,048,576 empty rows Calc writes are not', async () => {
    const bytes = buildOds(
      '<table:table table:name="Repeat">' +
        '<table:table-column table:number-columns-repeated="16384"/>' +
        '<table:table-row>' + cell('office:value-type="string" table:number-columns-repeated="2"', '<text:p>x</text:p>') + '<table:table-cell table:number-columns-repeated="3"/>' + cell('office:value-type="float" office:value="1"', '<text:p>1</text:p>') + '<table:table-cell table:number-columns-repeated="16378"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="2">' + cell('office:value-type="string"', '<text:p>same</text:p>') + '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="1048571"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>' +
        '</table:table>',
    );
    const rows = onlySheet(await readSpreadsheet(bytes, 'ods'));
    expect(rows).toEqual([
      ['x', 'x', null, null, null, 1],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
      ['same', null, null, null, null, null],
      ['same', null, null, null, null, null],
    ]);
  });

  it('covered (merged-away) cells are blank, and a float shown with leading zeros keeps them', async () => {
    const bytes = buildOds(
      '<table:table table:name="T"><table:table-row>' +
        cell('office:value-type="string" table:number-columns-spanned="2"', '<text:p>Merged</text:p>') +
        '<table:covered-table-cell/>' +
        cell('office:value-type="float" office:value="1234"', '<text:p>01234</text:p>') +
        '</table:table-row></table:table>',
    );
    expect(onlySheet(await readSpreadsheet(bytes, 'ods'))[0]).toEqual(['Merged', null, '01234']);
  });

  it('several tables become several sheets, in order, with their names', async () => {
    const bytes = buildOds(
      '<table:table table:name="One"><table:table-row>' + cell('office:value-type="string"', '<text:p>1</text:p>') + '</table:table-row></table:table>' +
        '<table:table table:name="Two &amp; Three"><table:table-header-rows><table:table-row>' + cell('office:value-type="string"', '<text:p>head</text:p>') + '</table:table-row></table:table-header-rows></table:table>',
    );
    expect(await readSpreadsheet(bytes, 'ods')).toEqual([
      { name: 'One', rows: [['1']] },
      { name: 'Two & Three', rows: [['head']] },
    ]);
  });

  it('an ODS without content.xml names the missing part', async () => {
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') });
    const error = await problemOf(bytes, 'ods');
    expect(error.problem).toBe('missing-part');
    expect(error.message).toMatch(/content\.xml/);
  });
});
