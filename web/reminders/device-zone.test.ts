import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../engine/rows';
import { collectReminders, DEFAULT_REMINDER_SETTINGS, fireTimeBefore } from './schedule';

// The app computes in the device's own zone (no zone argument): run that path in Bucharest.
const previousZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Bucharest';
});
afterAll(() => {
  process.env.TZ = previousZone;
});

describe('reminders: the device zone path (TZ=Europe/Bucharest)', () => {
  it('a birthday 2 days ahead across the spring change fires at 09:00 device time', () => {
    const person: Row = { id: 'p', section: 'people', shard: 'book:me:0', v: { birthday: '--03-30' }, created: 0, updated: 0, by: 'me', seq: 0 };
    const settings = { ...DEFAULT_REMINDER_SETTINGS, birthdayReminderDays: 2 };
    const reminder = collectReminders([person], { userId: 'me', settings, now: Date.parse('2026-03-01T00:00:00Z') }).find((entry) => entry.key === 'bday:p:2026')!;
    expect(reminder.fireAt).toBe(Date.parse('2026-03-28T07:00:00Z'));
    expect(new Date(reminder.fireAt).getHours()).toBe(9);
  });

  it('a day ahead of a meeting keeps its wall time in the device zone', () => {
    expect(fireTimeBefore(Date.parse('2026-03-29T07:00:00Z'), 1440)).toBe(Date.parse('2026-03-28T08:00:00Z'));
  });
});
