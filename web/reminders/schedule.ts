/**
 * Which reminders the signed-in user has, when each fires, which are due now and when the
 * next one fires. Pure: rows, the user, his settings and his per-reminder state in, lists out.
 *
 * - Events and tasks remind their assignee (`remind` minutes before `start` / `due`).
 * - Birthdays (people.birthday) and contract ends (orgs.contractEnd) remind the owner of the
 *   book holding the record, N days ahead at 09:00 local time.
 */
import type { Row } from '../engine/rows';
import { parseBookDocId } from '../engine/ids';
import { parseBirthday } from '../schema/datetime';
import { addDays, anniversaryInYear, compareDates, dayRange, formatIsoDate, instantOf, localDateOf, parseIsoDate, shiftLocalDays, type LocalDate } from '../local-time/local-time';

/** What a reminder is about. */
export type ReminderKind = 'event' | 'task' | 'birthday' | 'contract';

/** One reminder of the user. */
export interface Reminder {
  /** Stable key (contract): `rec:<id>:<fireAt>`, `bday:<personId>:<year>`, `contract:<orgId>:<end>`. */
  key: string;
  kind: ReminderKind;
  recordId: string;
  /** When it fires as planned (snoozing moves it, see effectiveFireAt). */
  fireAt: number;
  /** The instant it is about: an event's start, a task's due time. */
  at?: number;
  /** The day it is about (`YYYY-MM-DD`): this year's birthday, the contract's end. */
  date?: string;
  /** After this instant it is no longer shown (the day it was about is over). */
  expiresAt: number;
}

/** What the user did with a reminder (prefs map `reminders`, key → state). */
export interface ReminderState {
  snoozedUntil?: number;
  doneAt?: number;
}

/** The user's reminder settings (prefs map `settings`): days ahead, -1 = off. */
export interface ReminderSettings {
  birthdayReminderDays: number;
  contractReminderDays: number;
}

/** Settings of a user who never changed them (contract defaults). */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { birthdayReminderDays: 3, contractReminderDays: 30 };

/** Local hour automatic reminders (birthdays, contracts) fire at on their day. */
export const AUTOMATIC_REMINDER_HOUR = 9;

/** Statuses after which an event or task no longer reminds anyone. */
const FINISHED_STATUSES = new Set(['done']);

/** Where to compute: now, and the time zone (the device's own when absent). */
export interface ScheduleContext {
  userId: string;
  settings: ReminderSettings;
  now: number;
  zone?: string;
  /** The local date of `now` (callers scanning many rows pass it once). */
  today?: LocalDate;
}

/**
 * Every reminder of `userId` that is not over at `now`: past ones still unacknowledged stay
 * listed (they were missed), future ones give the next fire time. Sorted by fire time.
 */
export function collectReminders(rows: Iterable<Row>, context: ScheduleContext): Reminder[] {
  const reminders: Reminder[] = [];
  for (const row of rows) for (const reminder of remindersOfRow(row, context)) if (reminder.expiresAt > context.now) reminders.push(reminder);
  return reminders.sort(byFireTime);
}

/**
 * The reminders one record gives the user at `context.now` (a birthday gives its coming
 * occurrence: today's, or the next one). Only the day matters for a birthday, so the result
 * holds for the whole local day of `now`.
 */
export function remindersOfRow(row: Row, context: ScheduleContext): Reminder[] {
  if (row.deleted) return [];
  if (row.section === 'events' || row.section === 'tasks') {
    const reminder = recordReminder(row, context.userId, context.zone);
    return reminder ? [reminder] : [];
  }
  if (row.section === 'people' && context.settings.birthdayReminderDays >= 0 && ownsBook(row, context.userId)) {
    const reminder = birthdayReminder(row, context.settings.birthdayReminderDays, context.today ?? localDateOf(context.now, context.zone), context.zone);
    return reminder ? [reminder] : [];
  }
  if (row.section === 'orgs' && context.settings.contractReminderDays >= 0 && ownsBook(row, context.userId)) {
    const reminder = contractReminder(row, context.settings.contractReminderDays, context.zone);
    return reminder ? [reminder] : [];
  }
  return [];
}

