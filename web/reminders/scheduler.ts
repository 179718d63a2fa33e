/**
 * Keeps the user's reminders current while the app is open: what is due (and which of those
 * were missed while the app was closed), and ONE timer for the next fire time. Everything is
 * computed from the projection and the prefs document, so it survives reloads and restarts:
 * nothing about pending reminders is kept anywhere else.
 *
 * Recomputed when rows or prefs change (one pass per task), when the timer fires, and when
 * the page wakes up (timers sleep in background tabs and suspended laptops).
 */
import type { Engine } from '../engine/engine';
import type { Row } from '../engine/rows';
import { compareDates, dayRange, localDateOf, type LocalDate } from '../local-time/local-time';
import { readReminderSettings, readReminderStates } from './reminder-state';
import { byFireTime, clearDayTimes, effectiveFireAt, remindersOfRow, type Reminder, type ReminderSettings, type ReminderState } from './schedule';

/** setTimeout's longest delay (a signed 32-bit number of ms, ~24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Rows read per task when all reminders are computed again (tens of ms of work per slice). */
export const ROWS_PER_SLICE = 10_000;

/** What the reminder centre shows. */
export interface ReminderSnapshot {
  /** Due and not acknowledged, oldest first. */
  due: Reminder[];
  /** Keys of due reminders that fired before the app was opened. */
  missed: ReadonlySet<string>;
  /** The next fire time, or null. */
  next: number | null;
  states: ReadonlyMap<string, ReminderState>;
}

/** The clock and timers (tests pass their own). */
export interface SchedulerClock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Calls `wake` when the page becomes visible or focused again; returns an unsubscribe function. */
  onWake?(wake: () => void): () => void;
  /** The time zone to compute in; the device's own when absent. */
  zone?: string;
}

/** A running scheduler. */
export interface ReminderScheduler {
  snapshot(): ReminderSnapshot;
  /** Recomputes now (after the clock jumped, or in tests). */
  refresh(): void;
  stop(): void;
}

/** Callbacks of the scheduler. */
export interface SchedulerListeners {
  /** Every new snapshot. */
  onChange(snapshot: ReminderSnapshot): void;
  /** Reminders that fired while the app was open (a system notification is due), once each. */
  onFire?(fired: Reminder[]): void;
}

/** The browser's clock and timers, waking on visibilitychange and focus. */
export const browserClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  onWake(wake) {
    const onVisible = () => {
      if (document.visibilityState === 'visible') wake();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', wake);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', wake);
    };
  },
};

