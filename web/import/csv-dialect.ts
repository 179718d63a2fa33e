/**
 * The dialect of a delimited text file: delimiter, line break and Excel's `sep=` directive,
 * sniffed from the first lines. The delimiter is the candidate that splits the most lines into
 * the same number of fields; quoted text is ignored while counting.
 */

/** Delimiters a file may use. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How a delimited file is written. */
export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  /** The first line is Excel's `sep=X` directive (not a header). */
  sepLine: boolean;
  /** Set when some lines use another delimiter than the rest (line is 1-based). */
  mixed?: { line: number; delimiter: string };
}

/** Sniffs the dialect from the first part of the text (BOM already removed). */
export function sniffDialect(sample: string): CsvDialect {
  const newline = firstLineBreak(sample);
  const sep = /^sep=(.)[ \t]*(\r\n|\r|\n|$)/i.exec(sample);
  if (sep) return { delimiter: sep[1], newline, sepLine: true };
  const lines = logicalLines(sample, 200);
  const counts = new Map<string, number[]>(DELIMITERS.map((delimiter) => [delimiter, lines.map((line) => countOutsideQuotes(line.text, delimiter))]));
  let best: { delimiter: string; agreeing: number; fields: number } = { delimiter: ',', agreeing: 0, fields: 0 };
  for (const [delimiter, perLine] of counts) {
    const mode = modeOf(perLine.filter((count) => count > 0));
    if (mode === 0) continue;
    const agreeing = perLine.filter((count) => count === mode).length;
    if (agreeing > best.agreeing || (agreeing === best.agreeing && mode > best.fields)) best = { delimiter, agreeing, fields: mode };
  }
  const dialect: CsvDialect = { delimiter: best.delimiter, newline, sepLine: false };
  const chosen = counts.get(best.delimiter)!;
  for (let index = 0; index < lines.length && best.agreeing > 0; index++) {
    if (chosen[index] > 0 || !lines[index].text.trim()) continue;
    const other = DELIMITERS.find((delimiter) => delimiter !== best.delimiter && counts.get(delimiter)![index] > 0);
    if (other) {
      dialect.mixed = { line: lines[index].line, delimiter: other };
      break;
    }
  }
  return dialect;
}

/** A readable name of a delimiter for messages (`tab` rather than an invisible character). */
export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}

function firstLineBreak(text: string): CsvDialect['newline'] {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') return '\n';
    else if (!quoted && char === '\r') return text[index + 1] === '\n' ? '\r\n' : index + 1 < text.length ? '\r' : '\r\n';
  }
  return '\n';
}

/** Lines with quoted line breaks kept inside, each with its 1-based physical line number. */
function logicalLines(text: string, limit: number): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let quoted = false;
  let start = 0;
  let line = 1;
  let startLine = 1;
  for (let index = 0; index < text.length && lines.length < limit; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    if (char !== '\n' && char !== '\r') continue;
    if (char === '\r' && text[index + 1] === '\n') index++;
    line++;
    if (quoted) continue;
    lines.push({ text: text.slice(start, index + 1), line: startLine });
    start = index + 1;
    startLine = line;
  }
  if (lines.length < limit && start < text.length && !quoted) lines.push({ text: text.slice(start), line: startLine });
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
  }
  return count;
}

function modeOf(values: number[]): number {
  const tally = new Map<number, number>();
  let mode = 0;
  let most = 0;
  for (const value of values) {
    const count = (tally.get(value) ?? 0) + 1;
    tally.set(value, count);
    if (count > most || (count === most && value > mode)) {
      most = count;
      mode = value;
    }
  }
  return mode;
}
