import { describe, expect, it } from 'vitest';
import { instantFromLocal, localDateTimeText, localDayKey, localTimeText, parseBirthday, parseInstantText, startOfLocalDay, yearlessDate, yearlessParts } from './datetime';

describe('instants in local time', () => {
  it('a local date and time give an instant that shows back as the same date and time', () => {
    const instant = instantFromLocal('2026-03-29', '14:05')!;
    expect(localDayKey(instant)).toBe('2026-03-29');
    expect(localTimeText(instant)).toBe('14:05');
    expect(localDateTimeText(instant)).toBe('2026-03-29 14:05');
    expect(new Date(instant).getHours()).toBe(14);
  });

  it('a blank time is midnight, the start of the local day', () => {
    expect(instantFromLocal('2026-11-24', '')).toBe(startOfLocalDay('2026-11-24'));
    expect(localTimeText(startOfLocalDay('2026-11-24')!)).toBe('00:00');
  });

  it('dates and times that do not exist are refused', () => {
    expect(instantFromLocal('2026-02-30', '10:00')).toBeNull();
    expect(instantFromLocal('2026-11-24', '24:00')).toBeNull();
    expect(instantFromLocal('2026-11-24', '9:75')).toBeNull();
    expect(instantFromLocal('24.11.2026', '10:00')).toBeNull();
  });

  it('text with a zone is read as that instant; text without one as local time', () => {
    expect(parseInstantText('2026-11-24T10:00:00Z')).toBe(Date.UTC(2026, 10, 24, 10));
    expect(parseInstantText('2026-11-24T10:00:00+02:00')).toBe(Date.UTC(2026, 10, 24, 8));
    expect(parseInstantText('2026-11-24 10:00')).toBe(instantFromLocal('2026-11-24', '10:00'));
    expect(parseInstantText('2026-11-24 10:00:59')).toBe(instantFromLocal('2026-11-24', '10:00'));
    expect(parseInstantText('2026-11-24')).toBe(startOfLocalDay('2026-11-24'));
    expect(parseInstantText('tomorrow')).toBeNull();
  });
});

describe('dates without a year (--MM-DD)', () => {
  it('29 February is a valid birthday; 30 February is not', () => {
    expect(yearlessParts('--02-29')).toEqual({ month: 2, day: 29 });
    expect(yearlessParts('--02-30')).toBeNull();
    expect(yearlessParts('2026-02-01')).toBeNull();
    expect(yearlessDate(3, 24)).toBe('--03-24');
    expect(yearlessDate(13, 1)).toBeNull();
  });
});

describe('stored birthdays', () => {
  it('a full date keeps its year, a --MM-DD one has none; impossible days are refused', () => {
    expect(parseBirthday('1980-05-17')).toEqual({ year: 1980, month: 5, day: 17 });
    expect(parseBirthday('--02-29')).toEqual({ year: null, month: 2, day: 29 });
    expect(parseBirthday('1996-02-29')).toEqual({ year: 1996, month: 2, day: 29 });
    expect(parseBirthday('1997-02-29')).toBeNull();
    expect(parseBirthday('--02-30')).toBeNull();
    expect(parseBirthday('17.05.1980')).toBeNull();
  });
});
