import { describe, expect, it } from 'vitest';
import type { Row } from '../engine/rows';
import type { FieldValue, SectionId } from '../schema/fields';
import { instantOf } from '../local-time/local-time';
import { agendaRows, workLists, birthdaysToday, contractsEnding, isBirthdayOn, overdue, parseBirthday, plannedToday, tasksDueToday, todayLists, type TodayContext } from './today-items';

const ZONE = 'Europe/Bucharest';
const ME = 'me';
const COLLEAGUE = 'colleague';

let counter = 0;
function row(section: SectionId, v: Record<string, FieldValue>, extra: Partial<Row> = {}): Row {
  counter++;
  return { id: `${section}-${counter}`, section, shard: `book:${ME}:0`, v, created: 0, updated: 0, by: ME, seq: counter, ...extra };
}

function at(day: number, hour: number, minute = 0, month = 11, year = 2026): number {
  return instantOf({ year, month, day, hour, minute }, ZONE);
}

function context(now: number, scope: string | null = ME): TodayContext {
  return { now, timeZone: ZONE, scope };
}

const call = (start: number, extra: Record<string, FieldValue> = {}) => row('events', { kind: 'call', status: 'planned', subject: 'Call', start, assignee: ME, ...extra });
const task = (due: number, extra: Record<string, FieldValue> = {}) => row('tasks', { title: 'Task', status: 'open', due, assignee: ME, ...extra });

describe('planned today', () => {
  it('lists planned events starting within the local day, by time, from local midnight to the next', () => {
    const now = at(22, 9);
    const midnight = call(at(22, 0, 0));
    const lastMinute = call(at(22, 23, 59));
    const noon = call(at(22, 12));
    const tomorrowMidnight = call(at(23, 0, 0));
    const yesterdayLate = call(at(21, 23, 59));
    const ids = plannedToday([noon, tomorrowMidnight, lastMinute, yesterdayLate, midnight], context(now)).map((item) => item.recordId);
    expect(ids).toEqual([midnight.id, noon.id, lastMinute.id]);
  });

  it('a DST day keeps its 25th hour: an event at 23:30 on the fall-back day is today', () => {
    const now = at(25, 1, 0, 10);
    const late = call(at(25, 23, 30, 10));
    const nextDay = call(at(26, 0, 30, 10));
    expect(plannedToday([late, nextDay], context(now)).map((item) => item.recordId)).toEqual([late.id]);
  });

  it('the local day is the zone’s, not UTC’s: 01:00 in Bucharest is the previous day in UTC', () => {
    const now = at(22, 12);
    const early = call(at(22, 1));
    expect(new Date(early.v.start as number).getUTCDate()).toBe(21);
    expect(plannedToday([early], context(now)).map((item) => item.recordId)).toEqual([early.id]);
  });

  it('leaves out done, deleted, undated events and other sections', () => {
    const now = at(22, 8);
    const done = call(at(22, 10), { status: 'done' });
    const deleted = row('events', { status: 'planned', start: at(22, 10), assignee: ME }, { deleted: 1 });
    const undated = row('events', { status: 'planned', assignee: ME });
    const note = row('notes', { status: 'planned', start: at(22, 10) });
    expect(plannedToday([done, deleted, undated, note], context(now))).toEqual([]);
  });

  it('mine lists my events (or unassigned ones in my book); team lists everyone’s', () => {
    const now = at(22, 8);
    const mine = call(at(22, 10));
    const theirs = call(at(22, 11), { assignee: COLLEAGUE });
    const unassignedInMyBook = row('events', { status: 'planned', start: at(22, 12) });
    const unassignedInTheirs = row('events', { status: 'planned', start: at(22, 13) }, { shard: `book:${COLLEAGUE}:0` });
    const all = [mine, theirs, unassignedInMyBook, unassignedInTheirs];
    expect(plannedToday(all, context(now, ME)).map((item) => item.recordId)).toEqual([mine.id, unassignedInMyBook.id]);
    expect(plannedToday(all, context(now, null))).toHaveLength(4);
    expect(plannedToday(all, context(now, COLLEAGUE)).map((item) => item.recordId)).toEqual([theirs.id, unassignedInTheirs.id]);
  });

  it('carries the client, type and assignee of the event', () => {
    const event = call(at(22, 10), { org: 'org-1', person: 'person-1', kind: 'meeting', subject: 'Offer' });
    expect(plannedToday([event], context(at(22, 8)))[0]).toMatchObject({ kind: 'event', type: 'meeting', title: 'Offer', orgId: 'org-1', personId: 'person-1', assignee: ME, at: at(22, 10) });
  });
});

