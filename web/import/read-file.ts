/**
 * The two passes over an import file. `analyzeFile` detects the format, encoding and dialect,
 * reads every row once to count it, collect its problems and learn each column (samples,
 * dates, numbers), and suggests a mapping. `readRecords` then streams the records the mapping
 * makes, batch by batch, for the preview or the import. Neither keeps the rows of a text file in
 * memory, and both stop on an AbortSignal.
 */
import type { ColumnMapping } from './column-target';
import { addCell, newColumnStats, type ColumnStats } from './column-stats';
import { sniffDialect, type CsvDialect } from './csv-dialect';
import { buildRecord } from './build-record';
import { detectFormat, DETECT_BYTES, latin1, type FileFormat } from './detect-format';
import { detectEncoding, readBom, type EncodingGuess } from './encoding';
import type { ImportRecord } from './import-record';
import type { FieldDef } from '../schema/fields';
import { columnName, ImportFileError, numberList, problem, type ImportProblem, type MessageTable, type ProblemCode } from './problems';
import type { ByteSource } from './source';
import { suggestMapping, type ColumnReading } from './suggest-mapping';
import { openTable, type TableSettings } from './table-rows';
import { lexVCards } from './vcard-lines';
import { vcardToRecord } from './vcard-records';

/** How far a pass has come. */
export interface ImportProgress {
  phase: 'analyze' | 'read' | 'store';
  rows: number;
  bytes: number;
  totalBytes: number;
}

/** Choices the user can make before (re-)analysing: encoding and delimiter of a text file. */
export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  /**
   * The base's fields, every section, custom ones included (readFields of each section): the
   * headers of our own exports are matched against them first and values read by their type.
   * Built-in fields when absent.
   */
  fields?: readonly FieldDef[];
  /** Messages of the UI language for names the engine makes up (`Column 3`); t() when absent. */
  messages?: MessageTable;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/** Everything the preview needs to show about a file. */
export interface FileAnalysis {
  file: string;
  format: FileFormat | null;
  /** Detected (or chosen) encoding of text formats, with the alternatives for the picker. */
  encoding: EncodingGuess | null;
  dialect: CsvDialect | null;
  headers: string[];
  hasHeader: boolean;
  columns: ColumnStats[];
  mapping: ColumnMapping | null;
  readings: ColumnReading[];
  /** Data rows or vCards found, including those with errors. */
  records: number;
  /** Problems, at most PROBLEM_DETAIL_LIMIT per code; problemCounts has the totals. */
  problems: ImportProblem[];
  problemCounts: Partial<Record<ProblemCode, number>>;
  /** vCard properties left out as technical (UID, REV, ...), with counts. */
  ignoredProperties: Record<string, number>;
  /** The fields the mapping was suggested from (ReadOptions.fields); the record pass reads values by them. */
  fields?: readonly FieldDef[];
}

/** Problems listed one by one per code; beyond that they are only counted. */
export const PROBLEM_DETAIL_LIMIT = 100;

const SNIFF_BYTES = 256 * 1024;
const SHORT_LINES_LISTED = 10;

