import { describe, expect, it } from 'vitest';
import { canHideSection, checkSectionName } from './section-rules';
import { currencyChoices, currencyLabel, CURRENCIES } from './currencies';

describe('hiding sections', () => {
  it('allows hiding a section while another stays visible', () => {
    expect(canHideSection([{ id: 'orgs', hidden: false }, { id: 'links', hidden: false }], 'links')).toBe(true);
  });
  it('refuses hiding the last visible section', () => {
    expect(canHideSection([{ id: 'orgs', hidden: false }, { id: 'links', hidden: true }, { id: 'notes', hidden: true }], 'orgs')).toBe(false);
  });
});

describe('section names', () => {
  it('allows an empty name (restores the default)', () => {
    expect(checkSectionName('  ', ['Contacts'])).toBeNull();
  });
  it('refuses the name another section shows, ignoring case and accents', () => {
    expect(checkSectionName('contacts', ['Contacts', 'Notes'])).toBe('duplicateName');
    expect(checkSectionName('Organizații', ['Organizatii'])).toBe('duplicateName');
  });
  it('accepts a new name', () => {
    expect(checkSectionName('Clients', ['Contacts', 'Notes', 'Links'])).toBeNull();
  });
});

describe('currencies', () => {
  it('offers the currencies of our users, each an ISO 4217 code once', () => {
    for (const code of ['EUR', 'USD', 'RON', 'RUB', 'MDL', 'UAH', 'GBP', 'CHF', 'PLN', 'MXN', 'ARS', 'COP', 'CLP', 'PEN']) expect(CURRENCIES).toContain(code);
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    for (const code of CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
  });
  it('keeps a current currency that is not in the list', () => {
    expect(currencyChoices('NZD')[0]).toBe('NZD');
    expect(currencyChoices('EUR')).toEqual([...CURRENCIES]);
  });
  it('names a currency in the UI language', () => {
    expect(currencyLabel('EUR', 'en')).toBe('EUR — Euro');
    expect(currencyLabel('RON', 'ro')).toMatch(/^RON — leu/i);
  });
});
