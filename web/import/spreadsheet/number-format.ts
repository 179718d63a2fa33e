/**
 * What a cell's number format says about its value: a date, a time, text shown as typed, a
 * zero-padded code (postal codes, phone numbers), or a plain number. Excel stores dates as
 * serial day numbers and leading zeros only in the format, so both need the format to read.
 */

/** How a numeric cell is turned into a SheetCell. */
export type NumberFormatKind =
  | { kind: 'number' }
  | { kind: 'date'; time: boolean }
  | { kind: 'time' }
  | { kind: 'text' }
  | { kind: 'padded'; template: string };

const NUMBER: NumberFormatKind = { kind: 'number' };
const DATE: NumberFormatKind = { kind: 'date', time: false };
const DATE_TIME: NumberFormatKind = { kind: 'date', time: true };
const TIME: NumberFormatKind = { kind: 'time' };
const TEXT: NumberFormatKind = { kind: 'text' };

/** Built-in number format ids whose codes are implied (ECMA-376 18.8.30), by what they show. */
const BUILTIN_KINDS = new Map<number, NumberFormatKind>([
  [14, DATE], [15, DATE], [16, DATE], [17, DATE], [22, DATE_TIME],
  [18, TIME], [19, TIME], [20, TIME], [21, TIME], [45, TIME], [46, TIME], [47, TIME],
  [49, TEXT],
  // East Asian locale date formats (ids 27–36 and 50–58 are dates in those locales).
  ...[27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, DATE] as [number, NumberFormatKind]),
  [32, TIME], [33, TIME], [55, TIME], [56, TIME],
]);

/** The kind of a number format by id and (for custom ids) its format code. */
export function numberFormatKind(id: number, code: string | undefined): NumberFormatKind {
  const builtin = BUILTIN_KINDS.get(id);
  if (builtin) return builtin;
  if (code === undefined) return NUMBER;
  return formatCodeKind(code);
}

/** Classifies a format code such as `dd.mm.yyyy`, `[$-409]h:mm AM/PM`, `@` or `00000`. */
export function formatCodeKind(code: string): NumberFormatKind {
  // Only the first section (positive numbers) decides; quoted literals, escapes and [..] go.
  const first = splitSections(code)[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, '')
    .replace(/[_*]./g, '');
  if (bare.trim() === '@') return TEXT;
  if (/^general$/i.test(bare.trim())) return NUMBER;
  const lower = bare.toLowerCase().replace(/am\/pm|a\/p/g, 'h');
  const hasTime = /[hs]/.test(lower);
  if (/[yd]/.test(lower)) return hasTime ? DATE_TIME : DATE;
  if (hasTime) return TIME;
  if (/m/.test(lower)) return DATE;
  const template = first.replace(/\\(.)/g, '$1').replace(/"([^"]*)"/g, '$1');
  const zeros = template.split('0').length - 1;
  if (/^[0#\s\-()/+]*0[0#\s\-()/+]*$/.test(template) && (zeros >= 2 || /[^0#]/.test(template))) {
    return { kind: 'padded', template };
  }
  return NUMBER;
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < code.length; index++) {
    const char = code[index];
    if (char === '"') quoted = !quoted;
    if (char === '\\' && !quoted) {
      current += char + (code[index + 1] ?? '');
      index++;
      continue;
    }
    if (char === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  sections.push(current);
  return sections;
}

/** An integer shown through a template of `0` (padded), `#` (optional) digits and literals. */
export function applyPaddedTemplate(value: number, template: string): string {
  if (!Number.isInteger(value) || value < 0) return generalText(value);
  let digits = String(value);
  let output = '';
  for (let index = template.length - 1; index >= 0; index--) {
    const char = template[index];
    if (char === '0' || char === '#') {
      if (digits.length) {
        output = digits[digits.length - 1] + output;
        digits = digits.slice(0, -1);
      } else if (char === '0') {
        output = '0' + output;
      }
      const placeholdersLeft = /[0#]/.test(template.slice(0, index));
      if (!placeholdersLeft && digits.length) {
        output = digits + output;
        digits = '';
      }
    } else {
      output = char + output;
    }
  }
  return output.trim();
}

/** A number as Excel's General format shows it: up to 15 significant digits, no float noise. */
export function generalText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

const DAY_MS = 86_400_000;

/** An Excel serial day number as an ISO date (`2024-12-31`), with `Thh:mm[:ss]` when asked. */
export function serialToIso(serial: number, date1904: boolean, withTime: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds >= 86_400) {
    day += 1;
    seconds = 0;
  }
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (day >= 61) epoch = Date.UTC(1899, 11, 30);
  // Excel counts the nonexistent 1900-02-29 as day 60; days before it are one off the other way.
  else epoch = Date.UTC(1899, 11, 31);
  if (!date1904 && day === 60) return withTime ? `1900-02-29T${clock(seconds)}` : '1900-02-29';
  const isoDay = new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
  return withTime ? `${isoDay}T${clock(seconds)}` : isoDay;
}

/** A fraction of a day as `hh:mm` or `hh:mm:ss`. */
export function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const base = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return rest ? `${base}:${String(rest).padStart(2, '0')}` : base;
}

/** The serial day number of an ISO date (1900 system), the inverse of serialToIso for writing. */
export function isoToSerial(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let serial = (utc - Date.UTC(1899, 11, 30)) / DAY_MS;
  if (serial < 61) serial -= 1;
  if (serial < 1) return null;
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return serial + seconds / 86_400;
}