/** Analyses a file: format, encoding, dialect, row count, problems, columns and mapping. */
export async function analyzeFile(source: ByteSource, options: ReadOptions = {}): Promise<FileAnalysis> {
  const analysis: FileAnalysis = { file: source.name, format: null, encoding: null, dialect: null, headers: [], hasHeader: false, columns: [], mapping: null, readings: [], records: 0, problems: [], problemCounts: {}, ignoredProperties: {}, ...(options.fields ? { fields: options.fields } : {}) };
  const report = (found: ImportProblem) => {
    const count = (analysis.problemCounts[found.code] ?? 0) + 1;
    analysis.problemCounts[found.code] = count;
    if (count <= PROBLEM_DETAIL_LIMIT) analysis.problems.push(found);
  };
  const head = await source.head(Math.max(DETECT_BYTES, SNIFF_BYTES));
  const detection = detectFormat(head.subarray(0, DETECT_BYTES));
  if ('problem' in detection) {
    report(detection.problem);
    return analysis;
  }
  analysis.format = detection.format;
  if (detection.format === 'vcard') {
    analyzeVCards(await source.bytes(), analysis, report, options.encoding, options.messages);
    return analysis;
  }
  const settings: TableSettings = { format: detection.format, columnName: (number) => columnName(number, options.messages) };
  if (detection.format === 'csv') {
    analysis.encoding = chooseEncoding(head, head.length >= source.size, options.encoding);
    settings.encoding = analysis.encoding.encoding;
    settings.bomLength = analysis.encoding.bomLength;
    const sample = new TextDecoder(settings.encoding, { ignoreBOM: true }).decode(head.subarray(settings.bomLength), { stream: true });
    analysis.dialect = sniffDialect(sample);
    if (options.delimiter) analysis.dialect = { ...analysis.dialect, delimiter: options.delimiter, mixed: undefined, sepLine: analysis.dialect.sepLine };
    settings.dialect = analysis.dialect;
    if (analysis.dialect.mixed) report(problem('mixedDelimiters', 'error', { line: analysis.dialect.mixed.line }, { delimiter: delimiterLabel(analysis.dialect.delimiter), other: delimiterLabel(analysis.dialect.mixed.delimiter) }));
  }
  let bytesRead = 0;
  const shortLines: number[] = [];
  let shortRows = 0;
  try {
    const table = await openTable(source, settings, options.signal, (bytes) => (bytesRead = bytes));
    if (!table) {
      report(problem(detection.format === 'csv' ? 'empty' : 'noRows', 'fatal'));
      return analysis;
    }
    analysis.headers = table.headers;
    analysis.hasHeader = table.hasHeader;
    analysis.columns = table.headers.map(newColumnStats);
    for await (const batch of table.rows) {
      for (const row of batch) {
        analysis.records++;
        if (row.warning?.code === 'tooFewFields' && ++shortRows <= SHORT_LINES_LISTED) shortLines.push(row.line);
        if (row.problem) report(row.problem);
        else for (let index = 0; index < analysis.columns.length; index++) addCell(analysis.columns[index], row.cells[index]);
      }
      options.onProgress?.({ phase: 'analyze', rows: analysis.records, bytes: bytesRead, totalBytes: source.size });
    }
    if (analysis.records === 0) report(problem('headerOnly', 'fatal', { line: table.headerLine }));
    if (shortRows) report(problem('tooFewFields', 'warning', { line: shortLines[0] }, { count: shortRows, expected: table.headers.length, lines: numberList(shortLines, shortRows) }));
  } catch (error) {
    if (error instanceof ImportFileError) {
      report(error.problem);
      return analysis;
    }
    throw error;
  }
  const european = analysis.dialect?.delimiter === ';' || /1251|1250|koi8|866/.test(analysis.encoding?.encoding ?? '');
  const { mapping, readings } = suggestMapping(analysis.columns, { european }, options.fields);
  analysis.mapping = mapping;
  analysis.readings = readings;
  readings.forEach((reading, index) => {
    if (reading.dates?.ambiguous && analysis.columns[index].dates.dates >= analysis.columns[index].filled * 0.8) {
      report(problem('ambiguousDates', 'warning', {}, { column: analysis.headers[index], order: reading.dates.order }));
    }
  });
  return analysis;
}

