/**
 * Reads the sheets of an ODS spreadsheet (OpenDocument, LibreOffice Calc) from content.xml.
 * Repeated cells and rows are expanded only when something non-empty follows them, so the
 * trailing "1,048,576 empty rows" Calc writes cost nothing.
 */
import { SpreadsheetError } from './spreadsheet-error';
import type { SheetCell, SheetData } from './sheet-types';
import { MAX_COLUMNS, MAX_ROWS } from './read-xlsx';
import { attribute, scanXml, unescapeXml, XmlSyntaxError, type XmlHandler } from './xml';
import { SLICE_BYTES, xmlSlices } from './xml-slices';
import { openZip } from './zip-parts';

/** Reads every table of an ODS file, in document order (`sliceBytes` is for tests of slicing). */
export function readOds(bytes: Uint8Array, sliceBytes = SLICE_BYTES): SheetData[] {
  const zip = openZip(bytes, (name) => ['content.xml', 'mimetype', 'META-INF/manifest.xml', 'xl/workbook.xml'].includes(name), 'ODS');
  const manifest = zip.text('META-INF/manifest.xml');
  if (manifest && manifest.includes('encryption-data')) {
    throw new SpreadsheetError('encrypted', 'The ODS file is password-protected (encrypted); open it in Calc, remove the password and save it again.', 'content.xml');
  }
  const content = zip.bytes('content.xml');
  if (content === null) {
    const mimetype = zip.text('mimetype');
    const what = zip.names.includes('xl/workbook.xml') ? 'it is an XLSX workbook, not ODS' : 'it is not an OpenDocument spreadsheet';
    throw new SpreadsheetError('missing-part', `The ODS file has no content.xml part: ${mimetype ? `mimetype ${mimetype.trim()}, ` : ''}${what}.`, 'content.xml');
  }
  try {
    return readContent(xmlSlices(content, 'table:table-row', sliceBytes));
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpreadsheetError('bad-xml', error instanceof XmlSyntaxError ? reason : `content.xml: ${reason}`, 'content.xml');
  }
}

interface CellState {
  type: string;
  attributes: string;
  repeat: number;
  paragraphs: string[];
  text: string;
}

