import { describe, expect, it } from 'vitest';
import { createRecord, deleteRecords, updateField } from '../engine/commands';
import { freshIndexedDB, openTestEngine } from '../engine/test-support';
import type { Engine } from '../engine/engine';
import { acknowledgeReminder, changeReminderSettings, completeReminderRecord, readReminderSettings, readReminderStates, snoozeEnd, snoozeReminder } from './reminder-state';
import { MAX_TIMER_MS, startReminderScheduler, type ReminderSnapshot, type SchedulerClock } from './scheduler';
import type { Reminder } from './schedule';

const ZONE = 'Europe/Bucharest';
const START = Date.parse('2026-05-20T08:00:00Z');
const FIRE = START - 15 * 60_000;

/** A clock the test moves by hand; timers run when their time is reached. */
function manualClock(now: number) {
  let time = now;
  let nextHandle = 1;
  const timers = new Map<number, { run: () => void; at: number; ms: number }>();
  const wakes = new Set<() => void>();
  const clock: SchedulerClock & { advance(ms: number): void; sleep(ms: number): void; wake(): void; delays(): number[] } = {
    zone: ZONE,
    now: () => time,
    setTimer(run, ms) {
      const handle = nextHandle++;
      timers.set(handle, { run, at: time + ms, ms });
      return handle;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
    onWake(wake) {
      wakes.add(wake);
      return () => wakes.delete(wake);
    },
    advance(ms) {
      const until = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].run();
      }
      time = until;
    },
    // A suspended laptop: time passes, no timer runs.
    sleep(ms) {
      time += ms;
    },
    wake: () => wakes.forEach((wake) => wake()),
    delays: () => [...timers.values()].map((timer) => timer.ms),
  };
  return clock;
}

