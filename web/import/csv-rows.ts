/**
 * Rows of a delimited text stream, parsed by PapaParse's streaming parser one text chunk at a
 * time (the unfinished last row is carried over to the next chunk), so a file of any size is
 * never held whole. Every row carries the physical line it starts on, and rows PapaParse
 * accepts silently but that are malformed (a bare quote inside an unquoted field, text after a
 * closing quote, a quote never closed) carry a problem naming that line.
 */
import Papa from 'papaparse';
import type { CsvDialect } from './csv-dialect';
import { problem, type ImportProblem } from './problems';

/** One parsed row. */
export interface TextRow {
  fields: string[];
  /** Physical line (1-based) the row starts on. */
  line: number;
  /** Set when the row is malformed; its fields are then what PapaParse made of it. */
  problem?: ImportProblem;
}

interface PapaStep {
  data: string[][];
  errors: { code: string }[];
  meta: { cursor: number };
}

/**
 * Parses text chunks into batches of rows (one batch per chunk, for progress and cancel).
 * Blank lines are dropped; the `sep=` line is skipped.
 */
export async function* delimitedRows(chunks: AsyncIterable<string>, dialect: CsvDialect, signal?: AbortSignal): AsyncGenerator<TextRow[]> {
  let batch: TextRow[] = [];
  let text = '';
  let base = 0;
  let rowStart = 0;
  let line = 1;
  let skipFirst = dialect.sepLine;
  let chunkHasInvalid = false;
  const parser = new Papa.Parser({
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    step: (results: PapaStep) => {
      const end = results.meta.cursor - base;
      const start = rowStart - base;
      rowStart = results.meta.cursor;
      const row: TextRow = { fields: results.data[0] ?? [], line };
      line += lineBreaks(text, start, end);
      if (skipFirst) {
        skipFirst = false;
        return;
      }
      const codes = results.errors.map((error) => error.code);
      if (codes.includes('InvalidQuotes')) row.problem = problem('textAfterQuote', 'error', { line: row.line });
      else if (codes.includes('MissingQuotes')) row.problem = problem('unterminatedQuote', 'error', { line: row.line });
      else {
        const quote = text.indexOf('"', start);
        if (quote !== -1 && quote < end) {
          const column = bareQuoteColumn(text.slice(start, end), dialect.delimiter);
          if (column > 0) row.problem = problem('bareQuote', 'error', { line: row.line }, { column });
        }
      }
      if (!row.problem && chunkHasInvalid) {
        const bad = text.indexOf('\ufffd', start);
        if (bad !== -1 && bad < end) row.problem = problem('invalidBytes', 'error', { line: row.line });
      }
      if (dialect.newline === '\n') stripCarriageReturn(row.fields);
      if (row.fields.length === 1 && row.fields[0] === '') return;
      batch.push(row);
    },
  });
  for await (const chunk of chunks) {
    if (signal?.aborted) throw abortError(signal);
    text = text.slice(rowStart - base) + chunk;
    base = rowStart;
    chunkHasInvalid = text.includes('\ufffd');
    parser.parse(text, base, true);
    const ready = batch;
    batch = [];
    yield ready;
  }
  text = text.slice(rowStart - base);
  base = rowStart;
  chunkHasInvalid = text.includes('\ufffd');
  if (text) parser.parse(text, base, false);
  if (batch.length) yield batch;
}

/** The error an AbortSignal carries, or a DOMException named AbortError. */
export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The import was cancelled', 'AbortError');
}

/** Line breaks in text[start, end): CRLF, lone CR and lone LF each count once (no copy made). */
function lineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', start); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  for (let index = text.indexOf('\r', start); index !== -1 && index < end; index = text.indexOf('\r', index + 1)) if (text.charCodeAt(index + 1) !== 10) count++;
  return count;
}

/** 1-based column of the first unquoted field holding a quote, or 0 when there is none. */
function bareQuoteColumn(raw: string, delimiter: string): number {
  let column = 1;
  let index = 0;
  while (index < raw.length) {
    if (raw[index] === '"') {
      // Quoted field: skip to its closing quote ("" is an escaped quote).
      index++;
      while (index < raw.length) {
        if (raw[index] === '"') {
          if (raw[index + 1] === '"') index += 2;
          else break;
        } else index++;
      }
      index++;
      while (index < raw.length && raw[index] !== delimiter && raw[index] !== '\n' && raw[index] !== '\r') index++;
    } else {
      while (index < raw.length && raw[index] !== delimiter && raw[index] !== '\n' && raw[index] !== '\r') {
        if (raw[index] === '"') return column;
        index++;
      }
    }
    if (raw[index] !== delimiter) break;
    index++;
    column++;
  }
  return 0;
}

function stripCarriageReturn(fields: string[]): void {
  const last = fields.length - 1;
  if (last >= 0 && fields[last].endsWith('\r')) fields[last] = fields[last].slice(0, -1);
}