function readContent(slices: Iterable<string>): SheetData[] {
  const sheets: SheetData[] = [];
  let sheet: SheetData | null = null;
  let width = 0;
  /** Empty rows seen but not yet written: written only if a non-empty row follows. */
  let pendingEmptyRows = 0;
  let row: SheetCell[] | null = null;
  let rowRepeat = 1;
  let pendingEmptyCells = 0;
  let cell: CellState | null = null;
  let paragraphDepth = 0;
  let annotationDepth = 0;

  const addCells = (value: SheetCell, repeat: number) => {
    if (!row) return;
    if (value === null) {
      pendingEmptyCells += repeat;
      return;
    }
    const total = row.length + pendingEmptyCells + repeat;
    if (total > MAX_COLUMNS) throw new SpreadsheetError('too-large', `content.xml: a row of sheet "${sheet?.name}" is wider than 16,384 columns.`, 'content.xml');
    for (; pendingEmptyCells > 0; pendingEmptyCells--) row.push(null);
    for (let index = 0; index < repeat; index++) row.push(value);
  };

  const finishRow = () => {
    if (!sheet || !row) return;
    if (row.length === 0) {
      pendingEmptyRows += rowRepeat;
    } else {
      if (sheet.rows.length + pendingEmptyRows + rowRepeat > MAX_ROWS) {
        throw new SpreadsheetError('too-large', `content.xml: sheet "${sheet.name}" has more than 1,048,576 rows.`, 'content.xml');
      }
      for (; pendingEmptyRows > 0; pendingEmptyRows--) sheet.rows.push([]);
      if (row.length > width) width = row.length;
      sheet.rows.push(row);
      for (let index = 1; index < rowRepeat; index++) sheet.rows.push(row.slice());
    }
    row = null;
  };

  const handler: XmlHandler = {
    open(name, attributes, selfClosing) {
      switch (name) {
        case 'table:table':
          sheet = { name: attribute(attributes, 'table:name') ?? `Sheet${sheets.length + 1}`, rows: [] };
          width = 0;
          pendingEmptyRows = 0;
          break;
        case 'table:table-row':
          row = [];
          pendingEmptyCells = 0;
          rowRepeat = Math.max(1, Number(attribute(attributes, 'table:number-rows-repeated') ?? 1) || 1);
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          cell = {
            type: attribute(attributes, 'office:value-type') ?? '',
            attributes,
            repeat: Math.max(1, Number(attribute(attributes, 'table:number-columns-repeated') ?? 1) || 1),
            paragraphs: [],
            text: '',
          };
          if (selfClosing) {
            addCells(cellValue(cell), cell.repeat);
            cell = null;
          }
          break;
        case 'office:annotation':
          annotationDepth++;
          break;
        case 'text:p':
        case 'text:h':
          if (cell && annotationDepth === 0) {
            paragraphDepth++;
            if (paragraphDepth === 1) cell.text = '';
            if (selfClosing) {
              paragraphDepth--;
              cell.paragraphs.push('');
            }
          }
          break;
        case 'text:s':
          if (cell && paragraphDepth && annotationDepth === 0) cell.text += ' '.repeat(Math.max(1, Number(attribute(attributes, 'text:c') ?? 1) || 1));
          break;
        case 'text:tab':
          if (cell && paragraphDepth && annotationDepth === 0) cell.text += '\t';
          break;
        case 'text:line-break':
          if (cell && paragraphDepth && annotationDepth === 0) cell.text += '\n';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'text:p':
        case 'text:h':
          if (cell && annotationDepth === 0 && paragraphDepth > 0) {
            paragraphDepth--;
            if (paragraphDepth === 0) cell.paragraphs.push(cell.text);
          }
          break;
        case 'office:annotation':
          annotationDepth--;
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (cell) addCells(cellValue(cell), cell.repeat);
          cell = null;
          break;
        case 'table:table-row':
          finishRow();
          break;
        case 'table:table':
          if (sheet) {
            for (const current of sheet.rows) while (current.length < width) current.push(null);
            sheets.push(sheet);
          }
          sheet = null;
          break;
      }
    },
    text(raw) {
      if (cell && paragraphDepth && annotationDepth === 0) cell.text += unescapeXml(raw);
    },
  };
  for (const xml of slices) scanXml(xml, handler, 'content.xml');
  return sheets;
}

function cellValue(cell: CellState): SheetCell {
  const shown = cell.paragraphs.join('\n');
  switch (cell.type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const number = Number(attribute(cell.attributes, 'office:value'));
      if (!Number.isFinite(number)) return shown || null;
      // A code typed with leading zeros (a postal code, a phone) is shown padded: keep what is shown.
      if (/^0\d+$/.test(shown.trim()) && Number(shown.trim()) === number) return shown.trim();
      return number;
    }
    case 'date': {
      const value = attribute(cell.attributes, 'office:date-value') ?? '';
      const match = /^(-?\d{4,}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
      if (!match) return shown || null;
      const hasTime = match[2] !== undefined && !(match[2] === '00' && match[3] === '00' && (match[4] ?? '00') === '00');
      const seconds = match[4] && match[4] !== '00' ? `:${match[4]}` : '';
      return { date: hasTime ? `${match[1]}T${match[2]}:${match[3]}${seconds}` : match[1] };
    }
    case 'time': {
      const value = attribute(cell.attributes, 'office:time-value') ?? '';
      const match = /^PT(\d+)H(\d+)M(\d+)(?:\.\d+)?S$/.exec(value);
      if (!match) return shown || null;
      const seconds = Number(match[3]) ? `:${match[3].padStart(2, '0')}` : '';
      return `${match[1].padStart(2, '0')}:${match[2].padStart(2, '0')}${seconds}`;
    }
    case 'boolean': {
      const value = attribute(cell.attributes, 'office:boolean-value');
      return value === 'true' || value === '1';
    }
    case 'string': {
      const value = attribute(cell.attributes, 'office:string-value');
      const text = value ?? shown;
      return text === '' ? null : text;
    }
    default:
      return shown === '' ? null : shown;
  }
}

