import { describe, expect, it } from 'vitest';
import { ageOn, parseDate, parseInput, parseNumber, parseTags } from './parse';

describe('card input: numbers typed in the locale format are read correctly', () => {
  it('ru, ro and es read "1 234,56" as 1234.56', () => {
    for (const locale of ['ru', 'ro', 'es']) expect(parseNumber('1 234,56', locale), locale).toBe(1234.56);
  });
  it('the no-break spaces Intl writes as group separators are accepted', () => {
    expect(parseNumber('1\u00a0234\u00a0567,5', 'ru')).toBe(1234567.5);
    expect(parseNumber('1\u202f234', 'ru')).toBe(1234);
  });
  it('dotted groups with a decimal comma (es, ro)', () => {
    expect(parseNumber('1.234.567,89', 'es')).toBe(1234567.89);
    expect(parseNumber('12.500', 'ro')).toBe(12500);
  });
  it('en reads "1,234.56" and a grouped "1,500"', () => {
    expect(parseNumber('1,234.56', 'en')).toBe(1234.56);
    expect(parseNumber('1,500', 'en')).toBe(1500);
  });
  it('a plain decimal point is understood everywhere', () => {
    expect(parseNumber('1234.5', 'ru')).toBe(1234.5);
    expect(parseNumber('0.25', 'es')).toBe(0.25);
  });
  it('signs, including the typographic minus', () => {
    expect(parseNumber('-12,5', 'ro')).toBe(-12.5);
    expect(parseNumber('−7', 'ru')).toBe(-7);
  });
  it('blank is null, garbage is NaN', () => {
    expect(parseNumber('   ', 'ru')).toBeNull();
    expect(parseNumber('12abc', 'en')).toBeNaN();
    expect(parseNumber('1,2,3', 'en')).toBeNaN();
    expect(parseNumber('1.2.3', 'ru')).toBeNaN();
    expect(parseNumber('1,23.4', 'en')).toBeNaN();
  });
});

describe('card input: dates', () => {
  it('ISO dates are taken as they are', () => {
    expect(parseDate('2024-02-29', 'ru')).toBe('2024-02-29');
  });
  it('day-first locales read 31.12.2024 and 31/12/2024', () => {
    expect(parseDate('31.12.2024', 'ru')).toBe('2024-12-31');
    expect(parseDate('31.12.2024', 'ro')).toBe('2024-12-31');
    expect(parseDate('31/12/2024', 'es')).toBe('2024-12-31');
    expect(parseDate('5.3.1980', 'ru')).toBe('1980-03-05');
  });
  it('English reads month first, as it displays dates', () => {
    expect(parseDate('12/31/2024', 'en')).toBe('2024-12-31');
  });
  it('two-digit years', () => {
    expect(parseDate('01.02.03', 'ru')).toBe('2003-02-01');
    expect(parseDate('01.02.85', 'ru')).toBe('1985-02-01');
  });
  it('impossible or unreadable dates are refused, blank clears', () => {
    expect(parseDate('31.02.2024', 'ru')).toBeUndefined();
    expect(parseDate('2023-02-29', 'en')).toBeUndefined();
    expect(parseDate('yesterday', 'en')).toBeUndefined();
    expect(parseDate('12.2024', 'ru')).toBeUndefined();
    expect(parseDate('', 'ru')).toBeNull();
  });
});

describe('card input: what is stored for each field type', () => {
  it('an invalid e-mail is refused and a valid one is stored trimmed', () => {
    expect(parseInput('email', 'ivan@', 'en')).toEqual({ ok: false, error: 'email' });
    expect(parseInput('emails', ' ivan@mail.ru ', 'en')).toEqual({ ok: true, value: 'ivan@mail.ru' });
  });
  it('phones are stored as typed, not reformatted', () => {
    expect(parseInput('phones', '+40 (722) 000-111 ext. 5', 'en')).toEqual({ ok: true, value: '+40 (722) 000-111 ext. 5' });
    expect(parseInput('phone', 'call me', 'en')).toEqual({ ok: false, error: 'phone' });
  });
  it('text keeps its inner spacing and case', () => {
    expect(parseInput('text', 'SRL  "Ștefănescu"', 'ro')).toEqual({ ok: true, value: 'SRL  "Ștefănescu"' });
  });
  it('money and number parse in the locale; a bad number is refused', () => {
    expect(parseInput('money', '1 234,56', 'ru')).toEqual({ ok: true, value: 1234.56 });
    expect(parseInput('number', 'lots', 'ru')).toEqual({ ok: false, error: 'number' });
  });
  it('a bad date or link is refused', () => {
    expect(parseInput('date', '32.01.2024', 'ru')).toEqual({ ok: false, error: 'date' });
    expect(parseInput('link', 'not a site', 'en')).toEqual({ ok: false, error: 'link' });
    expect(parseInput('link', 'firma.ro', 'en')).toEqual({ ok: true, value: 'firma.ro' });
  });
  it('blank input clears any field', () => {
    expect(parseInput('email', '  ', 'en')).toEqual({ ok: true, value: null });
  });
  it('tags split on commas, blanks and repeats dropped', () => {
    expect(parseTags('vip, wholesale,, vip ,')).toEqual(['vip', 'wholesale']);
  });
});

describe('card: birthday with age shown', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1980-06-15', new Date(2024, 5, 14))).toBe(43);
    expect(ageOn('1980-06-15', new Date(2024, 5, 15))).toBe(44);
  });
  it('no age for a future or unreadable date', () => {
    expect(ageOn('2030-01-01', new Date(2024, 0, 1))).toBeNull();
    expect(ageOn('15.06.1980', new Date(2024, 0, 1))).toBeNull();
  });
});