function watch(engine: Engine, clock: SchedulerClock) {
  const seen: { snapshot: ReminderSnapshot; fired: Reminder[] } = { snapshot: { due: [], missed: new Set(), next: null, states: new Map() }, fired: [] };
  const scheduler = startReminderScheduler(
    engine,
    {
      onChange: (snapshot) => (seen.snapshot = snapshot),
      onFire: (fired) => seen.fired.push(...fired),
    },
    clock,
  );
  return { scheduler, seen };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function planCall(engine: Engine, values: Record<string, string | number> = {}): Promise<string> {
  return createRecord(engine, 'events', { kind: 'call', subject: 'Call Alfa', status: 'planned', start: START, remind: 15, assignee: engine.user.id, ...values });
}

describe('reminders: the scheduler', () => {
  it('sets one timer for the next fire time and announces the reminder when it fires', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(FIRE - 3_600_000);
    const { scheduler, seen } = watch(engine, clock);
    const id = await planCall(engine);
    await settle();
    expect(seen.snapshot.next).toBe(FIRE);
    expect(clock.delays()).toEqual([3_600_000]);
    expect(seen.snapshot.due).toEqual([]);

    clock.advance(3_600_000 - 1);
    expect(seen.snapshot.due).toEqual([]);
    clock.advance(1);
    expect(seen.snapshot.due.map((reminder) => reminder.recordId)).toEqual([id]);
    expect(seen.fired.map((reminder) => reminder.recordId)).toEqual([id]);
    expect(seen.snapshot.missed.size).toBe(0);
    scheduler.stop();
    await engine.close();
  });

  it('a reminder assigned to a colleague neither fires nor sets a timer', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(FIRE - 60_000);
    const { scheduler, seen } = watch(engine, clock);
    await planCall(engine, { assignee: 'colleague' });
    await settle();
    clock.advance(3_600_000);
    expect(seen.snapshot.due).toEqual([]);
    expect(seen.fired).toEqual([]);
    expect(seen.snapshot.next).toBeNull();
    // Only the daily wake-up at local midnight (00:00 EEST on 21 May = 21:00Z on the 20th) is left.
    expect(clock.delays()).toEqual([Date.parse('2026-05-20T21:00:00Z') - (FIRE - 60_000)]);
    scheduler.stop();
    await engine.close();
  });

  it('a reminder that fired while the app was closed is listed as missed on the next open, not announced', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    const id = await planCall(first);
    await first.close();

    const second = await openTestEngine({ deps });
    const { scheduler, seen } = watch(second, manualClock(START + 3_600_000));
    expect(seen.snapshot.due.map((reminder) => reminder.recordId)).toEqual([id]);
    expect([...seen.snapshot.missed]).toEqual([seen.snapshot.due[0].key]);
    expect(seen.fired).toEqual([]);
    scheduler.stop();
    await second.close();
  });

  it('snooze hides the reminder until the snooze ends, then it fires again', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(FIRE);
    const { scheduler, seen } = watch(engine, clock);
    await planCall(engine);
    await settle();
    const [reminder] = seen.snapshot.due;
    await snoozeReminder(engine, reminder.key, snoozeEnd('10min', clock.now(), ZONE));
    await settle();
    expect(seen.snapshot.due).toEqual([]);
    expect(seen.snapshot.next).toBe(FIRE + 600_000);
    clock.advance(600_000);
    expect(seen.snapshot.due.map((entry) => entry.key)).toEqual([reminder.key]);
    expect(seen.fired.map((entry) => entry.key)).toEqual([reminder.key, reminder.key]);
    scheduler.stop();
    await engine.close();
  });

  it('done acknowledges the reminder for good, also after a reload', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const clock = manualClock(FIRE + 1);
    const first = watch(engine, clock);
    await planCall(engine);
    await settle();
    await acknowledgeReminder(engine, first.seen.snapshot.due[0].key, clock.now());
    await settle();
    expect(first.seen.snapshot.due).toEqual([]);
    first.scheduler.stop();
    await engine.close();

    const reopened = await openTestEngine({ deps });
    const second = watch(reopened, manualClock(START + 86_400_000));
    expect(second.seen.snapshot.due).toEqual([]);
    second.scheduler.stop();
    await reopened.close();
  });

  it('marking the call done from its reminder acknowledges it and sets the event done', async () => {
    const engine = await openTestEngine();
    const { scheduler, seen } = watch(engine, manualClock(FIRE + 1));
    const id = await planCall(engine);
    await settle();
    await completeReminderRecord(engine, seen.snapshot.due[0]);
    await settle();
    expect(engine.rows.get(id)?.v.status).toBe('done');
    expect(seen.snapshot.due).toEqual([]);
    scheduler.stop();
    await engine.close();
  });

  it('rescheduling an event moves its timer', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(FIRE - 3_600_000);
    const { scheduler, seen } = watch(engine, clock);
    const id = await planCall(engine);
    await updateField(engine, id, 'start', START + 3_600_000);
    await settle();
    expect(seen.snapshot.next).toBe(FIRE + 3_600_000);
    expect(clock.delays()).toEqual([2 * 3_600_000]);
    scheduler.stop();
    await engine.close();
  });

  it('a fire time further than setTimeout can wait is reached through daily wake-ups, never a longer timer', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(START - 60 * 86_400_000);
    const { scheduler, seen } = watch(engine, clock);
    await planCall(engine);
    await settle();
    expect(seen.snapshot.next).toBe(FIRE);
    expect(Math.max(...clock.delays())).toBeLessThanOrEqual(Math.min(MAX_TIMER_MS, 25 * 3_600_000));
    clock.advance(60 * 86_400_000 - 15 * 60_000 - 1);
    expect(seen.snapshot.due).toHaveLength(0);
    clock.advance(1);
    expect(seen.snapshot.due).toHaveLength(1);
    expect(seen.fired).toHaveLength(1);
    scheduler.stop();
    await engine.close();
  });

  it('after a sleep with no timer run, waking the page shows the reminder at once', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(FIRE - 60_000);
    const { scheduler, seen } = watch(engine, clock);
    await planCall(engine);
    await settle();
    clock.sleep(120_000);
    expect(seen.snapshot.due).toEqual([]);
    clock.wake();
    expect(seen.snapshot.due).toHaveLength(1);
    scheduler.stop();
    await engine.close();
  });

  it('birthday settings change which birthdays are due; bad values are refused and change nothing', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(Date.parse('2026-06-13T07:00:00Z'));
    const { scheduler, seen } = watch(engine, clock);
    await createRecord(engine, 'people', { lastName: 'Pop', birthday: '--06-15' });
    await settle();
    expect(seen.snapshot.due.map((reminder) => reminder.kind)).toEqual(['birthday']);
    await changeReminderSettings(engine, { birthdayReminderDays: 1 });
    await settle();
    expect(seen.snapshot.due).toEqual([]);
    await changeReminderSettings(engine, { birthdayReminderDays: -1 });
    await settle();
    expect(seen.snapshot.next).toBeNull();
    await expect(changeReminderSettings(engine, { birthdayReminderDays: 2.5 })).rejects.toThrow(/whole number/);
    await expect(changeReminderSettings(engine, { contractReminderDays: -7 })).rejects.toThrow(/contractReminderDays/);
    expect(readReminderSettings(engine)).toEqual({ birthdayReminderDays: -1, contractReminderDays: 30 });
    scheduler.stop();
    await engine.close();
  });

  it('the next reminder days ahead is shown, and forgotten when its record is deleted', async () => {
    const engine = await openTestEngine();
    const clock = manualClock(FIRE - 3 * 86_400_000);
    const { scheduler, seen } = watch(engine, clock);
    const later = await planCall(engine, { start: START + 86_400_000 });
    const id = await planCall(engine);
    await settle();
    expect(seen.snapshot.next).toBe(FIRE);
    await deleteRecords(engine, [id]);
    await settle();
    expect(seen.snapshot.next).toBe(FIRE + 86_400_000);
    await deleteRecords(engine, [later]);
    await settle();
    expect(seen.snapshot.next).toBeNull();
    scheduler.stop();
    await engine.close();
  });

  it('a big base is read in slices: reminders appear once every slice is read', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    for (let index = 0; index < 5; index++) await planCall(first, { subject: `Call ${index}` });
    await first.close();

    const engine = await openTestEngine({ deps });
    const clock = manualClock(START);
    const seen: ReminderSnapshot[] = [];
    const scheduler = startReminderScheduler(engine, { onChange: (snapshot) => seen.push(snapshot) }, clock, 2);
    expect(seen).toEqual([]);
    clock.advance(0);
    expect(seen).toHaveLength(1);
    expect(seen[0].due).toHaveLength(5);
    expect(seen[0].missed.size).toBe(5);
    scheduler.stop();
    await engine.close();
  });

  it('reminder states live in the prefs document of the user', async () => {
    const engine = await openTestEngine();
    await snoozeReminder(engine, 'rec:x:1', 5);
    await acknowledgeReminder(engine, 'rec:x:1', 7);
    expect(readReminderStates(engine).get('rec:x:1')).toEqual({ snoozedUntil: 5, doneAt: 7 });
    expect(engine.prefs.getMap('reminders').get('rec:x:1')).toEqual({ snoozedUntil: 5, doneAt: 7 });
    await engine.close();
  });

  it('snooze until tomorrow is 09:00 of the next local day', () => {
    expect(snoozeEnd('tomorrow', Date.parse('2026-03-28T21:30:00Z'), ZONE)).toBe(Date.parse('2026-03-29T06:00:00Z'));
    expect(snoozeEnd('1h', 1_000, ZONE)).toBe(3_601_000);
  });
});
