import { describe, expect, it } from 'vitest';
import { generateOrganizations, seededRandom, slug } from './generate';
import type { KindedValue } from '../web/schema/fields';

const CYRILLIC = /[\u0400-\u04ff]/;
const ROMANIAN_MARKS = /[ăâîșțĂÂÎȘȚ]/;
const SPANISH_MARKS = /[áéíóúñÁÉÍÓÚÑ]/;

describe('seeded base generator', () => {
  it('gives the same base for the same seed', () => {
    expect(generateOrganizations(500, 42)).toEqual(generateOrganizations(500, 42));
  });

  it('gives a different base for another seed', () => {
    expect(generateOrganizations(50, 1)).not.toEqual(generateOrganizations(50, 2));
  });

  it('a longer base starts with the shorter one (sizes are comparable)', () => {
    expect(generateOrganizations(1000, 7).slice(0, 100)).toEqual(generateOrganizations(100, 7));
  });

  it('the random source stays in range', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      expect(random.int(7)).toBeLessThan(7);
    }
  });

  const base = generateOrganizations(2000, 42);
  const names = base.map((record) => String(record.name));
  const share = (predicate: (record: (typeof base)[number]) => boolean) => base.filter(predicate).length / base.length;

  it('writes names in Romanian, Spanish and Russian (diacritics and Cyrillic)', () => {
    expect(names.filter((name) => CYRILLIC.test(name)).length / names.length).toBeGreaterThan(0.2);
    expect(names.some((name) => ROMANIAN_MARKS.test(name))).toBe(true);
    expect(names.some((name) => SPANISH_MARKS.test(name))).toBe(true);
    expect(base.some((record) => record.city === 'Iași')).toBe(true);
  });

  it('types some values without accents or in capitals, as Excel users do', () => {
    expect(base.some((record) => record.city === 'Iasi')).toBe(true);
    expect(names.some((name) => name.length > 3 && name === name.toUpperCase())).toBe(true);
  });

  it('writes phone numbers in messy real-world formats', () => {
    const phones = base.flatMap((record) => ((record.phones as KindedValue[] | undefined) ?? []).map((phone) => phone.value));
    expect(phones.some((phone) => /^\+40 \(7\d\d\) \d{3}-\d{3}$/.test(phone))).toBe(true);
    expect(phones.some((phone) => /^8 \(495\) \d{3}-\d\d-\d\d$/.test(phone))).toBe(true);
    expect(phones.some((phone) => /^07\d\d\.\d{3}\.\d{3}$/.test(phone))).toBe(true);
    expect(phones.every((phone) => phone.replace(/\D/g, '').length >= 9)).toBe(true);
  });

  it('fills the fields lists sort, filter and total on', () => {
    expect(share((record) => typeof record.revenue === 'number')).toBeGreaterThan(0.8);
    expect(share((record) => Array.isArray(record.emails))).toBeGreaterThan(0.7);
    expect(share((record) => typeof record.notes === 'string')).toBeGreaterThan(0.4);
    expect(new Set(base.map((record) => record.category))).toEqual(new Set(['key', 'regular', 'one-off']));
    expect(new Set(base.map((record) => record.manager)).size).toBeGreaterThanOrEqual(8);
    const revenues = base.map((record) => record.revenue).filter((value): value is number => typeof value === 'number');
    expect(revenues.every((value) => value > 0 && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6)).toBe(true);
    expect(Math.max(...revenues) / Math.min(...revenues)).toBeGreaterThan(100);
  });

  it('leaves blank fields out instead of storing empty values', () => {
    for (const record of base.slice(0, 200)) {
      for (const value of Object.values(record)) {
        expect(value === null || value === '' || (Array.isArray(value) && value.length === 0)).toBe(false);
      }
    }
  });

  it('e-mail addresses are plain ASCII, Cyrillic names transliterated', () => {
    const emails = base.flatMap((record) => ((record.emails as KindedValue[] | undefined) ?? []).map((email) => email.value));
    expect(emails.every((email) => /^[a-z0-9.]+@[a-z0-9.]+\.[a-z]+$/.test(email))).toBe(true);
    expect(slug('Фёдоров')).toBe('fedorov');
    expect(slug('Ștefănescu')).toBe('stefanescu');
  });
});
