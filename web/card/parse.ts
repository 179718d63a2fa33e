/**
 * Reading what the user typed into a card field: numbers and dates in the locale's format,
 * e-mails, phones and web addresses checked. Text is kept as typed; a value that cannot be read
 * gives an error kind (the card turns it into a message) and nothing is saved.
 */
import type { FieldType, FieldValue } from '../schema/fields';
import { isEmailAddress, webHref } from './links';
import { phoneDigits } from '../search/normalize';
import { yearlessDate } from '../schema/datetime';

/** Why a typed value was refused. */
export type InputError = 'number' | 'date' | 'email' | 'phone' | 'link';

/** The outcome of reading one typed value: the value to store (null = clear) or an error. */
export type ParsedInput = { ok: true; value: FieldValue } | { ok: false; error: InputError };

const separatorCache = new Map<string, { group: string; decimal: string }>();

/** The group and decimal separators a locale writes numbers with. */
export function numberSeparators(locale: string): { group: string; decimal: string } {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    found = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, found);
  }
  return found;
}

function isGrouped(digits: string, separator: string): boolean {
  const escaped = separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(digits);
}

/**
 * A number typed in the locale's format (`1 234,56` in ru/ro/es, `1,234.56` in en), also
 * accepting a plain `.` decimal point. Returns null for blank text, NaN when it is no number.
 */
export function parseNumber(text: string, locale: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f'’]/g, '').replace(/^−/, '-');
  if (s === '') return null;
  let sign = '';
  if (/^[+-]/.test(s)) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }
  const { group, decimal } = numberSeparators(locale);
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  let normalized: string;
  if (hasDot && hasComma) {
    const decimalChar = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const groupChar = decimalChar === '.' ? ',' : '.';
    const [whole, fraction, ...rest] = s.split(decimalChar);
    if (rest.length || !isGrouped(whole, groupChar)) return NaN;
    normalized = `${whole.split(groupChar).join('')}.${fraction}`;
  } else if (hasDot || hasComma) {
    const char = hasDot ? '.' : ',';
    const count = s.split(char).length - 1;
    if (char === decimal && count === 1) normalized = s.replace(char, '.');
    else if ((char === group || count > 1) && isGrouped(s, char)) normalized = s.split(char).join('');
    else if (count === 1) normalized = s.replace(char, '.');
    else return NaN;
  } else normalized = s;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return NaN;
  return Number(sign + normalized);
}

const orderCache = new Map<string, ('day' | 'month' | 'year')[]>();

/** The order in which a locale writes day, month and year. */
export function dateOrder(locale: string): ('day' | 'month' | 'year')[] {
  let found = orderCache.get(locale);
  if (!found) {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2024, 11, 31)));
    found = parts.filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year').map((part) => part.type as 'day' | 'month' | 'year');
    orderCache.set(locale, found);
  }
  return found;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date typed as `YYYY-MM-DD` or in the locale's order (`31.12.2024` in ru/ro, `31/12/2024`
 * in es, `12/31/2024` in en; two-digit years are 19xx/20xx). A date without a year (a birthday:
 * `--03-24`, `24.03`, `24 Mar`, `March 24`) gives `--MM-DD`. Returns the stored string,
 * null for blank text, or undefined when the text is no valid date.
 */
export function parseDate(text: string, locale: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? undefined;
  const yearless = parseYearlessDate(s, locale);
  if (yearless !== undefined) return yearless;
  const pieces = s.replace(/\s*(г\.?|r\.)$/i, '').split(/\s*[./-]\s*|\s+/);
  if (pieces.length !== 3 || pieces.some((piece) => !/^\d{1,4}$/.test(piece))) return undefined;
  const order = dateOrder(locale);
  const parts: Record<string, number> = {};
  order.forEach((name, index) => (parts[name] = Number(pieces[index])));
  let year = parts.year;
  const yearText = pieces[order.indexOf('year')];
  if (yearText.length <= 2) year += year < 50 ? 2000 : 1900;
  else if (yearText.length !== 4) return undefined;
  return isoDate(year, parts.month, parts.day) ?? undefined;
}