describe('tasks due today and overdue', () => {
  it('tasks due today are open tasks due within the local day', () => {
    const now = at(22, 8);
    const dueToday = task(at(22, 17));
    const doneToday = task(at(22, 17), { status: 'done' });
    const doing = task(at(22, 18), { status: 'doing' });
    const tomorrow = task(at(23, 0));
    expect(tasksDueToday([dueToday, doneToday, doing, tomorrow], context(now)).map((item) => item.recordId)).toEqual([dueToday.id, doing.id]);
  });

  it('overdue: open tasks due before now and planned events whose start passed, oldest first', () => {
    const now = at(22, 12);
    const oldTask = task(at(15, 9));
    const missedCall = call(at(22, 11, 59));
    const justNow = call(now);
    const doneOld = task(at(10, 9), { status: 'done' });
    const loggedCall = call(at(20, 9), { status: 'done' });
    const items = overdue([justNow, missedCall, doneOld, oldTask, loggedCall], context(now));
    expect(items.map((item) => item.recordId)).toEqual([oldTask.id, missedCall.id]);
    expect(items.map((item) => item.kind)).toEqual(['task', 'event']);
  });

  it('the Today lists show a past-due item once, under overdue', () => {
    const now = at(22, 12);
    const morning = call(at(22, 9));
    const afternoon = call(at(22, 15));
    const evening = task(at(22, 19));
    const lists = todayLists([evening, afternoon, morning], context(now));
    expect(lists.overdue.map((item) => item.recordId)).toEqual([morning.id]);
    expect(lists.planned.map((item) => item.recordId)).toEqual([afternoon.id, evening.id]);
  });
});

