/**
 * Reads the sheets of an XLSX workbook (Office Open XML SpreadsheetML) into rows of typed cells:
 * shared, inline and rich-text strings, numbers, booleans, cached formula results, and dates
 * and zero-padded codes recognised from the cell's number format.
 */
import { applyPaddedTemplate, clock, generalText, numberFormatKind, serialToIso, type NumberFormatKind } from './number-format';
import { SpreadsheetError } from './spreadsheet-error';
import type { SheetCell, SheetData } from './sheet-types';
import { attribute, localName, scanXml, unescapeXml, XmlSyntaxError } from './xml';
import { SLICE_BYTES, xmlSlices } from './xml-slices';
import { openZip, type ZipParts } from './zip-parts';

/** The most rows a sheet may hold (Excel's limit); larger row numbers mean a damaged file. */
export const MAX_ROWS = 1_048_576;
/** The most columns a sheet may hold (Excel's limit, XFD). */
export const MAX_COLUMNS = 16_384;

/** Reads every worksheet of an XLSX file, in workbook order (`sliceBytes` is for tests of slicing). */
export function readXlsx(bytes: Uint8Array, sliceBytes = SLICE_BYTES): SheetData[] {
  const zip = openZip(bytes, (name) => name.endsWith('.xml') || name.endsWith('.rels'), 'XLSX');
  const workbookPath = workbookPartPath(zip);
  const workbook = requirePart(zip, workbookPath, 'the workbook (xl/workbook.xml)');
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const relations = readRelations(zip.text(`${base}_rels/${workbookPath.slice(base.length)}.rels`) ?? '', base);
  const { sheets, date1904 } = guard(workbookPath, () => readWorkbook(workbook));
  const sharedPath = [...relations.values()].find((target) => /sharedStrings\.xml$/i.test(target)) ?? `${base}sharedStrings.xml`;
  const stylesPath = [...relations.values()].find((target) => /styles\.xml$/i.test(target)) ?? `${base}styles.xml`;
  const sharedText = zip.text(sharedPath);
  const shared = sharedText === null ? [] : guard(sharedPath, () => readSharedStrings(sharedText, sharedPath));
  const stylesText = zip.text(stylesPath);
  const styles = stylesText === null ? [] : guard(stylesPath, () => readStyles(stylesText, stylesPath));
  if (sheets.length === 0) throw new SpreadsheetError('missing-part', 'The XLSX workbook lists no sheets.', workbookPath);
  return sheets.map((sheet) => {
    const target = relations.get(sheet.relationId);
    const xml = target ? zip.bytes(target) : null;
    if (xml === null) {
      throw new SpreadsheetError('missing-part', `The XLSX file has no part for sheet "${sheet.name}" (${target ?? sheet.relationId}).`, target);
    }
    return { name: sheet.name, rows: guard(target!, () => readWorksheet(xmlSlices(xml, 'row', sliceBytes), target!, { shared, styles, date1904 })) };
  });
}

function workbookPartPath(zip: ZipParts): string {
  const rootRels = zip.text('_rels/.rels');
  if (rootRels) {
    const match = /Target="\/?([^"]*workbook[^"]*\.xml)"/i.exec(rootRels);
    if (match && zip.names.includes(match[1])) return match[1];
  }
  if (zip.names.includes('xl/workbook.xml')) return 'xl/workbook.xml';
  if (zip.names.includes('content.xml')) {
    throw new SpreadsheetError('missing-part', 'The file is an OpenDocument (ODS) spreadsheet, not XLSX.');
  }
  throw new SpreadsheetError('missing-part', 'The zip package has no workbook part (xl/workbook.xml): it is not an XLSX spreadsheet.', 'xl/workbook.xml');
}

function requirePart(zip: ZipParts, path: string, what: string): string {
  const text = zip.text(path);
  if (text === null) throw new SpreadsheetError('missing-part', `The XLSX file has no ${what}.`, path);
  return text;
}

function guard<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpreadsheetError('bad-xml', error instanceof XmlSyntaxError ? reason : `${part}: ${reason}`, part);
  }
}

