import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  anniversaryInYear,
  compareDates,
  dayRange,
  daysBetween,
  daysInMonth,
  formatClockTime,
  formatIsoDate,
  instantOf,
  isLeapYear,
  isoWeekday,
  isRealDate,
  localDateOf,
  parseIsoDate,
  shiftLocalDays,
  wallTime,
} from './local-time';

const BUCHAREST = 'Europe/Bucharest';
const NEW_YORK = 'America/New_York';
const HOUR = 3_600_000;

function at(iso: string): number {
  return Date.parse(iso);
}

describe('local days in a time zone', () => {
  it('a normal day is 24 hours from local midnight to local midnight', () => {
    const day = dayRange({ year: 2026, month: 11, day: 22 }, BUCHAREST);
    expect(new Date(day.start).toISOString()).toBe('2026-11-21T22:00:00.000Z');
    expect(day.end - day.start).toBe(24 * HOUR);
  });

  it('the spring-forward day is 23 hours and the fall-back day 25 hours', () => {
    const length = (range: { start: number; end: number }) => range.end - range.start;
    expect(length(dayRange({ year: 2026, month: 3, day: 29 }, BUCHAREST))).toBe(23 * HOUR);
    expect(length(dayRange({ year: 2026, month: 10, day: 25 }, BUCHAREST))).toBe(25 * HOUR);
    expect(length(dayRange({ year: 2026, month: 3, day: 8 }, NEW_YORK))).toBe(23 * HOUR);
  });

  it('09:00 in Bucharest is 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(instantOf({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, BUCHAREST)).toBe(at('2026-01-15T07:00:00Z'));
    expect(instantOf({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, BUCHAREST)).toBe(at('2026-07-15T06:00:00Z'));
  });

  it('a wall time skipped by the spring change lands just after the jump, like the device clock', () => {
    // 2026-03-29: 03:00 EET becomes 04:00 EEST in Bucharest; 03:30 does not exist.
    const skipped = instantOf({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, BUCHAREST);
    expect(wallTime(skipped, BUCHAREST)).toMatchObject({ day: 29, hour: 4, minute: 30 });
    expect(skipped).toBe(at('2026-03-29T01:30:00Z'));
    // 2026-03-08: 02:00 EST becomes 03:00 EDT in New York.
    expect(wallTime(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 15 }, NEW_YORK), NEW_YORK)).toMatchObject({ day: 8, hour: 3, minute: 15 });
  });

  it('a wall time that happens twice in autumn is its first occurrence', () => {
    // 2026-10-25: 04:00 EEST becomes 03:00 EET; 03:30 happens at 00:30Z and again at 01:30Z.
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, BUCHAREST)).toBe(at('2026-10-25T00:30:00Z'));
  });

  it('tomorrow at the same time keeps the wall clock across a DST change', () => {
    const saturday10 = instantOf({ year: 2026, month: 10, day: 24, hour: 10, minute: 0 }, BUCHAREST);
    const sunday10 = shiftLocalDays(saturday10, 1, BUCHAREST);
    expect(sunday10 - saturday10).toBe(25 * HOUR);
    expect(wallTime(sunday10, BUCHAREST)).toMatchObject({ day: 25, hour: 10, minute: 0 });
  });

  it('the day before at the same time is 23 hours earlier across the spring change', () => {
    const sunday10 = at('2026-03-29T07:00:00Z');
    expect(shiftLocalDays(sunday10, -1, BUCHAREST)).toBe(at('2026-03-28T08:00:00Z'));
  });

  it('the local day of an instant depends on the zone', () => {
    expect(localDateOf(at('2026-06-30T22:30:00Z'), BUCHAREST)).toEqual({ year: 2026, month: 7, day: 1 });
    expect(localDateOf(at('2026-06-30T22:30:00Z'), NEW_YORK)).toEqual({ year: 2026, month: 6, day: 30 });
  });

  it('local midnight is hour 0, not 24', () => {
    expect(wallTime(at('2026-11-21T22:00:00Z'), BUCHAREST)).toEqual({ year: 2026, month: 11, day: 22, hour: 0, minute: 0 });
  });
});

