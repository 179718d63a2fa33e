/**
 * The rows of a table file, whatever its format: delimited text streamed chunk by chunk, or the
 * first non-empty sheet of a spreadsheet (loaded on demand, so the zip reader stays out of the
 * start-up bundle). The header row is split off, and rows with more fields than the header
 * get their problem here, the same way in the analysis and in the import pass.
 */
import { looksLikeEmail, looksLikePhone, cellText, type Cell } from './column-stats';
import type { CsvDialect } from './csv-dialect';
import { delimitedRows, abortError } from './csv-rows';
import { decodeChunks } from './encoding';
import { columnName, problem, ImportFileError, type ImportProblem } from './problems';
import type { ByteSource } from './source';

/** One data row. */
export interface TableRow {
  cells: Cell[];
  line: number;
  /** 1-based number of the data row. */
  record: number;
  problem?: ImportProblem;
  /** Set when the row is imported but the user should know (fewer fields than the header). */
  warning?: ImportProblem;
}

/** How to read a table file, as decided by the analysis (or changed by the user). */
export interface TableSettings {
  format: 'csv' | 'xlsx' | 'ods';
  encoding?: string;
  bomLength?: number;
  dialect?: CsvDialect;
  /** Name of a column without a header (1-based); `Column N` in the UI language when absent. */
  columnName?: (number: number) => string;
}

/** The header and a stream of batches of data rows. */
export interface TableStream {
  headers: string[];
  /** Whether the first row was a header (false: headers are `Column 1`…). */
  hasHeader: boolean;
  /** Line of the header row. */
  headerLine: number;
  rows: AsyncGenerator<TableRow[]>;
}

/** Opens a table file; resolves once the header is known. */
export async function openTable(source: ByteSource, settings: TableSettings, signal?: AbortSignal, onBytes?: (bytes: number) => void): Promise<TableStream | null> {
  const batches = settings.format === 'csv' ? csvBatches(source, settings, signal, onBytes) : sheetBatches(source, settings.format, signal);
  let first: RawRow | undefined;
  let pending: RawRow[] = [];
  while (!first) {
    const next = await batches.next();
    if (next.done) return null;
    pending = next.value;
    first = pending.shift();
  }
  const hasHeader = !first.cells.some((cell) => typeof cell === 'number' || /^[-+]?\d+([.,]\d+)*$/.test(cellText(cell).trim()) || looksLikeEmail(cellText(cell)) || looksLikePhone(cellText(cell)));
  const nameOf = settings.columnName ?? ((number: number) => columnName(number));
  const headers = first.cells.map((cell, index) => (hasHeader && cellText(cell).trim()) || nameOf(index + 1));
  if (!hasHeader) pending.unshift(first);
  const headerLine = first.line;
  let record = 0;
  // Rows become TableRows in place: at a million rows every saved allocation counts.
  const checked = (raw: RawRow[]): TableRow[] => {
    for (const row of raw as TableRow[]) {
      row.record = ++record;
      if (!row.problem && row.cells.length > headers.length && lastFilled(row.cells) > headers.length) {
        row.problem = problem('tooManyFields', 'error', { line: row.line, record }, { count: lastFilled(row.cells), expected: headers.length });
      }
      // Spreadsheets leave trailing blank cells out; in delimited text a short row is a real defect.
      if (!row.problem && settings.format === 'csv' && row.cells.length < headers.length) {
        row.warning = problem('tooFewFields', 'warning', { line: row.line, record }, { count: row.cells.length, expected: headers.length });
      }
    }
    return raw as TableRow[];
  };
  async function* rows(): AsyncGenerator<TableRow[]> {
    if (pending.length) yield checked(pending);
    for (;;) {
      const next = await batches.next();
      if (next.done) return;
      yield checked(next.value);
    }
  }
  return { headers, hasHeader, headerLine, rows: rows() };
}

interface RawRow {
  cells: Cell[];
  line: number;
  record?: number;
  problem?: ImportProblem;
}

function lastFilled(cells: Cell[]): number {
  let last = cells.length;
  while (last > 0 && cellText(cells[last - 1]).trim() === '') last--;
  return last;
}

async function* csvBatches(source: ByteSource, settings: TableSettings, signal?: AbortSignal, onBytes?: (bytes: number) => void): AsyncGenerator<RawRow[]> {
  async function* counted(): AsyncGenerator<Uint8Array> {
    let total = 0;
    for await (const chunk of source.chunks()) {
      total += chunk.length;
      onBytes?.(total);
      yield chunk;
    }
  }
  const text = decodeChunks(counted(), settings.encoding ?? 'utf-8', settings.bomLength ?? 0);
  for await (const batch of delimitedRows(text, settings.dialect!, signal)) {
    for (const row of batch) unneutralise(row.fields);
    yield batch.map((row): RawRow => (row.problem ? { cells: row.fields, line: row.line, problem: row.problem } : { cells: row.fields, line: row.line }));
  }
}

const NEUTRALISED = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Takes off the `'` that CSV writers (ours: web/export/write-csv.ts, OWASP's advice) put before
 * a cell starting with `= + - @`, tab or CR so that a spreadsheet shows it as text: the value
 * meant is the one without it. One `'` only: a text that itself starts with `'` and a formula
 * character was written with one more (`''=1` is the text `'=1`).
 */
export function unneutralise(fields: string[]): void {
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (field.charCodeAt(0) === 39 && NEUTRALISED.test(field)) fields[index] = field.slice(1);
  }
}

async function* sheetBatches(source: ByteSource, format: 'xlsx' | 'ods', signal?: AbortSignal): AsyncGenerator<RawRow[]> {
  const { readSpreadsheet, SpreadsheetError } = await import('./spreadsheet/read-spreadsheet');
  let sheets;
  try {
    sheets = await readSpreadsheet(await source.bytes(), format);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new ImportFileError(problem('spreadsheetUnreadable', 'fatal', {}, { detail: error.message }));
    throw error;
  }
  const sheet = sheets.find((candidate) => candidate.rows.some((row) => row.some((cell) => cellText(cell).trim() !== '')));
  if (!sheet) return;
  const batchSize = 5000;
  for (let start = 0; start < sheet.rows.length; start += batchSize) {
    if (signal?.aborted) throw abortError(signal);
    const batch: RawRow[] = [];
    sheet.rows.slice(start, start + batchSize).forEach((cells, offset) => {
      if (cells.some((cell) => cellText(cell).trim() !== '')) batch.push({ cells, line: start + offset + 1 });
    });
    yield batch;
  }
}