function chooseEncoding(head: Uint8Array, complete: boolean, chosen: string | undefined): EncodingGuess {
  const guess = detectEncoding(head, complete);
  if (!chosen || chosen === guess.encoding) return guess;
  const bom = readBom(head);
  return { encoding: chosen, bomLength: bom && bom.encoding === chosen ? bom.bomLength : 0, evidence: guess.evidence, alternatives: [{ encoding: guess.encoding, score: 0 }, ...guess.alternatives.filter((alternative) => alternative.encoding !== chosen)] };
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function delimiterLabel(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

function analyzeVCards(bytes: Uint8Array, analysis: FileAnalysis, report: (found: ImportProblem) => void, chosenEncoding: string | undefined, messages?: MessageTable): void {
  analysis.encoding = chooseEncoding(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES, chosenEncoding);
  // A 2.1 file that names its charset on some properties (Shift_JIS phones) uses it throughout.
  const declared = /;CHARSET=([\w-]+)/i.exec(latin1(bytes.subarray(0, SNIFF_BYTES)))?.[1].toLowerCase();
  if (!chosenEncoding && analysis.encoding.evidence === 'scored' && declared && isKnownEncoding(declared)) analysis.encoding = { ...analysis.encoding, encoding: declared };
  const { cards, problems } = lexVCards(bytes.subarray(analysis.encoding.bomLength));
  problems.forEach(report);
  analysis.records = cards.length + problems.filter((found) => found.code === 'vcardUnterminated').length;
  for (const card of cards) {
    const { record, ignored, badPhoto } = vcardToRecord(card, analysis.encoding.encoding, messages);
    if (badPhoto) report(problem('vcardBadPhoto', 'warning', { line: card.line, record: card.record }));
    for (const name of ignored) analysis.ignoredProperties[name] = (analysis.ignoredProperties[name] ?? 0) + 1;
    if (JSON.stringify(record.values).includes('\ufffd')) report(problem('invalidBytes', 'warning', { line: card.line, record: card.record }));
  }
}

/** Options of the record pass: the (possibly edited) mapping and readings. */
export interface RecordOptions {
  mapping?: ColumnMapping;
  /** Messages for the labels written into notes (the UI language); English when absent. */
  messages?: MessageTable;
  readings?: ColumnReading[];
  /** Fields values are read by (types, choice options); the analysis' fields when absent. */
  fields?: readonly FieldDef[];
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/** Streams the records of an analysed file in batches; records with problems carry them. */
export async function* readRecords(source: ByteSource, analysis: FileAnalysis, options: RecordOptions = {}): AsyncGenerator<ImportRecord[]> {
  if (!analysis.format) return;
  if (analysis.format === 'vcard') {
    yield* vcardRecords(await source.bytes(), analysis, options.messages);
    return;
  }
  const mapping = options.mapping ?? analysis.mapping;
  if (!mapping) return;
  const context = { headers: analysis.headers, mapping, readings: options.readings ?? analysis.readings, messages: options.messages, fields: options.fields ?? analysis.fields };
  const settings: TableSettings = { format: analysis.format, encoding: analysis.encoding?.encoding, bomLength: analysis.encoding?.bomLength, dialect: analysis.dialect ?? undefined };
  let bytesRead = 0;
  let rows = 0;
  const table = await openTable(source, settings, options.signal, (bytes) => (bytesRead = bytes));
  if (!table) return;
  for await (const batch of table.rows) {
    const records = batch.map((row) => {
      const record = buildRecord(row.cells, row, context);
      return row.problem ? { ...record, problem: row.problem } : record;
    });
    rows += batch.length;
    options.onProgress?.({ phase: 'read', rows, bytes: bytesRead, totalBytes: source.size });
    yield records;
  }
}

function* vcardRecords(bytes: Uint8Array, analysis: FileAnalysis, messages?: MessageTable): Generator<ImportRecord[]> {
  const encoding = analysis.encoding?.encoding ?? 'utf-8';
  const { cards, problems } = lexVCards(bytes.subarray(analysis.encoding?.bomLength ?? 0));
  const records = cards.map((card) => vcardToRecord(card, encoding, messages).record);
  for (const found of problems) {
    if (found.code === 'vcardUnterminated') records.push({ record: found.record!, line: found.line!, section: 'people', values: {}, problem: found });
  }
  yield records;
}
