/**
 * Writes an XLSX workbook with real cell types: numbers as numbers, money with two decimals,
 * dates as date serials shown in the reader's own short-date format (built-in format 14),
 * yes/no as booleans, and phones, ids and codes as text cells with the text format `@` so
 * Excel never turns `+40…` or `007` into a number. The header row is bold, frozen and filtered.
 * The sheet is encoded and compressed in slices of rows: a million-row sheet is larger than the
 * longest string a JavaScript engine can hold.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { isoToSerial } from '../import/spreadsheet/number-format';
import type { SheetCell } from '../import/spreadsheet/sheet-types';
import { escapeXml } from '../import/spreadsheet/xml';
import type { ExportKind, ExportTable } from './export-table';

/** Style indexes in cellXfs below. */
const STYLE = { general: 0, header: 1, date: 2, text: 3, money: 4, dateTime: 5 } as const;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The column letters of a 0-based column index (0 → A, 27 → AB). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** Text as OOXML stores it: XML-escaped, control characters as `_xHHHH_`, a literal `_xHHHH_` protected. */
export function ooxmlText(text: string): string {
  return escapeXml(
    text
      .replace(/_x[0-9A-Fa-f]{4}_/g, (match) => `_x005F_${match.slice(1)}`)
      .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(text, id);
      this.list.push(text);
    }
    return id;
  }

  /** Streams the shared strings part into `file`, in slices. */
  write(file: ZipDeflate): void {
    let xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">`;
    for (let index = 0; index < this.list.length; index++) {
      const text = this.list[index];
      xml += /^\s|\s$|\n/.test(text) ? `<si><t xml:space="preserve">${ooxmlText(text)}</t></si>` : `<si><t>${ooxmlText(text)}</t></si>`;
      if ((index + 1) % 10_000 === 0) {
        file.push(strToU8(xml));
        xml = '';
      }
    }
    file.push(strToU8(xml + '</sst>'), true);
  }
}

function cellXml(reference: string, cell: SheetCell, kind: ExportKind, strings: SharedStrings): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    const style = kind === 'money' ? STYLE.money : STYLE.general;
    return `<c r="${reference}"${style ? ` s="${style}"` : ''}><v>${Number.isFinite(cell) ? cell : 0}</v></c>`;
  }
  if (typeof cell === 'boolean') return `<c r="${reference}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === 'object') {
    const serial = isoToSerial(cell.date);
    if (serial === null) return `<c r="${reference}" s="${STYLE.text}" t="s"><v>${strings.id(cell.date)}</v></c>`;
    const style = cell.date.includes('T') ? STYLE.dateTime : STYLE.date;
    return `<c r="${reference}" s="${style}"><v>${serial}</v></c>`;
  }
  if (cell === '') return '';
  return `<c r="${reference}" s="${STYLE.text}" t="s"><v>${strings.id(cell)}</v></c>`;
}

function columnWidths(table: ExportTable): number[] {
  return table.columns.map((column, index) => {
    let widest = column.header.length;
    const sample = Math.min(table.cells.length, 500);
    for (let row = 0; row < sample; row++) {
      const cell = table.cells[row][index];
      const length = cell === null ? 0 : typeof cell === 'object' ? 11 : String(cell).split('\n')[0].length;
      if (length > widest) widest = length;
    }
    return Math.min(60, Math.max(8, widest + 2));
  });
}

/** Rows per slice of sheet XML handed to the compressor. */
const ROWS_PER_SLICE = 2000;

function sheetHead(table: ExportTable, letters: string[]): string {
  const columnCount = table.columns.length;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  const lastRow = table.cells.length + 1;
  if (columnCount) parts.push(`<dimension ref="A1:${letters[columnCount - 1]}${lastRow}"/>`);
  parts.push('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>');
  if (columnCount) {
    parts.push('<cols>');
    columnWidths(table).forEach((width, index) => parts.push(`<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  return parts.join('');
}

/** Streams the sheet part into `file`, slice by slice; fills `strings` on the way. */
function writeSheet(table: ExportTable, strings: SharedStrings, file: ZipDeflate): void {
  const columnCount = table.columns.length;
  const letters = table.columns.map((_column, index) => columnLetters(index));
  let xml = sheetHead(table, letters) + '<sheetData><row r="1">';
  table.columns.forEach((column, index) => (xml += `<c r="${letters[index]}1" s="${STYLE.header}" t="s"><v>${strings.id(column.header)}</v></c>`));
  xml += '</row>';
  for (let rowIndex = 0; rowIndex < table.cells.length; rowIndex++) {
    const number = rowIndex + 2;
    const row = table.cells[rowIndex];
    xml += `<row r="${number}">`;
    for (let column = 0; column < columnCount; column++) {
      xml += cellXml(letters[column] + number, row[column], table.columns[column].kind, strings);
    }
    xml += '</row>';
    if ((rowIndex + 1) % ROWS_PER_SLICE === 0) {
      file.push(strToU8(xml));
      xml = '';
    }
  }
  xml += '</sheetData>';
  if (columnCount) xml += `<autoFilter ref="A1:${letters[columnCount - 1]}${table.cells.length + 1}"/>`;
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  file.push(strToU8(xml), true);
}

/** The XLSX file of a table, as one sheet named `sheetName`. */
export function writeXlsx(table: ExportTable, sheetName: string): Uint8Array {
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else output.push(chunk);
  });
  // Level 1: a quarter larger than level 6 but a third less CPU, and the user waits for it.
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  const strings = new SharedStrings();
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  writeSheet(table, strings, sheet);
  const name = safeSheetName(sheetName);
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '</Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  );
  add(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets><sheet name="${escapeXml(name)}" sheetId="1" r:id="rId1"/></sheets>` +
      (table.columns.length
        ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${escapeXml(name.replace(/'/g, "''"))}'!$A$1:$${columnLetters(table.columns.length - 1)}$${table.cells.length + 1}</definedName></definedNames>`
        : '') +
      '</workbook>',
  );
  add(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '</Relationships>',
  );
  add('xl/styles.xml', STYLES_XML);
  const shared = new ZipDeflate('xl/sharedStrings.xml', { level: 1 });
  zip.add(shared);
  strings.write(shared);
  zip.end();
  if (failure) throw failure;
  return concatenate(output);
}

function concatenate(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