describe('calendar arithmetic', () => {
  it('adding days crosses months, years and 29 February by the calendar', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 1, day: 2 }, -3)).toEqual({ year: 2025, month: 12, day: 30 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2027, month: 3, day: 1 }, -1)).toEqual({ year: 2027, month: 2, day: 28 });
  });

  it('months step to the first day of the month, across years', () => {
    expect(addMonths({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addMonths({ year: 2026, month: 1, day: 15 }, -1)).toEqual({ year: 2025, month: 12, day: 1 });
  });

  it('days between, weekdays and the order of days', () => {
    expect(daysBetween({ year: 2026, month: 11, day: 22 }, { year: 2026, month: 12, day: 2 })).toBe(10);
    expect(daysBetween({ year: 2026, month: 3, day: 28 }, { year: 2026, month: 3, day: 30 })).toBe(2);
    expect(isoWeekday({ year: 2026, month: 11, day: 23 })).toBe(0);
    expect(isoWeekday({ year: 2026, month: 11, day: 22 })).toBe(6);
    expect(compareDates({ year: 2026, month: 1, day: 31 }, { year: 2026, month: 2, day: 1 })).toBeLessThan(0);
    expect(compareDates({ year: 2027, month: 1, day: 1 }, { year: 2026, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(compareDates({ year: 2026, month: 5, day: 5 }, { year: 2026, month: 5, day: 5 })).toBe(0);
  });

  it('leap years follow the Gregorian rules, and February has 29 days only in them', () => {
    expect([2024, 2026, 2000, 1900].map(isLeapYear)).toEqual([true, false, true, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isRealDate({ year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isRealDate({ year: 2026, month: 2, day: 29 })).toBe(false);
    expect(isRealDate({ year: 2026, month: 4, day: 31 })).toBe(false);
  });

  it('29 February falls on 28 February in common years and on itself in leap years', () => {
    expect(anniversaryInYear({ month: 2, day: 29 }, 2027)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(anniversaryInYear({ month: 2, day: 29 }, 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(anniversaryInYear({ month: 2, day: 29 }, 2100)).toEqual({ year: 2100, month: 2, day: 28 });
    expect(anniversaryInYear({ month: 3, day: 1 }, 2027)).toEqual({ year: 2027, month: 3, day: 1 });
  });

  it('date keys that are not real days are refused', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-00-10')).toBeNull();
    expect(parseIsoDate('22.11.2026')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(parseIsoDate(' 2026-11-22')).toBeNull();
  });

  it('a day and a clock time are written as date and time inputs hold them', () => {
    expect(formatIsoDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(parseIsoDate(formatIsoDate({ year: 2028, month: 2, day: 29 }))).toEqual({ year: 2028, month: 2, day: 29 });
    expect(formatClockTime({ hour: 7, minute: 5 })).toBe('07:05');
  });
});

// The app computes in the device's own zone (no zone argument): run that path in Bucharest.
describe('the device zone path (TZ=Europe/Bucharest)', () => {
  const previousZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = BUCHAREST;
  });
  afterAll(() => {
    process.env.TZ = previousZone;
  });

  it('the device zone gives the same instants as the explicit zone across both changes', () => {
    for (const [month, day] of [[3, 28], [3, 29], [3, 30], [10, 24], [10, 25], [10, 26]]) {
      expect(instantOf({ year: 2026, month, day, hour: 9, minute: 0 })).toBe(instantOf({ year: 2026, month, day, hour: 9, minute: 0 }, BUCHAREST));
    }
  });

  it('the skipped and the doubled hour read the same on the device as in the explicit zone', () => {
    for (const time of [{ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, { year: 2026, month: 10, day: 25, hour: 3, minute: 30 }]) {
      const device = instantOf(time);
      expect(device).toBe(instantOf(time, BUCHAREST));
      expect(wallTime(device)).toEqual(wallTime(device, BUCHAREST));
    }
  });
});
