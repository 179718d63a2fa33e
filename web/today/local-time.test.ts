import { describe, expect, it } from 'vitest';
import { addDays, dayRange, daysBetween, instantOf, isoWeekday, localDateTime, parseDateKey, shiftLocalDays } from './local-time';

const BUCHAREST = 'Europe/Bucharest';
const NEW_YORK = 'America/New_York';
const HOUR = 3_600_000;

describe('local days in a time zone', () => {
  it('a normal day is 24 hours from local midnight to local midnight', () => {
    const day = dayRange({ year: 2026, month: 11, day: 22 }, BUCHAREST);
    expect(new Date(day.start).toISOString()).toBe('2026-11-21T22:00:00.000Z');
    expect(day.end - day.start).toBe(24 * HOUR);
  });

  it('the spring-forward day is 23 hours and the fall-back day 25 hours', () => {
    expect(((range) => range.end - range.start)(dayRange({ year: 2026, month: 3, day: 29 }, BUCHAREST))).toBe(23 * HOUR);
    expect(((range) => range.end - range.start)(dayRange({ year: 2026, month: 10, day: 25 }, BUCHAREST))).toBe(25 * HOUR);
    expect(((range) => range.end - range.start)(dayRange({ year: 2026, month: 3, day: 8 }, NEW_YORK))).toBe(23 * HOUR);
  });

  it('a wall time skipped by the DST jump moves forward by the jump', () => {
    const skipped = instantOf({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, BUCHAREST);
    expect(localDateTime(skipped, BUCHAREST)).toMatchObject({ hour: 4, minute: 30 });
  });

  it('a wall time that happens twice is its first occurrence', () => {
    const twice = instantOf({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, BUCHAREST);
    expect(new Date(twice).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('tomorrow at the same time keeps the wall clock across a DST change', () => {
    const saturday10 = instantOf({ year: 2026, month: 10, day: 24, hour: 10, minute: 0 }, BUCHAREST);
    const sunday10 = shiftLocalDays(saturday10, 1, BUCHAREST);
    expect(sunday10 - saturday10).toBe(25 * HOUR);
    expect(localDateTime(sunday10, BUCHAREST)).toMatchObject({ day: 25, hour: 10, minute: 0 });
  });

  it('calendar arithmetic crosses months, years and leap days', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(daysBetween({ year: 2026, month: 11, day: 22 }, { year: 2026, month: 12, day: 2 })).toBe(10);
    expect(isoWeekday({ year: 2026, month: 11, day: 23 })).toBe(0);
    expect(isoWeekday({ year: 2026, month: 11, day: 22 })).toBe(6);
  });

  it('date keys that are not real days are refused', () => {
    expect(parseDateKey('2026-02-29')).toBeNull();
    expect(parseDateKey('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDateKey('2026-13-01')).toBeNull();
    expect(parseDateKey('22.11.2026')).toBeNull();
  });
});