/**
 * A day and month without a year: `--MM-DD`, two numbers in the locale's order (`24.03`,
 * `03/24` in en) or a day and a month name in the locale or English (`24 мар`, `Mar 24`).
 * Returns `--MM-DD`, or undefined when the text is not such a date.
 */
export function parseYearlessDate(text: string, locale: string): string | undefined {
  const s = text.trim().replace(/\.$/, '');
  const stored = /^--(\d{2})-(\d{2})$/.exec(s);
  if (stored) return yearlessDate(Number(stored[1]), Number(stored[2])) ?? undefined;
  const numeric = /^(\d{1,2})\s*[./-]\s*(\d{1,2})$/.exec(s);
  if (numeric) {
    const dayFirst = dateOrder(locale).indexOf('day') < dateOrder(locale).indexOf('month');
    const [day, month] = dayFirst ? [numeric[1], numeric[2]] : [numeric[2], numeric[1]];
    return yearlessDate(Number(month), Number(day)) ?? undefined;
  }
  const named = /^(\d{1,2})\.?\s*(?:de\s+)?([\p{L}.]+)$/u.exec(s) ?? /^([\p{L}.]+)\s*(\d{1,2})$/u.exec(s);
  if (!named) return undefined;
  const [dayText, monthText] = /^\d/.test(named[1]) ? [named[1], named[2]] : [named[2], named[1]];
  const month = monthNumber(monthText, locale);
  return month ? (yearlessDate(month, Number(dayText)) ?? undefined) : undefined;
}

const monthNameCache = new Map<string, Map<string, number>>();

/** The month (1–12) a month name or abbreviation stands for in `locale` or English; 0 when none. */
function monthNumber(name: string, locale: string): number {
  let names = monthNameCache.get(locale);
  if (!names) {
    names = new Map();
    for (const lang of [locale, 'en']) {
      for (const style of ['long', 'short'] as const) {
        for (const form of [{ month: style }, { month: style, day: 'numeric' as const }]) {
          const format = new Intl.DateTimeFormat(lang, { ...form, timeZone: 'UTC' });
          for (let month = 1; month <= 12; month++) {
            const part = format.formatToParts(new Date(Date.UTC(2000, month - 1, 15))).find((piece) => piece.type === 'month');
            if (part) names.set(foldMonth(part.value), month);
          }
        }
      }
    }
    monthNameCache.set(locale, names);
  }
  return names.get(foldMonth(name)) ?? 0;
}

function foldMonth(name: string): string {
  return name.toLocaleLowerCase().normalize('NFD').replace(/[\u0300-\u036f.]/g, '');
}

/** Splits a typed tag list on commas, dropping blanks and repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const tag of text.split(',').map((part) => part.trim())) if (tag) seen.add(tag);
  return [...seen];
}

/** Reads the text typed into a field of `type`: the value to store, or why it was refused. */
export function parseInput(type: FieldType, text: string, locale: string): ParsedInput {
  if (text.trim() === '') return { ok: true, value: null };
  switch (type) {
    case 'number':
    case 'money': {
      const value = parseNumber(text, locale);
      return value === null || Number.isFinite(value) ? { ok: true, value } : { ok: false, error: 'number' };
    }
    case 'date': {
      const value = parseDate(text, locale);
      return value === undefined ? { ok: false, error: 'date' } : { ok: true, value };
    }
    case 'email':
    case 'emails':
      return isEmailAddress(text) ? { ok: true, value: text.trim() } : { ok: false, error: 'email' };
    case 'phone':
    case 'phones':
      // Stored as typed: the formatting people use is information (extensions, country codes).
      return phoneDigits(text).length >= 3 ? { ok: true, value: text.trim() } : { ok: false, error: 'phone' };
    case 'link':
      return webHref(text) ? { ok: true, value: text.trim() } : { ok: false, error: 'link' };
    case 'tags':
      return { ok: true, value: parseTags(text) };
    default:
      return { ok: true, value: text };
  }
}

/** Age in whole years on `today` of someone born on a `YYYY-MM-DD` date; null if unknown or future. */
export function ageOn(birthday: string, today: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - year;
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  if (beforeBirthday) age -= 1;
  return age >= 0 ? age : null;
}
