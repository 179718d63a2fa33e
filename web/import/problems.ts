/**
 * What can be wrong with an import file, as data: a code, where (line or record) and details.
 * The engine never builds sentences itself, so the UI shows them in the user's language
 * (messages `import.problem.<code>`) and the CLI prints the English ones.
 */
import { t } from '../i18n/i18n';
import { en } from '../i18n/messages/en';

/** Every kind of problem a file can have. */
export type ProblemCode =
  | 'empty'
  | 'binary'
  | 'oldExcel'
  | 'unsupportedZip'
  | 'headerOnly'
  | 'noRows'
  | 'unterminatedQuote'
  | 'bareQuote'
  | 'textAfterQuote'
  | 'tooManyFields'
  | 'tooFewFields'
  | 'mixedDelimiters'
  | 'invalidBytes'
  | 'vcardNoCards'
  | 'vcardUnterminated'
  | 'vcardStrayLine'
  | 'vcardBadPhoto'
  | 'spreadsheetUnreadable'
  | 'ambiguousDates';

/**
 * fatal: nothing can be imported; error: the line or record named cannot be imported as written
 * (importing the rest is the user's explicit choice); warning: imported, but the user should know.
 */
export type Severity = 'fatal' | 'error' | 'warning';

/** One problem found in a file. */
export interface ImportProblem {
  code: ProblemCode;
  severity: Severity;
  /** Physical line (1-based) where the problem starts, for text files. */
  line?: number;
  /** 1-based number of the record (vCard) or data row the problem belongs to. */
  record?: number;
  params?: Record<string, string | number>;
}

/** Builds a problem (a shorthand that keeps call sites on one line). */
export function problem(code: ProblemCode, severity: Severity, where: { line?: number; record?: number } = {}, params?: Record<string, string | number>): ImportProblem {
  return { code, severity, ...where, ...(params ? { params } : {}) };
}

/** Message lookup the describer needs: the UI passes the current language's messages. */
export type MessageTable = Record<string, string>;

/** The problem as a sentence, in English unless another message table is given. */
export function describeProblem(found: ImportProblem, messages: MessageTable = en): string {
  const template = messages[`import.problem.${found.code}`] ?? found.code;
  const params: Record<string, string | number> = { line: found.line ?? '?', record: found.record ?? '?', ...found.params };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A label the import writes into records' notes (`Nickname: …`), in the given language. */
export function noteLabel(key: string, messages: MessageTable = en, params: Record<string, string> = {}): string {
  const template = messages[`import.note.${key}`] ?? en[`import.note.${key}` as keyof typeof en] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** Whether any problem stops the whole file. */
export function hasFatal(problems: readonly ImportProblem[]): boolean {
  return problems.some((found) => found.severity === 'fatal');
}

/** Error exception carrying a problem, for failures deep inside a reader. */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(describeProblem(problem));
  }
}

/** The name of a column without a header (`Column 3`): in the given language, else the UI's. */
export function columnName(number: number, messages?: MessageTable): string {
  if (!messages) return t('import.column', { number });
  return (messages['import.column'] ?? en['import.column']).replace('{number}', String(number));
}

/** Up to `limit` line or record numbers as `3, 7, 12, …` for a problem that names many places. */
export function numberList(numbers: readonly number[], total: number, limit = 10): string {
  const shown = numbers.slice(0, limit).join(', ');
  return total > limit ? `${shown}, …` : shown;
}
