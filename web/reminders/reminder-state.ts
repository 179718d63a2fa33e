/**
 * The user's own reminder state, kept in his prefs document so it follows him to his other
 * devices and to no one else: which reminders he snoozed or acknowledged (map `reminders`)
 * and how many days ahead birthdays and contract ends remind him (map `settings`).
 * Reading here and the commands below are the only code that touches those maps.
 */
import type * as Y from 'yjs';
import type { Engine } from '../engine/engine';
import { prefsDocId } from '../engine/ids';
import { setRecordStatus } from '../engine/commands';
import { addDays, instantOf, localDateOf } from '../local-time/local-time';
import { DEFAULT_REMINDER_SETTINGS, type Reminder, type ReminderSettings, type ReminderState } from './schedule';

/** The prefs map of reminder states, key → ReminderState. */
export const REMINDERS_MAP = 'reminders';
/** The prefs map of the user's settings. */
export const SETTINGS_MAP = 'settings';

/** The snooze choices a reminder offers. */
export const SNOOZE_CHOICES = ['10min', '1h', 'tomorrow'] as const;
/** One snooze choice. */
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** Largest "days ahead" a setting accepts (a year: more would remind of the next occurrence). */
export const MAX_DAYS_AHEAD = 365;

/** Every reminder state of the user, by key. */
export function readReminderStates(engine: Engine): Map<string, ReminderState> {
  const states = new Map<string, ReminderState>();
  (engine.prefs.getMap(REMINDERS_MAP) as Y.Map<unknown>).forEach((value, key) => {
    const state = asState(value);
    if (state) states.set(key, state);
  });
  return states;
}

/** The user's reminder settings, defaults filled in. */
export function readReminderSettings(engine: Engine): ReminderSettings {
  const settings = engine.prefs.getMap(SETTINGS_MAP) as Y.Map<unknown>;
  return {
    birthdayReminderDays: daysOr(settings.get('birthdayReminderDays'), DEFAULT_REMINDER_SETTINGS.birthdayReminderDays),
    contractReminderDays: daysOr(settings.get('contractReminderDays'), DEFAULT_REMINDER_SETTINGS.contractReminderDays),
  };
}

/** When a snooze choice ends: 10 minutes or an hour from now, or 09:00 tomorrow local time. */
export function snoozeEnd(choice: SnoozeChoice, now: number, zone?: string): number {
  if (choice === '10min') return now + 10 * 60_000;
  if (choice === '1h') return now + 60 * 60_000;
  return instantOf({ ...addDays(localDateOf(now, zone), 1), hour: 9, minute: 0 }, zone);
}

/** Snoozes a reminder until `until`: it leaves the list and fires again then. */
export async function snoozeReminder(engine: Engine, key: string, until: number): Promise<void> {
  if (!Number.isFinite(until)) throw new Error(`Snooze needs a time, got ${until}`);
  await writeState(engine, key, (state) => ({ ...state, snoozedUntil: until }));
}

/** Acknowledges a reminder ("done"): it never shows again, on any of the user's devices. */
export async function acknowledgeReminder(engine: Engine, key: string, at: number = Date.now()): Promise<void> {
  await writeState(engine, key, (state) => ({ ...state, doneAt: at }));
}

/**
 * Marks an event's or task's record done (the call was made, the task finished: its own undo
 * step) and acknowledges its reminder. A record the user may not change stays as it was, and
 * so does the reminder: the refusal is thrown for the UI to show.
 */
export async function completeReminderRecord(engine: Engine, reminder: Reminder): Promise<void> {
  if (reminder.kind !== 'event' && reminder.kind !== 'task') throw new Error(`A ${reminder.kind} reminder has no record to mark done`);
  if (engine.rows.get(reminder.recordId)?.v.status !== 'done') await setRecordStatus(engine, reminder.recordId, 'done');
  await acknowledgeReminder(engine, reminder.key);
}

/**
 * Changes how many days ahead birthdays or contract ends remind (-1 switches them off).
 * A value that is not a whole number from -1 to MAX_DAYS_AHEAD is refused and nothing changes.
 */
export async function changeReminderSettings(engine: Engine, change: Partial<ReminderSettings>): Promise<void> {
  for (const [name, value] of Object.entries(change)) {
    if (!Number.isInteger(value) || value < -1 || value > MAX_DAYS_AHEAD) {
      throw new Error(`${name} must be a whole number of days from 0 to ${MAX_DAYS_AHEAD} (or -1 for off), got ${value}`);
    }
  }
  await engine.run([prefsDocId(engine.user.id)], ([prefs]) => {
    const settings = prefs.getMap(SETTINGS_MAP);
    for (const [name, value] of Object.entries(change)) settings.set(name, value);
  });
}

async function writeState(engine: Engine, key: string, change: (state: ReminderState) => ReminderState): Promise<void> {
  if (!key) throw new Error('A reminder key is needed');
  await engine.run([prefsDocId(engine.user.id)], ([prefs]) => {
    const reminders = prefs.getMap(REMINDERS_MAP);
    reminders.set(key, change(asState(reminders.get(key)) ?? {}));
  });
}

function asState(value: unknown): ReminderState | null {
  if (!value || typeof value !== 'object') return null;
  const { snoozedUntil, doneAt } = value as Record<string, unknown>;
  const state: ReminderState = {};
  if (typeof snoozedUntil === 'number') state.snoozedUntil = snoozedUntil;
  if (typeof doneAt === 'number') state.doneAt = doneAt;
  return state;
}

function daysOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -1 ? value : fallback;
}
