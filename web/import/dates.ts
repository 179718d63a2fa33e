/**
 * Dates as files write them, read by evidence over the whole column: `31.12.2024` can only be
 * day-first, `12/31/2024` only month-first; a column of only `01/02/2024`-like dates is
 * ambiguous and reported so, with the reading chosen from the file's conventions.
 */

/** How a column writes its dates. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** Evidence about the dates of one column, gathered value by value. */
export interface DateEvidence {
  /** Values that look like a date at all. */
  dates: number;
  ymd: number;
  /** Values that can only be day-first (first number > 12, or dotted German/Russian style). */
  dmyOnly: number;
  /** Values that can only be month-first (second number > 12). */
  mdyOnly: number;
  /** Values that fit both day-first and month-first. */
  either: number;
}

/** Empty evidence to add values to. */
export function newDateEvidence(): DateEvidence {
  return { dates: 0, ymd: 0, dmyOnly: 0, mdyOnly: 0, either: 0 };
}

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;

/** Adds one value to a column's evidence. */
export function addDateEvidence(evidence: DateEvidence, value: string): void {
  const text = value.trim();
  if (!text) return;
  let match = YMD.exec(text);
  if (match) {
    if (validDate(+match[1], +match[2], +match[3])) {
      evidence.dates++;
      evidence.ymd++;
    }
    return;
  }
  match = DOTTED.exec(text);
  if (match) {
    // Dotted dates are day-first wherever they are written (de, ru, ro).
    if (validDate(fullYear(match[3]), +match[2], +match[1])) {
      evidence.dates++;
      evidence.dmyOnly++;
    }
    return;
  }
  match = SLASHED.exec(text);
  if (!match) return;
  const [first, second, year] = [+match[1], +match[2], fullYear(match[3])];
  const asDmy = validDate(year, second, first);
  const asMdy = validDate(year, first, second);
  if (!asDmy && !asMdy) return;
  evidence.dates++;
  if (asDmy && asMdy) evidence.either++;
  else if (asDmy) evidence.dmyOnly++;
  else evidence.mdyOnly++;
}

/** The reading of a column's dates. */
export interface DateReading {
  order: DateOrder;
  /** True when no value decided between day-first and month-first. */
  ambiguous: boolean;
  /** Values that contradict the chosen order (they are kept as text, not guessed). */
  conflicting: number;
}

/**
 * Chooses how to read a column's dates, or null when it holds no dates. `dayFirst` is the
 * convention of the file (e.g. `;` delimiter, a European encoding) used only when undecided.
 */
export function chooseDateOrder(evidence: DateEvidence, dayFirst: boolean): DateReading | null {
  if (evidence.dates === 0) return null;
  const slashed = evidence.dmyOnly + evidence.mdyOnly + evidence.either;
  if (slashed === 0) return { order: 'ymd', ambiguous: false, conflicting: 0 };
  if (evidence.dmyOnly > 0 && evidence.mdyOnly === 0) return { order: 'dmy', ambiguous: false, conflicting: 0 };
  if (evidence.mdyOnly > 0 && evidence.dmyOnly === 0) return { order: 'mdy', ambiguous: false, conflicting: 0 };
  if (evidence.dmyOnly === 0 && evidence.mdyOnly === 0) return { order: dayFirst ? 'dmy' : 'mdy', ambiguous: true, conflicting: 0 };
  const order = evidence.dmyOnly >= evidence.mdyOnly ? 'dmy' : 'mdy';
  return { order, ambiguous: false, conflicting: Math.min(evidence.dmyOnly, evidence.mdyOnly) };
}

/** A value as `YYYY-MM-DD` read in `order`, or null when it is no valid date in that order. */
export function parseDateValue(value: string, order: DateOrder): string | null {
  const text = value.trim();
  let match = YMD.exec(text);
  if (match) return isoDate(+match[1], +match[2], +match[3]);
  match = DOTTED.exec(text);
  if (match) return isoDate(fullYear(match[3]), +match[2], +match[1]);
  match = SLASHED.exec(text);
  if (!match || order === 'ymd') return null;
  const [first, second, year] = [+match[1], +match[2], fullYear(match[3])];
  return order === 'dmy' ? isoDate(year, second, first) : isoDate(year, first, second);
}

/** An ISO date-time from a spreadsheet as `YYYY-MM-DD`. */
export function isoDay(iso: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? isoDate(+match[1], +match[2], +match[3]) : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  // Two-digit years: the next 20 years are this century, older ones the last.
  const pivot = (new Date().getUTCFullYear() % 100) + 20;
  return year <= pivot ? 2000 + year : 1900 + year;
}

function validDate(year: number, month: number, day: number): boolean {
  return isoDate(year, month, day) !== null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
