import { describe, expect, it } from 'vitest';
import { instantOf, wallTime } from '../local-time/local-time';
import { fromDateTimeInput, timeField, toDateTimeInput, tomorrowSameTime } from './reschedule';

const ZONE = 'Europe/Bucharest';
const at = (month: number, day: number, hour: number, minute = 0) => instantOf({ year: 2026, month, day, hour, minute }, ZONE);

describe('reschedule', () => {
  it('events move their start, tasks their due time', () => {
    expect(timeField({ kind: 'event' })).toBe('start');
    expect(timeField({ kind: 'task' })).toBe('due');
  });

  it('tomorrow, same time: the day after today at the item’s wall time, even for an item missed last week', () => {
    const now = at(11, 22, 12);
    expect(tomorrowSameTime(at(11, 22, 15, 30), now, ZONE)).toBe(at(11, 23, 15, 30));
    expect(tomorrowSameTime(at(11, 15, 9), now, ZONE)).toBe(at(11, 23, 9));
  });

  it('tomorrow, same time keeps 10:00 across the fall-back night (25 hours later)', () => {
    const saturday = at(10, 24, 10);
    const moved = tomorrowSameTime(saturday, saturday, ZONE);
    expect(moved - saturday).toBe(25 * 3_600_000);
    expect(wallTime(moved, ZONE)).toMatchObject({ day: 25, hour: 10 });
  });

  it('date-time inputs round-trip in the zone and refuse what is not a real time', () => {
    const instant = at(3, 29, 14, 5);
    expect(toDateTimeInput(instant, ZONE)).toBe('2026-03-29T14:05');
    expect(fromDateTimeInput('2026-03-29T14:05', ZONE)).toBe(instant);
    expect(fromDateTimeInput('2026-04-31T10:00', ZONE)).toBeNull();
    expect(fromDateTimeInput('tomorrow', ZONE)).toBeNull();
    expect(fromDateTimeInput('', ZONE)).toBeNull();
  });
});