/** Starts watching the engine's rows and prefs for the signed-in user's reminders. */
export function startReminderScheduler(engine: Engine, listeners: SchedulerListeners, clock: SchedulerClock = browserClock, sliceRows = ROWS_PER_SLICE): ReminderScheduler {
  const openedAt = clock.now();
  const byRecord = new Map<string, Reminder[]>();
  const announced = new Set<string>();
  let settings: ReminderSettings = readReminderSettings(engine);
  let states = readReminderStates(engine);
  let timer: unknown = null;
  let scheduled = false;
  let stopped = false;
  let current: ReminderSnapshot = { due: [], missed: new Set(), next: null, states };

  let today: LocalDate = localDateOf(clock.now(), clock.zone);
  // Only reminders planned before the horizon (the next local midnight, when everything is
  // computed again) can come due before it: evaluations scan those, not the whole base.
  let horizon = dayRange(today, clock.zone).end;
  const near = new Map<string, Reminder[]>();
  /** Earliest planned fire time beyond the horizon (what "next reminder" shows when nothing is nearer). */
  let farNext: number | null = null;
  let farStale = false;

  const context = () => ({ userId: engine.user.id, settings, now: clock.now(), zone: clock.zone, today });
  const setRecord = (id: string, reminders: Reminder[]) => {
    if (farNext !== null && byRecord.get(id)?.some((reminder) => reminder.fireAt === farNext)) farStale = true;
    if (reminders.length > 0) byRecord.set(id, reminders);
    else byRecord.delete(id);
    const soon = reminders.filter((reminder) => reminder.fireAt <= horizon);
    if (soon.length > 0) near.set(id, soon);
    else near.delete(id);
    for (const reminder of reminders) if (reminder.fireAt > horizon && (farNext === null || reminder.fireAt < farNext)) farNext = reminder.fireAt;
  };
  const putRow = (row: Row) => setRecord(row.id, remindersOfRow(row, context()));
  const earliestFar = () => {
    let earliest: number | null = null;
    for (const list of byRecord.values()) for (const reminder of list) if (reminder.fireAt > horizon && (earliest === null || reminder.fireAt < earliest)) earliest = reminder.fireAt;
    return earliest;
  };

  // A birthday's coming occurrence depends on the day: a new day (or new settings) means every
  // row again. A big base is read in slices so the page stays responsive while it opens.
  let building = 0;
  const rebuild = () => {
    const generation = ++building;
    clearDayTimes();
    today = localDateOf(clock.now(), clock.zone);
    horizon = dayRange(today, clock.zone).end;
    farNext = null;
    farStale = false;
    const ids = [...engine.rows.keys()];
    let index = 0;
    const slice = () => {
      if (stopped || generation !== building) return;
      const end = Math.min(index + sliceRows, ids.length);
      for (; index < end; index++) {
        const row = engine.rows.get(ids[index]);
        if (row) putRow(row);
        else setRecord(ids[index], []);
      }
      if (index < ids.length) {
        clock.setTimer(slice, 0);
        return;
      }
      building = 0;
      evaluate();
    };
    slice();
  };

  const evaluate = () => {
    scheduled = false;
    if (stopped || building) return;
    const now = clock.now();
    if (now >= horizon || compareDates(localDateOf(now, clock.zone), today) !== 0) return rebuild();
    const due: { reminder: Reminder; at: number }[] = [];
    let next: number | null = null;
    for (const list of near.values()) {
      for (const reminder of list) {
        if (reminder.expiresAt <= now) continue;
        const state = states.size > 0 ? states.get(reminder.key) : undefined;
        if (state?.doneAt) continue;
        const at = effectiveFireAt(reminder, state);
        if (at <= now) due.push({ reminder, at });
        else if (at < reminder.expiresAt && (next === null || at < next)) next = at;
      }
    }
    if (farStale) {
      farNext = earliestFar();
      farStale = false;
    }
    if (farNext !== null && (next === null || farNext < next)) next = farNext;
    due.sort((a, b) => a.at - b.at || byFireTime(a.reminder, b.reminder));
    const missed = new Set<string>();
    const fired: Reminder[] = [];
    for (const { reminder, at } of due) {
      if (at < openedAt) missed.add(reminder.key);
      // A snoozed reminder firing again is a new announcement: the fire time is part of the mark.
      const mark = `${reminder.key}@${at}`;
      if (announced.has(mark)) continue;
      announced.add(mark);
      if (!missed.has(reminder.key)) fired.push(reminder);
    }
    // The timer also wakes at the horizon, when birthdays move on to their next occurrence.
    const wakeAt = next === null ? horizon : Math.min(next, horizon);
    if (timer !== null) clock.clearTimer(timer);
    timer = clock.setTimer(evaluate, Math.min(Math.max(wakeAt - now, 0), MAX_TIMER_MS));
    current = { due: due.map((entry) => entry.reminder), missed, next, states };
    listeners.onChange(current);
    if (fired.length > 0) listeners.onFire?.(fired);
  };

  // Many changes in one task (a sync pass, an import) cost one evaluation.
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    queueMicrotask(evaluate);
  };

  const stopRows = engine.onRows((changed, removed) => {
    for (const id of removed) setRecord(id, []);
    for (const row of changed) putRow(row);
    schedule();
  });
  const stopPrefs = engine.onPrefs(() => {
    const nextSettings = readReminderSettings(engine);
    states = readReminderStates(engine);
    if (nextSettings.birthdayReminderDays !== settings.birthdayReminderDays || nextSettings.contractReminderDays !== settings.contractReminderDays) {
      settings = nextSettings;
      rebuild();
    }
    schedule();
  });
  const stopWake = clock.onWake?.(() => evaluate()) ?? (() => undefined);

  rebuild();

  return {
    snapshot: () => current,
    refresh: evaluate,
    stop() {
      stopped = true;
      stopRows();
      stopPrefs();
      stopWake();
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
    },
  };
}
