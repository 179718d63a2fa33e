/**
 * Calendar arithmetic in a time zone. Reminders are stored as instants but planned in wall
 * time ("3 days ahead at 09:00"), so days are counted on the calendar, never as 86,400,000 ms:
 * a day that contains a daylight-saving change is 23 or 25 hours long.
 * `zone` is an IANA zone name; without it the device's own zone is used.
 */

/** A calendar day. `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Whether `year` has a 29 February (Gregorian rules). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  // UTC has no daylight saving, so whole days of it are exact calendar days.
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** `YYYY-MM-DD` of a date. */
export function formatIsoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses `YYYY-MM-DD` (a real calendar day), or null. */
export function parseIsoDate(text: string): LocalDate | null {
  // Read by character codes: this runs for every organization and person of a base.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return null;
  const date = { year, month, day };
  return isRealDate(date) ? date : null;
}

/** The number written by `length` ASCII digits at `start`, or -1. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Whether the day exists (no 31 April, no 29 February in a common year). */
export function isRealDate(date: LocalDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= daysInMonth(date.year, date.month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days of a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Orders two dates: negative when `a` is earlier. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The wall-clock date and time of an instant in a zone. */
export interface WallTime extends LocalDate {
  hour: number;
  minute: number;
}

/** The wall-clock time of `instant` in `zone` (the device's zone when absent). */
export function wallTime(instant: number, zone?: string): WallTime {
  if (!zone) {
    const date = new Date(instant);
    return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() };
  }
  const parts = zoneFormatter(zone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  // Some engines write midnight as hour 24 with hourCycle h23 unsupported: fold it back.
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute') };
}

/** The calendar day `instant` falls on in `zone`. */
export function localDateOf(instant: number, zone?: string): LocalDate {
  const { year, month, day } = wallTime(instant, zone);
  return { year, month, day };
}

/**
 * The instant of a wall-clock time in `zone`. A time skipped by a spring-forward change
 * (03:30 in Bucharest on 2026-03-29) is read with the offset before the change, so it lands
 * just after the jump, as the device's own clock would do; an hour that occurs twice in
 * autumn gives its first occurrence.
 */
export function instantOf(date: LocalDate, hour: number, minute: number, zone?: string): number {
  if (!zone) return new Date(date.year, date.month - 1, date.day, hour, minute).getTime();
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Offsets change at most once a day: the offsets half a day before and after are the only
  // candidates. The earlier matching instant is the first occurrence of a doubled hour.
  const offsetBefore = offsetMs(asUtc - HALF_DAY_MS, zone);
  const offsetAfter = offsetMs(asUtc + HALF_DAY_MS, zone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const wall = wallTime(candidate, zone);
    if (wall.year === date.year && wall.month === date.month && wall.day === date.day && wall.hour === hour && wall.minute === minute) return candidate;
  }
  // Skipped by a spring-forward change: read with the offset in force before it.
  return asUtc - offsetBefore;
}

const HALF_DAY_MS = 43_200_000;

/** `zone`'s offset from UTC at `instant`, in ms (east positive). */
export function offsetMs(instant: number, zone: string): number {
  const wall = wallTime(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
