/**
 * Instants (datetime fields: epoch milliseconds) and the local calendar they are shown in, and
 * dates without a year (`--MM-DD`, a birthday whose year nobody knows; ISO 8601 / vCard 4 form).
 * No UI language here: exports and filters use these plain forms. The calendar arithmetic is
 * web/local-time's, in the device's zone.
 */
import { compareDates, formatClockTime, formatIsoDate, instantOf, isRealDate, localDateOf, parseIsoDate, wallTime } from '../local-time/local-time';

/** A date without a year, as stored: `--MM-DD`. */
export const YEARLESS_DATE = /^--(\d{2})-(\d{2})$/;

/** Two digits, as dates and times are written. */
function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Whether a value is a stored instant (finite epoch milliseconds). */
export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The local calendar day of an instant, `YYYY-MM-DD` (what date filters compare with). */
export function localDayKey(ms: number): string {
  return formatIsoDate(localDateOf(ms));
}

/** The local time of day of an instant, `HH:mm` (24-hour, as a time input holds it). */
export function localTimeText(ms: number): string {
  return formatClockTime(wallTime(ms));
}

/** An instant as local `YYYY-MM-DD HH:mm`: the form CSV and spreadsheet exports write. */
export function localDateTimeText(ms: number): string {
  return `${localDayKey(ms)} ${localTimeText(ms)}`;
}

/**
 * The instant of a local date (`YYYY-MM-DD`) and time (`HH:mm`, blank = midnight), or null when
 * either is not a real date or time, or the day has no such time at all.
 */
export function instantFromLocal(day: string, time: string): number | null {
  const date = parseIsoDate(day.trim());
  const timeMatch = /^(\d{1,2}):(\d{2})$/.exec(time.trim() || '00:00');
  if (!date || !timeMatch) return null;
  const [hour, minute] = [Number(timeMatch[1]), Number(timeMatch[2])];
  if (hour > 23 || minute > 59) return null;
  const instant = instantOf({ ...date, hour, minute });
  // A time skipped by a DST jump moves forward within its day; a day skipped whole (Samoa,
  // 30 December 2011) does not exist, so it is refused rather than moved to the next one.
  return compareDates(localDateOf(instant), date) === 0 ? instant : null;
}

/** The first instant of a local day `YYYY-MM-DD` (null when it is no date). */
export function startOfLocalDay(day: string): number | null {
  return instantFromLocal(day, '00:00');
}

/**
 * An instant typed or imported as text: `YYYY-MM-DD HH:mm[:ss]`, `YYYY-MM-DDTHH:mm` (local),
 * or a full ISO string with a zone. Returns null when the text is none of these.
 */
export function parseInstantText(text: string): number | null {
  const s = text.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(s) && /^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : null;
  }
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  return match ? instantFromLocal(match[1], match[2] ?? '') : null;
}

/** The month and day of a `--MM-DD` value (null when it is not one, or no such day exists in a leap year). */
export function yearlessParts(value: string): { month: number; day: number } | null {
  const match = YEARLESS_DATE.exec(value);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // 2000 is a leap year: 29 February is a valid birthday.
  return isRealDate({ year: 2000, month, day }) ? { month, day } : null;
}

/** A birthday as stored: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (year null). */
export interface Birthday {
  year: number | null;
  month: number;
  day: number;
}

/** Reads a stored birthday exactly as written (no surrounding spaces); null when it is neither form or no real day. */
export function parseBirthday(text: string): Birthday | null {
  const yearless = yearlessParts(text);
  if (yearless) return { year: null, month: yearless.month, day: yearless.day };
  const date = parseIsoDate(text);
  return date ? { year: date.year, month: date.month, day: date.day } : null;
}

/** A `--MM-DD` value from a month and day (null when no such day exists). */
export function yearlessDate(month: number, day: number): string | null {
  const value = `--${two(month)}-${two(day)}`;
  return yearlessParts(value) ? value : null;
}
