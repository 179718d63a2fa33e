/**
 * CSV as Excel opens it without a wizard: UTF-8 with a BOM, CRLF line ends, `,` or `;` (the
 * list separator of most European locales, where `,` is the decimal comma).
 *
 * Formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, tab
 * or CR is prefixed with `'` and quoted, so a spreadsheet shows it as text and never runs it.
 * Phone-like values (`+40 721 000 000`, `-`-separated digits: only digits, spaces, `+`, `-`,
 * `(`, `)`, `.`, `/`) are left readable: without letters, `!` or `|` they cannot call a
 * function or reach another program, and a prefix would corrupt every international phone.
 *
 * Readers that undo this (ours: web/import/table-rows.ts `unneutralise`) take one `'` off a cell
 * that starts with apostrophes and then a formula character. A text that itself starts that way
 * (`'=1`, `'+40 721…`) is already inert in a spreadsheet, but gets one more `'` so the import
 * gives it back unchanged; every other cell is written once, never escaped twice.
 */
import type { SheetCell } from '../import/spreadsheet/sheet-types';
import type { ExportTable } from './export-table';

/** CSV options: the field delimiter, and the decimal separator written in numbers. */
export interface CsvOptions {
  delimiter: ',' | ';';
  /** Defaults to `,` with the `;` delimiter (the convention of those locales), else `.`. */
  decimal?: '.' | ',';
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PHONE_LIKE = /^[+\-]?[\d\s().\/-]*\d[\d\s().\/-]*$/;
const APOSTROPHE_THEN_FORMULA = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a text cell would be read as a formula by a spreadsheet and must be neutralised. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PHONE_LIKE.test(text);
}

/** Whether a text cell needs the leading `'`: to neutralise a formula, or so a reader's un-neutralising keeps the `'` it starts with. */
export function needsApostrophe(text: string): boolean {
  return isFormulaLike(text) || APOSTROPHE_THEN_FORMULA.test(text);
}

/** The text of one CSV field, neutralised and quoted where needed. */
export function csvField(cell: SheetCell, options: CsvOptions): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    const text = String(Number(cell.toPrecision(15)));
    return decimalOf(options) === ',' ? text.replace('.', ',') : text;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'object') return cell.date;
  const neutralised = needsApostrophe(cell);
  const text = neutralised ? `'${cell}` : cell;
  const mustQuote =
    neutralised ||
    text.includes(options.delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    /^\s|\s$/.test(text);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

function decimalOf(options: CsvOptions): '.' | ',' {
  return options.decimal ?? (options.delimiter === ';' ? ',' : '.');
}

/** The CSV text (without BOM) of a table: header line, then one line per row, CRLF-separated. */
export function csvText(table: ExportTable, options: CsvOptions): string {
  const lines: string[] = [table.columns.map((column) => csvField(column.header, options)).join(options.delimiter)];
  for (const row of table.cells) lines.push(row.map((cell) => csvField(cell, options)).join(options.delimiter));
  return lines.join('\r\n') + '\r\n';
}

/** The CSV file: UTF-8 with BOM. */
export function writeCsv(table: ExportTable, options: CsvOptions): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + csvText(table, options));
}
