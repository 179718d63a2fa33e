/**
 * Moving an event or a task to another time. The stored instant changes (`start` of an event,
 * `due` of a task); the wall-clock time is kept when moving by days, across DST changes.
 */
import { addDays, formatClockTime, formatIsoDate, instantOf, localDateOf, wallTime } from '../local-time/local-time';
import type { AgendaItem } from './today-items';

/** The field holding a line's time: events start, tasks are due. */
export function timeField(item: Pick<AgendaItem, 'kind'>): 'start' | 'due' {
  return item.kind === 'task' ? 'due' : 'start';
}

/**
 * Tomorrow (the day after the local day of `now`) at the item's wall-clock time: an overdue
 * call of last week moves to tomorrow, not to the day after it was missed.
 */
export function tomorrowSameTime(at: number, now: number, timeZone: string): number {
  const time = wallTime(at, timeZone);
  const tomorrow = addDays(localDateOf(now, timeZone), 1);
  return instantOf({ ...tomorrow, hour: time.hour, minute: time.minute }, timeZone);
}

/** The value of an `<input type="datetime-local">` for an instant (`2026-11-22T14:30`). */
export function toDateTimeInput(at: number, timeZone: string): string {
  const local = wallTime(at, timeZone);
  return `${formatIsoDate(local)}T${formatClockTime(local)}`;
}

/** The instant of an `<input type="datetime-local">` value, or null when it is not a full date and time. */
export function fromDateTimeInput(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const at = instantOf({ year, month, day, hour, minute }, timeZone);
  // 31 April and similar roll over into the next month: refuse them rather than guess.
  return localDateOf(at, timeZone).month === month ? at : null;
}