describe('birthdays', () => {
  it('reads full dates and dates without a year; refuses other text', () => {
    expect(parseBirthday('1980-05-17')).toEqual({ year: 1980, month: 5, day: 17 });
    expect(parseBirthday('--05-17')).toEqual({ year: null, month: 5, day: 17 });
    expect(parseBirthday('--02-29')).toEqual({ year: null, month: 2, day: 29 });
    expect(parseBirthday('--02-30')).toBeNull();
    expect(parseBirthday('17.05.1980')).toBeNull();
    expect(parseBirthday(null)).toBeNull();
  });

  it('29 February is celebrated on 28 February in other years, on 29 February in leap years', () => {
    const leapling = parseBirthday('1996-02-29')!;
    expect(isBirthdayOn(leapling, { year: 2026, month: 2, day: 28 })).toBe(true);
    expect(isBirthdayOn(leapling, { year: 2026, month: 3, day: 1 })).toBe(false);
    expect(isBirthdayOn(leapling, { year: 2028, month: 2, day: 28 })).toBe(false);
    expect(isBirthdayOn(leapling, { year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isBirthdayOn(parseBirthday('1990-02-28')!, { year: 2028, month: 2, day: 28 })).toBe(true);
  });

  it('lists people born on the local day, with age when the year is known', () => {
    const now = at(22, 0, 30);
    const withYear = row('people', { firstName: 'Ana', lastName: 'Pop', birthday: '1980-11-22', org: 'org-1' });
    const noYear = row('people', { firstName: 'Ion', lastName: 'Rusu', birthday: '--11-22' });
    const yesterday = row('people', { firstName: 'Dan', birthday: '1980-11-21' });
    const deleted = row('people', { firstName: 'Old', birthday: '--11-22' }, { deleted: 5 });
    const items = birthdaysToday([noYear, yesterday, withYear, deleted], context(now));
    expect(items.map((item) => [item.title, item.age])).toEqual([
      ['Ana Pop', 46],
      ['Ion Rusu', undefined],
    ]);
    expect(items[0]).toMatchObject({ kind: 'birthday', personId: withYear.id, orgId: 'org-1' });
  });

  it('a leapling shows on 28 February 2027 and not on 1 March', () => {
    const person = row('people', { firstName: 'Leap', birthday: '--02-29' });
    expect(birthdaysToday([person], context(at(28, 10, 0, 2, 2027)))).toHaveLength(1);
    expect(birthdaysToday([person], context(at(1, 10, 0, 3, 2027)))).toHaveLength(0);
  });

  it('mine lists people in my books; team lists everyone', () => {
    const now = at(22, 10);
    const mine = row('people', { firstName: 'Mine', birthday: '--11-22' });
    const theirs = row('people', { firstName: 'Theirs', birthday: '--11-22' }, { shard: `book:${COLLEAGUE}:0` });
    expect(birthdaysToday([mine, theirs], context(now, ME)).map((item) => item.recordId)).toEqual([mine.id]);
    expect(birthdaysToday([mine, theirs], context(now, null))).toHaveLength(2);
  });
});

describe('contracts ending', () => {
  it('lists contracts ending from today to 30 days ahead, soonest first, with the days left', () => {
    const now = at(22, 23, 30);
    const today = row('orgs', { name: 'Today', contractEnd: '2026-11-22' });
    const inTen = row('orgs', { name: 'Ten', contractEnd: '2026-12-02' });
    const inThirty = row('orgs', { name: 'Thirty', contractEnd: '2026-12-22' });
    const inThirtyOne = row('orgs', { name: 'ThirtyOne', contractEnd: '2026-12-23' });
    const ended = row('orgs', { name: 'Ended', contractEnd: '2026-11-21' });
    const bad = row('orgs', { name: 'Bad', contractEnd: 'soon' });
    const items = contractsEnding([inThirtyOne, inTen, bad, ended, inThirty, today], context(now));
    expect(items.map((item) => [item.title, item.daysLeft])).toEqual([
      ['Today', 0],
      ['Ten', 10],
      ['Thirty', 30],
    ]);
    expect(items[1]).toMatchObject({ kind: 'contract', orgId: inTen.id, endDate: '2026-12-02' });
  });

  it('counts days in the local calendar: just after local midnight is already the next day', () => {
    // 22:30 UTC on 21 November is 00:30 on 22 November in Bucharest.
    const now = Date.UTC(2026, 10, 21, 22, 30);
    const org = row('orgs', { name: 'Ten', contractEnd: '2026-12-02' });
    expect(contractsEnding([org], context(now))[0].daysLeft).toBe(10);
  });
});

describe('agenda rows', () => {
  it('keeps live events and tasks, people with a birthday and organizations with a contract end, split by use', () => {
    const event = call(at(22, 10));
    const taskRow = task(at(22, 11));
    const person = row('people', { firstName: 'A', birthday: '--01-02' });
    const noBirthday = row('people', { firstName: 'B' });
    const org = row('orgs', { name: 'C', contractEnd: '2026-12-01' });
    const noContract = row('orgs', { name: 'D' });
    const deleted = call(at(22, 12));
    deleted.deleted = 9;
    const note = row('notes', { title: 'N' });
    const split = agendaRows([event, taskRow, person, noBirthday, org, noContract, deleted, note]);
    expect(split.work.map((entry) => entry.id)).toEqual([event.id, taskRow.id]);
    expect(split.people.map((entry) => entry.id)).toEqual([person.id]);
    expect(split.orgs.map((entry) => entry.id)).toEqual([org.id]);
  });
});

describe('the one-pass work lists', () => {
  it('agree with the separate selectors on seeded random events and tasks', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const now = at(22, 12);
    const rows: Row[] = [];
    for (let index = 0; index < 500; index++) {
      const when = now + Math.round((random() - 0.5) * 6 * 86_400_000);
      const assignee = random() < 0.5 ? ME : COLLEAGUE;
      rows.push(random() < 0.5 ? call(when, { assignee, status: random() < 0.7 ? 'planned' : 'done' }) : task(when, { assignee, status: random() < 0.7 ? 'open' : 'done' }));
    }
    for (const scope of [ME, null]) {
      const lists = workLists(rows, context(now, scope));
      const late = overdue(rows, context(now, scope));
      const ahead = [...plannedToday(rows, context(now, scope)), ...tasksDueToday(rows, context(now, scope))].filter((item) => item.at! >= now);
      expect(lists.overdue.map((item) => item.recordId)).toEqual(late.map((item) => item.recordId));
      expect(new Set(lists.planned.map((item) => item.recordId))).toEqual(new Set(ahead.map((item) => item.recordId)));
      expect(lists.planned.length + lists.overdue.length).toBeGreaterThan(10);
    }
  });
});