function readRelations(xml: string, base: string): Map<string, string> {
  const relations = new Map<string, string>();
  scanXml(xml, {
    open(name, attributes) {
      if (localName(name) !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id && target) relations.set(id, resolvePath(base, target));
    },
    close() {},
    text() {},
  }, 'workbook relationships');
  return relations;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.') resolved.push(part);
  }
  return resolved.join('/');
}

interface SheetRef {
  name: string;
  relationId: string;
}

function readWorkbook(xml: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attributes) {
      const local = localName(name);
      if (local === 'sheet') {
        const relationId = attribute(attributes, 'r:id') ?? /\w+:id="([^"]*)"/.exec(attributes)?.[1] ?? '';
        sheets.push({ name: attribute(attributes, 'name') ?? `Sheet${sheets.length + 1}`, relationId });
      } else if (local === 'workbookPr') {
        const flag = attribute(attributes, 'date1904');
        date1904 = flag === '1' || flag === 'true';
      }
    },
    close() {},
    text() {},
  }, 'xl/workbook.xml');
  return { sheets, date1904 };
}

/** Shared strings: plain `<t>`, rich-text runs `<r><t>` joined; phonetic hints `<rPh>` left out. */
function readSharedStrings(xml: string, part: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attributes, selfClosing) {
      const local = localName(name);
      if (local === 'si') current = '';
      else if (local === 'rPh') phonetic++;
      else if (local === 't' && !selfClosing) inText = true;
    },
    close(name) {
      const local = localName(name);
      if (local === 'si') strings.push(decodeEscapes(current));
      else if (local === 'rPh') phonetic--;
      else if (local === 't') inText = false;
    },
    text(raw) {
      if (inText && phonetic === 0) current += unescapeXml(raw);
    },
  }, part);
  return strings;
}

/** OOXML writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
function decodeEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The number format kind of each cell style index (cellXfs order). */
function readStyles(xml: string, part: string): NumberFormatKind[] {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attributes) {
      const local = localName(name);
      if (local === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        const code = attribute(attributes, 'formatCode');
        if (Number.isFinite(id) && code !== null) codes.set(id, code);
      } else if (local === 'cellXfs') {
        inCellXfs = true;
      } else if (local === 'xf' && inCellXfs) {
        formatIds.push(Number(attribute(attributes, 'numFmtId') ?? 0));
      }
    },
    close(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
    text() {},
  }, part);
  return formatIds.map((id) => numberFormatKind(id, codes.get(id)));
}

interface SheetContext {
  shared: string[];
  styles: NumberFormatKind[];
  date1904: boolean;
}

/** Column index (0-based) of a cell reference such as `C5` or `AB12`; -1 when there is none. */
export function columnIndex(reference: string): number {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index++) {
    const code = reference.charCodeAt(index) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return index === 0 ? -1 : column - 1;
}

const SHEET_TAG = /<(\/?)((?:[\w.-]+:)?)(row|c|sheetData)\b([^>]*?)(\/?)>/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE_TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
const PHONETIC = /<((?:[\w.-]+:)?)rPh\b[\s\S]*?<\/\1rPh>/g;

/**
 * Reads <sheetData>: rows and cells only, by pattern rather than a general XML scan, because a
 * sheet of a million cells is the one part where speed matters.
 */
