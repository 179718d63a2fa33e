import { describe, expect, it } from 'vitest';
import type { Row } from '../engine/rows';
import type { FieldValue, SectionId } from '../schema/fields';
import { wallTime } from '../local-time/local-time';
import {
  birthdayInYear,
  collectReminders,
  DEFAULT_REMINDER_SETTINGS,
  dueReminders,
  fireTimeBefore,
  missedReminders,
  nextFireAt,
  type ReminderSettings,
  type ReminderState,
} from './schedule';

const BUCHAREST = 'Europe/Bucharest';
const MADRID = 'Europe/Madrid';
const ME = 'me';
const COLLEAGUE = 'colleague';

function row(id: string, section: SectionId, v: Record<string, FieldValue>, owner = ME, extra: Partial<Row> = {}): Row {
  return { id, section, shard: `book:${owner}:0`, v, created: 0, updated: 0, by: owner, seq: 0, ...extra };
}

function at(iso: string): number {
  return Date.parse(iso);
}

function collect(rows: Row[], now: number, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS, zone = BUCHAREST, userId = ME) {
  return collectReminders(rows, { userId, settings, now, zone });
}

describe('reminders: events and tasks remind their assignee ahead of time', () => {
  const start = at('2026-05-20T08:00:00Z');

  it('a planned call with a 15-minute reminder fires 15 minutes before its start', () => {
    const [reminder] = collect([row('call', 'events', { subject: 'Call', status: 'planned', start, remind: 15, assignee: ME })], start - 3_600_000);
    expect(reminder).toMatchObject({ kind: 'event', recordId: 'call', fireAt: start - 15 * 60_000, at: start, key: `rec:call:${start - 15 * 60_000}` });
  });

  it('a reminder of 0 minutes fires at the start itself', () => {
    const [reminder] = collect([row('e', 'events', { start, remind: 0, assignee: ME })], start - 1);
    expect(reminder.fireAt).toBe(start);
  });

  it('a task reminds before its due time', () => {
    const due = at('2026-05-21T15:00:00Z');
    const [reminder] = collect([row('t', 'tasks', { title: 'Send offer', due, remind: 120, assignee: ME, status: 'open' })], due - 86_400_000);
    expect(reminder).toMatchObject({ kind: 'task', fireAt: due - 120 * 60_000 });
  });

  it('a colleague assigned to the record is reminded, not the user holding a copy of it', () => {
    const rows = [row('e', 'events', { start, remind: 15, assignee: COLLEAGUE })];
    expect(collect(rows, start - 3_600_000, DEFAULT_REMINDER_SETTINGS, BUCHAREST, ME)).toEqual([]);
    expect(collect(rows, start - 3_600_000, DEFAULT_REMINDER_SETTINGS, BUCHAREST, COLLEAGUE)).toHaveLength(1);
  });

  it('an event in my book assigned to a colleague reminds only the colleague', () => {
    const rows = [row('e', 'events', { start, remind: 15, assignee: COLLEAGUE }, ME)];
    expect(collect(rows, start - 3_600_000)).toEqual([]);
  });

  it('without an assignee the owner of the book is reminded, never an admin holding the book', () => {
    const rows = [row('e', 'events', { start, remind: 15 }, COLLEAGUE)];
    expect(collect(rows, start - 3_600_000, DEFAULT_REMINDER_SETTINGS, BUCHAREST, ME)).toEqual([]);
    expect(collect(rows, start - 3_600_000, DEFAULT_REMINDER_SETTINGS, BUCHAREST, COLLEAGUE)).toHaveLength(1);
  });

  it('done events, done tasks, trashed records and records without a reminder do not remind', () => {
    const rows = [
      row('done', 'events', { start, remind: 15, assignee: ME, status: 'done' }),
      row('task-done', 'tasks', { due: start, remind: 15, assignee: ME, status: 'done' }),
      row('trashed', 'events', { start, remind: 15, assignee: ME }, ME, { deleted: 1 }),
      row('silent', 'events', { start, assignee: ME }),
      row('no-time', 'tasks', { remind: 15, assignee: ME }),
    ];
    expect(collect(rows, start - 3_600_000)).toEqual([]);
  });

  it('a rescheduled record gets a new key, so an acknowledged reminder does not hide the new one', () => {
    const before = collect([row('e', 'events', { start, remind: 15, assignee: ME })], 0)[0];
    const after = collect([row('e', 'events', { start: start + 3_600_000, remind: 15, assignee: ME })], 0)[0];
    expect(after.key).not.toBe(before.key);
  });

  it('minutes are real minutes across the spring change', () => {
    // 04:10 EEST on 2026-03-29 is 01:10Z; 15 minutes earlier is 00:55Z (02:55 EET).
    const jump = at('2026-03-29T01:10:00Z');
    expect(fireTimeBefore(jump, 15, BUCHAREST)).toBe(at('2026-03-29T00:55:00Z'));
  });

  it('a day ahead is the same wall time the day before, even across the spring change', () => {
    // A meeting at 10:00 EEST on 2026-03-29 (07:00Z); 10:00 EET the day before is 08:00Z, 23 h earlier.
    const meeting = at('2026-03-29T07:00:00Z');
    expect(fireTimeBefore(meeting, 1440, BUCHAREST)).toBe(at('2026-03-28T08:00:00Z'));
    expect(fireTimeBefore(meeting, 1440 + 30, BUCHAREST)).toBe(at('2026-03-28T07:30:00Z'));
  });

  it('a day ahead across the autumn change is 25 hours', () => {
    // The clocks go back in the night to 2026-10-25: 10:00 that day is EET (08:00Z), 10:00 on
    // the 24th is EEST (07:00Z).
    const meeting = at('2026-10-25T08:00:00Z');
    expect(fireTimeBefore(meeting, 1440, BUCHAREST)).toBe(at('2026-10-24T07:00:00Z'));
  });
});

