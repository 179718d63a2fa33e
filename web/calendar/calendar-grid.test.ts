import { describe, expect, it } from 'vitest';
import type { Row } from '../engine/rows';
import type { FieldValue, SectionId } from '../schema/fields';
import { formatIsoDate, instantOf } from '../local-time/local-time';
import { calendarItems, itemHour, itemsByDay, monthGrid, stepDate, weekOf } from './calendar-grid';

const ZONE = 'Europe/Bucharest';
let counter = 0;
function row(section: SectionId, v: Record<string, FieldValue>, shard = 'book:me:0'): Row {
  counter++;
  return { id: `r${counter}`, section, shard, v, created: 0, updated: 0, by: 'me', seq: counter };
}
const at = (month: number, day: number, hour: number) => instantOf({ year: 2026, month, day, hour, minute: 0 }, ZONE);

describe('calendar grid', () => {
  it('a week runs Monday to Sunday around the day', () => {
    const days = weekOf({ year: 2026, month: 11, day: 22 }, ZONE).map((day) => formatIsoDate(day.date));
    expect(days).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('a month is whole weeks from the Monday before the 1st to the Sunday after the last day', () => {
    const weeks = monthGrid({ year: 2026, month: 11, day: 22 }, ZONE);
    expect(weeks).toHaveLength(6);
    expect(formatIsoDate(weeks[0][0].date)).toBe('2026-10-26');
    expect(formatIsoDate(weeks[5][6].date)).toBe('2026-12-06');
    // February 2027 starts on a Monday and has exactly four weeks.
    const february = monthGrid({ year: 2027, month: 2, day: 1 }, ZONE);
    expect(february).toHaveLength(4);
    expect(formatIsoDate(february[3][6].date)).toBe('2027-02-28');
  });

  it('the week of the DST change has a 25-hour Sunday and days stay contiguous', () => {
    const days = weekOf({ year: 2026, month: 10, day: 25 }, ZONE);
    expect(days[6].end - days[6].start).toBe(25 * 3_600_000);
    for (let index = 1; index < 7; index++) expect(days[index].start).toBe(days[index - 1].end);
  });

  it('previous / next move a week or a month, keeping the day where the month has it', () => {
    expect(stepDate({ year: 2026, month: 12, day: 28 }, 'week', 1)).toEqual({ year: 2027, month: 1, day: 4 });
    expect(stepDate({ year: 2027, month: 1, day: 31 }, 'month', 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(stepDate({ year: 2027, month: 1, day: 15 }, 'month', -1)).toEqual({ year: 2026, month: 12, day: 15 });
  });

  it('places planned events by start and open tasks by due on their local day and hour', () => {
    const days = weekOf({ year: 2026, month: 11, day: 18 }, ZONE);
    const monday9 = row('events', { status: 'planned', start: at(11, 16, 9), assignee: 'me' });
    const sundayLate = row('tasks', { status: 'open', due: at(11, 22, 23), assignee: 'me' });
    const done = row('events', { status: 'done', start: at(11, 17, 9), assignee: 'me' });
    const nextWeek = row('events', { status: 'planned', start: at(11, 23, 0), assignee: 'me' });
    const colleague = row('events', { status: 'planned', start: at(11, 18, 9), assignee: 'other' });
    const all = [sundayLate, monday9, done, nextWeek, colleague];
    const mine = calendarItems(all, days[0].start, days[6].end, 'me');
    expect(mine.map((item) => item.recordId)).toEqual([monday9.id, sundayLate.id]);
    const perDay = itemsByDay(mine, days).map((list) => list.map((item) => item.recordId));
    expect(perDay[0]).toEqual([monday9.id]);
    expect(perDay[6]).toEqual([sundayLate.id]);
    expect(itemHour(mine[1], ZONE)).toBe(23);
    expect(calendarItems(all, days[0].start, days[6].end, null)).toHaveLength(3);
  });
});
