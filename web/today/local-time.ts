/**
 * Local calendar arithmetic over stored instants. Events and tasks store epoch milliseconds;
 * "today", "tomorrow at the same time" and the calendar's days are local wall-clock notions,
 * so they are computed in an explicit IANA time zone (the browser's by default). A DST day
 * is 23 or 25 hours long: days are never "24 h after midnight".
 */

/** A day of the calendar, without a time zone (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time on a calendar day. */
export interface LocalDateTime extends CalendarDate {
  hour: number;
  minute: number;
}

/** The time zone of this browser (or Node process). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall-clock date and time of an instant in a time zone. */
export function localDateTime(instant: number, timeZone: string): LocalDateTime & { second: number } {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) if (part.type !== 'literal') values[part.type] = Number(part.value);
  return { year: values.year, month: values.month, day: values.day, hour: values.hour % 24, minute: values.minute, second: values.second };
}

/** The local calendar day an instant falls on. */
export function localDate(instant: number, timeZone: string): CalendarDate {
  const { year, month, day } = localDateTime(instant, timeZone);
  return { year, month, day };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const HOUR = 3_600_000;

/**
 * The instant of a wall-clock time in a zone. A time skipped by a DST jump moves forward by the
 * jump (02:30 on a spring-forward night is 03:30); a time that happens twice is its first occurrence.
 */
export function instantOf(local: LocalDateTime, timeZone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = offsetAt(guess - 12 * HOUR, timeZone);
  const after = offsetAt(guess + 12 * HOUR, timeZone);
  const matches = [guess - before, guess - after].filter((candidate) => {
    const back = localDateTime(candidate, timeZone);
    return back.year === local.year && back.month === local.month && back.day === local.day && back.hour === local.hour && back.minute === local.minute;
  });
  if (matches.length > 0) return Math.min(...matches);
  // In the gap: read the wall time with the offset before the jump, which lands after it.
  return guess - Math.min(before, after);
}

/** The calendar day `days` after (or before, when negative) a day. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The first day of the month `months` after a day's month. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: 1 };
}

/** Day of the week, 0 = Monday … 6 = Sunday (ISO 8601). */
export function isoWeekday(date: CalendarDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / (24 * HOUR));
}

/** `YYYY-MM-DD` of a calendar day (the form date fields store). */
export function dateKey(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` string as a calendar day, or null when it is not a real date. */
export function parseDateKey(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : null;
}

/** Whether a year has 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isRealDate(date: CalendarDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  const check = addDays({ year: date.year, month: date.month, day: 1 }, date.day - 1);
  return check.month === date.month;
}

/** A local day as the instants it spans: [start, end). 23 or 25 hours on DST days. */
export interface DayRange {
  date: CalendarDate;
  start: number;
  end: number;
}

/** The instants a local calendar day spans. */
export function dayRange(date: CalendarDate, timeZone: string): DayRange {
  const next = addDays(date, 1);
  return {
    date,
    start: instantOf({ ...date, hour: 0, minute: 0 }, timeZone),
    end: instantOf({ ...next, hour: 0, minute: 0 }, timeZone),
  };
}

/** The same wall-clock time `days` local days later ("tomorrow, same time" across a DST change). */
export function shiftLocalDays(instant: number, days: number, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const target = addDays(local, days);
  return instantOf({ ...target, hour: local.hour, minute: local.minute }, timeZone);
}