describe('reminders: birthdays N days ahead at 09:00 local time', () => {
  it('3 days ahead of 15 June is 12 June at 09:00 local time', () => {
    const person = row('p', 'people', { lastName: 'Pop', birthday: '1980-06-15' });
    const reminders = collect([person], at('2026-06-01T00:00:00Z'));
    const thisYear = reminders.find((reminder) => reminder.key === 'bday:p:2026')!;
    expect(thisYear).toMatchObject({ kind: 'birthday', date: '2026-06-15', fireAt: at('2026-06-12T06:00:00Z') });
  });

  it('counts calendar days across the spring change (not 86,400,000 ms steps)', () => {
    // Birthday 30 March 2026, 2 days ahead → 28 March 09:00 EET = 07:00Z (before the change).
    // Subtracting 2 × 24 h from 30 March 09:00 EEST (06:00Z) would give 08:00 local instead.
    const person = row('p', 'people', { birthday: '--03-30' });
    const settings = { ...DEFAULT_REMINDER_SETTINGS, birthdayReminderDays: 2 };
    const reminder = collect([person], at('2026-03-01T00:00:00Z'), settings).find((entry) => entry.key === 'bday:p:2026')!;
    expect(reminder.fireAt).toBe(at('2026-03-28T07:00:00Z'));
    expect(wallTime(reminder.fireAt, BUCHAREST)).toMatchObject({ day: 28, hour: 9, minute: 0 });
  });

  it('counts calendar days across the autumn change', () => {
    // Birthday 26 October 2026, 2 days ahead → 24 October 09:00 EEST = 06:00Z.
    const person = row('p', 'people', { birthday: '1970-10-26' });
    const settings = { ...DEFAULT_REMINDER_SETTINGS, birthdayReminderDays: 2 };
    const reminder = collect([person], at('2026-10-01T00:00:00Z'), settings).find((entry) => entry.key === 'bday:p:2026')!;
    expect(reminder.fireAt).toBe(at('2026-10-24T06:00:00Z'));
  });

  it('the same birthday fires at 09:00 of each zone', () => {
    const person = row('p', 'people', { birthday: '--12-10' });
    const madrid = collect([person], at('2026-12-01T00:00:00Z'), DEFAULT_REMINDER_SETTINGS, MADRID).find((entry) => entry.key === 'bday:p:2026')!;
    expect(madrid.fireAt).toBe(at('2026-12-07T08:00:00Z'));
  });

  it('29 February reminds on 28 February in a common year and on 29 February in a leap year', () => {
    expect(birthdayInYear('1996-02-29', 2027)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(birthdayInYear('1996-02-29', 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(birthdayInYear('--02-29', 2026)).toEqual({ year: 2026, month: 2, day: 28 });
    const person = row('p', 'people', { birthday: '1996-02-29' });
    const settings = { ...DEFAULT_REMINDER_SETTINGS, birthdayReminderDays: 0 };
    const reminder = collect([person], at('2027-02-01T00:00:00Z'), settings).find((entry) => entry.key === 'bday:p:2027')!;
    expect(reminder).toMatchObject({ date: '2027-02-28', fireAt: at('2027-02-28T07:00:00Z') });
  });

  it('a birthday without a year (--MM-DD) reminds every year: the coming one is listed', () => {
    const person = row('p', 'people', { birthday: '--07-04' });
    expect(collect([person], at('2026-01-10T00:00:00Z')).map((reminder) => reminder.key)).toEqual(['bday:p:2026']);
    expect(collect([person], at('2026-07-04T20:00:00Z')).map((reminder) => reminder.key)).toEqual(['bday:p:2026']);
    expect(collect([person], at('2026-07-04T21:00:00Z')).map((reminder) => reminder.key)).toEqual(['bday:p:2027']);
  });

  it('a birthday early in January reminds in the last days of December', () => {
    const person = row('p', 'people', { birthday: '--01-02' });
    const reminder = collect([person], at('2026-12-29T12:00:00Z')).find((entry) => entry.key === 'bday:p:2027')!;
    expect(reminder.fireAt).toBe(at('2026-12-30T07:00:00Z'));
  });

  it('a birthday reminder is over once the birthday has passed', () => {
    const person = row('p', 'people', { birthday: '--05-10' });
    const keys = collect([person], at('2026-05-11T12:00:00Z')).map((reminder) => reminder.key);
    expect(keys).toEqual(['bday:p:2027']);
  });

  it('only people in books I own remind me; a colleague’s contact does not', () => {
    const rows = [row('mine', 'people', { birthday: '--08-01' }), row('theirs', 'people', { birthday: '--08-01' }, COLLEAGUE)];
    const ids = new Set(collect(rows, at('2026-07-01T00:00:00Z')).map((reminder) => reminder.recordId));
    expect(ids).toEqual(new Set(['mine']));
  });

  it('switched off (-1) reminds of no birthday; bad dates are ignored', () => {
    const rows = [row('p', 'people', { birthday: '--08-01' }), row('bad', 'people', { birthday: '1990-02-30' }), row('text', 'people', { birthday: 'soon' })];
    expect(collect(rows, at('2026-07-01T00:00:00Z'), { ...DEFAULT_REMINDER_SETTINGS, birthdayReminderDays: -1 })).toEqual([]);
    expect(collect(rows.slice(1), at('2026-07-01T00:00:00Z'))).toEqual([]);
  });
});

describe('reminders: contract ends', () => {
  it('30 days ahead of the end at 09:00 local time, keyed by the end date', () => {
    const org = row('o', 'orgs', { name: 'Alfa', contractEnd: '2026-12-31' });
    const [reminder] = collect([org], at('2026-11-01T00:00:00Z'));
    expect(reminder).toMatchObject({ key: 'contract:o:2026-12-31', kind: 'contract', fireAt: at('2026-12-01T07:00:00Z') });
  });

  it('a colleague’s organization or a switched-off setting reminds nothing', () => {
    const org = row('o', 'orgs', { contractEnd: '2026-12-31' }, COLLEAGUE);
    expect(collect([org], at('2026-11-01T00:00:00Z'))).toEqual([]);
    expect(collect([row('o', 'orgs', { contractEnd: '2026-12-31' })], at('2026-11-01T00:00:00Z'), { ...DEFAULT_REMINDER_SETTINGS, contractReminderDays: -1 })).toEqual([]);
  });
});

describe('reminders: due, missed, snoozed, done and the next fire time', () => {
  const start = at('2026-05-20T08:00:00Z');
  const rows = [
    row('soon', 'events', { start, remind: 15, assignee: ME }),
    row('later', 'tasks', { due: start + 7_200_000, remind: 0, assignee: ME }),
  ];
  const fire = start - 15 * 60_000;

  it('nothing is due before the fire time; the next fire time is the earliest', () => {
    const reminders = collect(rows, fire - 1);
    expect(dueReminders(reminders, new Map(), fire - 1)).toEqual([]);
    expect(nextFireAt(reminders, new Map(), fire - 1)).toBe(fire);
  });

  it('at the fire time the reminder is due and the next one is the later record', () => {
    const reminders = collect(rows, fire);
    expect(dueReminders(reminders, new Map(), fire).map((reminder) => reminder.recordId)).toEqual(['soon']);
    expect(nextFireAt(reminders, new Map(), fire)).toBe(start + 7_200_000);
  });

  it('a snoozed reminder leaves the list until its snooze ends, and then fires again', () => {
    const reminders = collect(rows, fire);
    const key = reminders[0].key;
    const states = new Map<string, ReminderState>([[key, { snoozedUntil: fire + 600_000 }]]);
    expect(dueReminders(reminders, states, fire + 1).map((reminder) => reminder.key)).not.toContain(key);
    expect(nextFireAt(reminders, states, fire + 1)).toBe(fire + 600_000);
    expect(dueReminders(reminders, states, fire + 600_000).map((reminder) => reminder.key)).toContain(key);
  });

  it('a reminder marked done never shows again', () => {
    const reminders = collect(rows, fire);
    const states = new Map<string, ReminderState>([[reminders[0].key, { doneAt: fire }]]);
    expect(dueReminders(reminders, states, start + 10 * 86_400_000).map((reminder) => reminder.recordId)).toEqual(['later']);
  });

  it('reminders that fired while the app was closed are the missed ones on open', () => {
    const openedAt = start + 3 * 3_600_000;
    const reminders = collect(rows, openedAt);
    const due = dueReminders(reminders, new Map(), openedAt);
    expect(missedReminders(due, new Map(), openedAt).map((reminder) => reminder.recordId)).toEqual(['soon', 'later']);
    expect(missedReminders(due, new Map(), fire + 1).map((reminder) => reminder.recordId)).toEqual(['soon']);
  });

  it('with nothing planned there is no next fire time', () => {
    expect(nextFireAt([], new Map(), 0)).toBeNull();
  });
});
