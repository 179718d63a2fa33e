/**
 * The calendar's days and what falls on them: a week (Monday first, ISO 8601) or a month grid
 * of whole weeks, with planned events and open tasks placed on their local day and hour.
 * Pure: time zone and rows are inputs.
 */
import type { Row } from '../engine/rows';
import { addDays, addMonths, dayRange, isoWeekday, wallTime, type DayRange, type LocalDate } from '../local-time/local-time';
import { openTasksBetween, plannedEventsBetween, type AgendaItem, type AssigneeScope } from '../today/today-items';

/** The two layouts of the calendar. */
export type CalendarMode = 'week' | 'month';

/** The seven days of the week (Monday first) holding a day. */
export function weekOf(date: LocalDate, timeZone: string): DayRange[] {
  const monday = addDays(date, -isoWeekday(date));
  return Array.from({ length: 7 }, (_, index) => dayRange(addDays(monday, index), timeZone));
}

/** The whole weeks covering a day's month (4 to 6 rows of 7 days), Monday first. */
export function monthGrid(date: LocalDate, timeZone: string): DayRange[][] {
  const first = { year: date.year, month: date.month, day: 1 };
  const nextMonth = addMonths(first, 1);
  const weeks: DayRange[][] = [];
  for (let monday = addDays(first, -isoWeekday(first)); before(monday, nextMonth); monday = addDays(monday, 7)) weeks.push(weekOf(monday, timeZone));
  return weeks;
}

function before(a: LocalDate, b: LocalDate): boolean {
  return a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day;
}

/** The day the calendar moves to with previous / next: a week or a month away. */
export function stepDate(date: LocalDate, mode: CalendarMode, direction: -1 | 1): LocalDate {
  if (mode === 'week') return addDays(date, 7 * direction);
  const target = addMonths(date, direction);
  // Keep the day of the month where it exists (31 January → 28 February).
  const lastDay = addDays(addMonths(target, 1), -1).day;
  return { ...target, day: Math.min(date.day, lastDay) };
}

/** Planned events and open tasks within [start, end), by time. */
export function calendarItems(rows: Iterable<Row>, start: number, end: number, scope: AssigneeScope): AgendaItem[] {
  const list = [...rows];
  return [...plannedEventsBetween(list, start, end, scope), ...openTasksBetween(list, start, end, scope)].sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
}

/** Items placed on the days of a range: one list per day, in the days' order. */
export function itemsByDay(items: readonly AgendaItem[], days: readonly DayRange[]): AgendaItem[][] {
  return days.map((day) => items.filter((item) => item.at !== undefined && item.at >= day.start && item.at < day.end));
}

/** The local hour (0–23) an item starts in, for the week grid's rows. */
export function itemHour(item: AgendaItem, timeZone: string): number {
  return item.at === undefined ? 0 : wallTime(item.at, timeZone).hour;
}