function readWorksheet(slices: Iterable<string>, part: string, context: SheetContext): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let row: SheetCell[] | null = null;
  let nextRow = 0;
  let nextColumn = 0;
  let width = 0;
  let sheetDataClosed = false;
  for (const xml of slices) {
    SHEET_TAG.lastIndex = 0;
    for (let match = SHEET_TAG.exec(xml); match; match = SHEET_TAG.exec(xml)) {
      const [, closing, prefix, name, attributes, selfClosing] = match;
      if (name === 'sheetData') {
        if (closing || selfClosing) sheetDataClosed = true;
        continue;
      }
      if (name === 'row') {
        if (closing || selfClosing) {
          if (selfClosing) {
            const number = Number(attribute(attributes, 'r'));
            nextRow = Number.isInteger(number) && number > 0 ? number : nextRow + 1;
          }
          row = null;
          continue;
        }
        const number = Number(attribute(attributes, 'r'));
        const index = Number.isInteger(number) && number > 0 ? number - 1 : nextRow;
        if (index >= MAX_ROWS) throw new SpreadsheetError('too-large', `${part}: row ${index + 1} is beyond the 1,048,576-row limit of a sheet.`, part);
        while (rows.length < index) rows.push([]);
        row = [];
        rows[index] = row;
        nextRow = index + 1;
        nextColumn = 0;
        continue;
      }
      if (closing) continue;
      // A cell: <c r="B2" s="3" t="s">…</c> or <c r="B2"/>.
      const reference = attribute(attributes, 'r');
      const column = reference ? columnIndex(reference) : -1;
      const cellColumn = column >= 0 ? column : nextColumn;
      if (cellColumn >= MAX_COLUMNS) throw new SpreadsheetError('too-large', `${part}: cell ${reference} is beyond column XFD.`, part);
      nextColumn = cellColumn + 1;
      if (selfClosing) continue;
      const end = xml.indexOf(`</${prefix}c>`, SHEET_TAG.lastIndex);
      if (end < 0) throw new XmlSyntaxError(`${part}: the XML is cut short (cell ${reference ?? ''} is not closed)`);
      const content = xml.slice(SHEET_TAG.lastIndex, end);
      SHEET_TAG.lastIndex = end + prefix.length + 4;
      if (!row) continue;
      const type = attribute(attributes, 't') ?? 'n';
      let raw: string | null;
      if (type === 'inlineStr') {
        raw = null;
        const texts = content.indexOf('rPh') >= 0 ? content.replace(PHONETIC, '') : content;
        INLINE_TEXT.lastIndex = 0;
        for (let text = INLINE_TEXT.exec(texts); text; text = INLINE_TEXT.exec(texts)) raw = (raw ?? '') + text[1];
      } else {
        const value = VALUE.exec(content);
        raw = value ? value[1] : null;
      }
      if (raw === null) continue;
      const cell = cellValue(type, raw, context.styles[Number(attribute(attributes, 's') ?? 0)], context);
      if (cell === null) continue;
      while (row.length < cellColumn) row.push(null);
      row[cellColumn] = cell;
      if (cellColumn + 1 > width) width = cellColumn + 1;
    }
  }
  if (!sheetDataClosed) throw new XmlSyntaxError(`${part}: the XML is cut short (no end of the sheet data)`);
  while (rows.length && rows[rows.length - 1].every((cell) => cell === null)) rows.pop();
  for (let index = 0; index < rows.length; index++) {
    const current = rows[index] ?? [];
    while (current.length < width) current.push(null);
    rows[index] = current;
  }
  return rows;
}

function cellValue(type: string, raw: string, format: NumberFormatKind | undefined, context: SheetContext): SheetCell {
  switch (type) {
    case 's': {
      const text = context.shared[Number(raw)];
      return text === undefined || text === '' ? null : text;
    }
    case 'inlineStr':
    case 'str':
    case 'e': {
      const text = decodeEscapes(unescapeXml(raw));
      return text === '' ? null : text;
    }
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'd': {
      const text = unescapeXml(raw).trim();
      const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(text);
      if (!match) return text || null;
      const time = match[2] && !/^00:00(:00)?$/.test(match[2]) ? `T${match[2].replace(/:00$/, '')}` : '';
      return { date: match[1] + time };
    }
    case '':
      return null;
    default: {
      const text = raw.trim();
      if (text === '') return null;
      const number = Number(text);
      if (!Number.isFinite(number)) return unescapeXml(text);
      return numberCell(number, format, context.date1904);
    }
  }
}

function numberCell(number: number, format: NumberFormatKind | undefined, date1904: boolean): SheetCell {
  if (!format) return number;
  switch (format.kind) {
    case 'date': {
      const iso = serialToIso(number, date1904, format.time);
      return iso === null ? number : { date: iso };
    }
    case 'time': {
      if (number >= 1) {
        const iso = serialToIso(number, date1904, true);
        return iso === null ? number : { date: iso };
      }
      return clock(Math.round((number - Math.floor(number)) * 86_400) % 86_400);
    }
    case 'text':
      return generalText(number);
    case 'padded':
      return applyPaddedTemplate(number, format.template);
    default:
      return number;
  }
}
