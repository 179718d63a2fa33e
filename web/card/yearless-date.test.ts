import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, setLanguage } from '../i18n/i18n';
import { parseDate, parseInput, parseYearlessDate } from './parse';
import { ageOn } from './parse';

afterEach(() => setLanguage('en'));

describe('date field: birthdays without a year', () => {
  it('the parser accepts the stored form --MM-DD', () => {
    expect(parseDate('--03-24', 'en')).toBe('--03-24');
    expect(parseDate('--02-30', 'en')).toBeUndefined();
  });

  it('day and month in the locale order give --MM-DD', () => {
    expect(parseDate('24.03', 'ru')).toBe('--03-24');
    expect(parseDate('24/03', 'es')).toBe('--03-24');
    expect(parseDate('03/24', 'en')).toBe('--03-24');
    expect(parseDate('31.04', 'ro')).toBeUndefined();
  });

  it('a day and a month name in the locale or English give --MM-DD', () => {
    expect(parseYearlessDate('24 Mar', 'en')).toBe('--03-24');
    expect(parseYearlessDate('March 24', 'en')).toBe('--03-24');
    expect(parseYearlessDate('24 марта', 'ru')).toBe('--03-24');
    expect(parseYearlessDate('24 мар.', 'ru')).toBe('--03-24');
    expect(parseYearlessDate('24 de marzo', 'es')).toBe('--03-24');
    expect(parseYearlessDate('24 martie', 'ro')).toBe('--03-24');
    expect(parseYearlessDate('24 Blursday', 'en')).toBeUndefined();
  });

  it('what the date field shows for a yearless value reads back to the same value, in every language', () => {
    for (const language of ['en', 'es', 'ro', 'ru'] as const) {
      setLanguage(language);
      const shown = formatDate('--03-24');
      expect(shown).not.toMatch(/\d{4}/);
      expect(parseDate(shown, language)).toBe('--03-24');
    }
  });

  it('it is shown as day and month, without a year ("24 Mar")', () => {
    setLanguage('ru');
    expect(formatDate('--03-24')).toMatch(/^24 мар/);
    setLanguage('es');
    expect(formatDate('--03-24')).toMatch(/^24 mar/);
  });

  it('full dates keep working, and a yearless birthday has no age', () => {
    expect(parseDate('31.12.2024', 'ru')).toBe('2024-12-31');
    expect(parseInput('date', '2024-12-31', 'en')).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseInput('date', '24.03', 'ru')).toEqual({ ok: true, value: '--03-24' });
    expect(ageOn('--03-24', new Date(2026, 5, 1))).toBeNull();
  });
});
