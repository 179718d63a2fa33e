/**
 * Local days and wall-clock times in a time zone. Events, tasks and reminders store instants
 * (epoch milliseconds), but "today", "tomorrow at the same time", "3 days ahead at 09:00" and the
 * calendar's days are wall-clock notions, so they are computed on the calendar of an IANA zone,
 * never as multiples of 86,400,000 ms: a day that contains a daylight-saving change is 23 or 25
 * hours long. Without a `zone` argument the device's own zone is used (through `Date`, which is
 * faster than `Intl` and follows the device when it travels).
 */

/** A calendar day, without a time zone (`month` is 1–12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time on a calendar day. */
export interface WallTime extends LocalDate {
  hour: number;
  minute: number;
}

/** A local day as the instants it spans, [start, end): 23 or 25 hours on DST days. */
export interface DayRange {
  date: LocalDate;
  start: number;
  end: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const HALF_DAY_MS = 12 * HOUR_MS;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The time zone of this browser (or Node process). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether `year` has a 29 February (Gregorian rules). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Whether the day exists (no 31 April, no 29 February in a common year). */
export function isRealDate(date: LocalDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= daysInMonth(date.year, date.month);
}

/** The day a yearly date (a birthday) falls on in `year`: 29 February is 28 February in common years. */
export function anniversaryInYear(yearly: Pick<LocalDate, 'month' | 'day'>, year: number): LocalDate {
  // The last day of February is the day people celebrate, and it stays in the same month.
  if (yearly.month === 2 && yearly.day === 29 && !isLeapYear(year)) return { year, month: 2, day: 28 };
  return { year, month: yearly.month, day: yearly.day };
}

/** The day `days` calendar days after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  // UTC has no daylight saving, so whole days of it are exact calendar days.
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The first day of the month `months` after the month of `date` (negative: before). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: 1 };
}

/** Day of the week, 0 = Monday … 6 = Sunday (ISO 8601). */
export function isoWeekday(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS);
}

/** Orders two days: negative when `a` is earlier, 0 when they are the same day. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYY-MM-DD` of a day (the form date fields store, and that sorts as dates do). */
export function formatIsoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses exactly `YYYY-MM-DD` (a real calendar day, no surrounding spaces), or null. */
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

/** `HH:mm` (24-hour, as a time input holds it) of a wall-clock time. */
export function formatClockTime(time: Pick<WallTime, 'hour' | 'minute'>): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

/** The wall-clock date and time of `instant` in `zone` (the device's zone when absent). */
export function wallTime(instant: number, zone?: string): WallTime {
  if (!zone) {
    const date = new Date(instant);
    return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() };
  }
  const { year, month, day, hour, minute } = zoneParts(instant, zone);
  return { year, month, day, hour, minute };
}

/** The calendar day `instant` falls on in `zone` (the device's zone when absent). */
export function localDateOf(instant: number, zone?: string): LocalDate {
  const { year, month, day } = wallTime(instant, zone);
  return { year, month, day };
}

/**
 * The instant of a wall-clock time in `zone` (the device's zone when absent). A time skipped by a
 * spring-forward change (03:30 in Bucharest on 2026-03-29) is read with the offset before the
 * change, so it lands just after the jump (04:30), as the device's own clock does; a time that
 * happens twice in autumn gives its first occurrence.
 */
export function instantOf(time: WallTime, zone?: string): number {
  if (!zone) return new Date(time.year, time.month - 1, time.day, time.hour, time.minute).getTime();
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
  // Offsets change at most once a day: the offsets half a day before and after are the only
  // candidates. The earlier matching instant is the first occurrence of a doubled hour.
  const offsetBefore = offsetAt(asUtc - HALF_DAY_MS, zone);
  const offsetAfter = offsetAt(asUtc + HALF_DAY_MS, zone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const back = wallTime(candidate, zone);
    if (back.year === time.year && back.month === time.month && back.day === time.day && back.hour === time.hour && back.minute === time.minute) return candidate;
  }
  // Skipped by a spring-forward change (the offset grew): read with the offset in force before it.
  return asUtc - offsetBefore;
}

/** The instants a local calendar day spans in `zone` (the device's zone when absent). */
export function dayRange(date: LocalDate, zone?: string): DayRange {
  const next = addDays(date, 1);
  return {
    date,
    start: instantOf({ ...date, hour: 0, minute: 0 }, zone),
    end: instantOf({ ...next, hour: 0, minute: 0 }, zone),
  };
}

/** The same wall-clock time `days` local days later (negative: earlier), to the minute ("tomorrow, same time" across a DST change). */
export function shiftLocalDays(instant: number, days: number, zone?: string): number {
  const local = wallTime(instant, zone);
  return instantOf({ ...addDays(local, days), hour: local.hour, minute: local.minute }, zone);
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in ms (east positive). */
function offsetAt(instant: number, zone: string): number {
  const local = zoneParts(instant, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in an explicit zone, seconds included (for exact offsets). */
function zoneParts(instant: number, zone: string): WallTime & { second: number } {
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
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') values[part.type] = Number(part.value);
  // Some engines write midnight as hour 24 even with hourCycle h23: fold it back.
  return { year: values.year, month: values.month, day: values.day, hour: values.hour % 24, minute: values.minute, second: values.second };
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

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
