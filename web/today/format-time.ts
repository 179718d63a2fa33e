/** Instants and days as the user reads them: in the UI language, in the local time zone. */
import { language } from '../i18n/i18n';
import type { LocalDate } from '../local-time/local-time';

function format(options: Intl.DateTimeFormatOptions, value: number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(language(), { ...options, timeZone }).format(value);
}

function noonUtc(date: LocalDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
}

/** `14:30` (or `2:30 PM`, as the language writes it). */
export function formatTime(at: number, timeZone: string): string {
  return format({ hour: '2-digit', minute: '2-digit' }, at, timeZone);
}

/** `Thu, 19 Nov, 09:00`: an instant on another day than today. */
export function formatDayTime(at: number, timeZone: string): string {
  return format({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, at, timeZone);
}

/** `Sunday, 22 November 2026`. */
export function formatLongDate(date: LocalDate): string {
  return format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, noonUtc(date), 'UTC');
}

/** `Mon 16`: a column head of the week. */
export function formatWeekdayDay(date: LocalDate): string {
  return format({ weekday: 'short', day: 'numeric' }, noonUtc(date), 'UTC');
}

/** `Mon, 16 Nov`: a day with its month. */
export function formatShortDate(date: LocalDate): string {
  return format({ weekday: 'short', day: 'numeric', month: 'short' }, noonUtc(date), 'UTC');
}

/** `November 2026`. */
export function formatMonth(date: LocalDate): string {
  return format({ month: 'long', year: 'numeric' }, noonUtc(date), 'UTC');
}

/** Short weekday names, Monday first, from a week's days. */
export function formatWeekday(date: LocalDate): string {
  return format({ weekday: 'short' }, noonUtc(date), 'UTC');
}