/** Orders reminders by planned fire time (then key, so the order is stable). */
export function byFireTime(a: Reminder, b: Reminder): number {
  return a.fireAt - b.fireAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Whom an event or task reminds: its assignee; a record without one reminds the owner of the
 * book it is in (the manager whose client it is), never whoever merely holds a copy.
 */
export function reminderRecipient(row: Row): string | null {
  const assignee = row.v.assignee;
  if (typeof assignee === 'string' && assignee) return assignee;
  return parseBookDocId(row.shard)?.ownerId ?? null;
}

/** Whether `userId` owns the book holding the record (birthdays and contracts remind him). */
export function ownsBook(row: Row, userId: string): boolean {
  let owner = shardOwners.get(row.shard);
  if (owner === undefined) {
    owner = parseBookDocId(row.shard)?.ownerId ?? null;
    shardOwners.set(row.shard, owner);
  }
  return owner === userId;
}

/** Owner of each book shard id seen (a base has a few shards and a million rows). */
const shardOwners = new Map<string, string | null>();

/** The reminder of a planned event or open task of `userId`, or null. */
export function recordReminder(row: Row, userId: string, zone?: string): Reminder | null {
  if (reminderRecipient(row) !== userId) return null;
  const status = row.v.status;
  if (typeof status === 'string' && FINISHED_STATUSES.has(status)) return null;
  const at = row.section === 'events' ? row.v.start : row.v.due;
  const minutes = row.v.remind;
  if (typeof at !== 'number' || !Number.isFinite(at) || typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return null;
  const fireAt = fireTimeBefore(at, minutes, zone);
  return { key: `rec:${row.id}:${fireAt}`, kind: row.section === 'events' ? 'event' : 'task', recordId: row.id, fireAt, at, expiresAt: Infinity };
}

/**
 * `minutes` before `at`. Whole days are calendar days at the same wall time ("1 day ahead" of
 * a 10:00 meeting is 10:00 the day before, even across a daylight-saving change); the rest
 * are real minutes.
 */
export function fireTimeBefore(at: number, minutes: number, zone?: string): number {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  if (days === 0) return at - rest * 60_000;
  // Seconds and milliseconds of `at` carry over: only whole minutes are wall-clock.
  return shiftLocalDays(at, -days, zone) + (at % 60_000) - rest * 60_000;
}

/**
 * A birthday (`YYYY-MM-DD`, or `--MM-DD` when the year is unknown) in `year`. Someone born on
 * 29 February is reminded on 28 February in common years: the last day of February is the day
 * people celebrate, and it keeps the reminder in the same month.
 */
export function birthdayInYear(birthday: string, year: number): LocalDate | null {
  const parsed = parseBirthday(birthday);
  if (!parsed) return null;
  return anniversaryInYear(parsed, year);
}

/**
 * The reminder of a person's coming birthday: this year's while its day is not over (`today`
 * or later), else next year's. The key names the year of the birthday, so the one fired in
 * late December for 2 January is `bday:<id>:<next year>`.
 */
export function birthdayReminder(row: Row, daysAhead: number, today: LocalDate, zone?: string): Reminder | null {
  const birthday = row.v.birthday;
  if (typeof birthday !== 'string') return null;
  let day = birthdayInYear(birthday, today.year);
  if (day && compareDates(day, today) < 0) day = birthdayInYear(birthday, today.year + 1);
  if (!day) return null;
  const { fireAt, expiresAt, iso } = dayTimes(day, daysAhead, zone);
  return { key: `bday:${row.id}:${day.year}`, kind: 'birthday', recordId: row.id, fireAt, date: iso, expiresAt };
}

/** The reminder of an organization's contract end (`YYYY-MM-DD`), or null. */
export function contractReminder(row: Row, daysAhead: number, zone?: string): Reminder | null {
  const end = row.v.contractEnd;
  const day = typeof end === 'string' ? parseIsoDate(end) : null;
  if (!day) return null;
  const { fireAt, expiresAt, iso } = dayTimes(day, daysAhead, zone);
  return { key: `contract:${row.id}:${iso}`, kind: 'contract', recordId: row.id, fireAt, date: iso, expiresAt };
}

/** 09:00 local time of the calendar day `days` before `day`. */
export function daysAheadAt(day: LocalDate, days: number, zone?: string): number {
  return instantOf({ ...addDays(day, -days), hour: AUTOMATIC_REMINDER_HOUR, minute: 0 }, zone);
}

const dayTimesCache = new Map<string, { fireAt: number; expiresAt: number; iso: string }>();

/**
 * When a reminder about `day` fires and expires. Memoized: a base's birthdays and contract ends
 * fall on a few hundred distinct days, and local-time arithmetic costs microseconds each.
 */
function dayTimes(day: LocalDate, daysAhead: number, zone?: string): { fireAt: number; expiresAt: number; iso: string } {
  const iso = formatIsoDate(day);
  const cacheKey = `${iso}|${daysAhead}|${zone ?? ''}`;
  let times = dayTimesCache.get(cacheKey);
  if (!times) {
    // The device's zone can change (travel): entries for it are short-lived.
    if (dayTimesCache.size > 20_000) dayTimesCache.clear();
    times = { fireAt: daysAheadAt(day, daysAhead, zone), expiresAt: dayRange(day, zone).end, iso };
    dayTimesCache.set(cacheKey, times);
  }
  return times;
}

/** Forgets memoized day times (the device's time zone changed). */
export function clearDayTimes(): void {
  dayTimesCache.clear();
}

/** When a reminder fires, snoozing included. */
export function effectiveFireAt(reminder: Reminder, state: ReminderState | undefined): number {
  return Math.max(reminder.fireAt, state?.snoozedUntil ?? -Infinity);
}

/** Reminders to show at `now`: fired (or snoozed until a passed time) and not acknowledged. */
export function dueReminders(reminders: readonly Reminder[], states: ReadonlyMap<string, ReminderState>, now: number): Reminder[] {
  return reminders.filter((reminder) => !states.get(reminder.key)?.doneAt && effectiveFireAt(reminder, states.get(reminder.key)) <= now);
}

/** Of the due reminders, those that fired before `openedAt` (while the app was closed). */
export function missedReminders(due: readonly Reminder[], states: ReadonlyMap<string, ReminderState>, openedAt: number): Reminder[] {
  return due.filter((reminder) => effectiveFireAt(reminder, states.get(reminder.key)) < openedAt);
}

/** The next instant after `now` a reminder fires, or null when none is planned. */
export function nextFireAt(reminders: readonly Reminder[], states: ReadonlyMap<string, ReminderState>, now: number): number | null {
  let next: number | null = null;
  for (const reminder of reminders) {
    const state = states.get(reminder.key);
    if (state?.doneAt) continue;
    const at = effectiveFireAt(reminder, state);
    if (at > now && at < reminder.expiresAt && (next === null || at < next)) next = at;
  }
  return next;
}
