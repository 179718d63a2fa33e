import { describe, expect, it } from 'vitest';
import { defaultDelimiter, initialChoices, printLandscape, reconcileChoices, vcardAvailable } from './export-options';

describe('export dialog rules', () => {
  it('the CSV delimiter defaults to ; where the locale has a decimal comma, else ,', () => {
    expect(defaultDelimiter('en')).toBe(',');
    expect(defaultDelimiter('ro')).toBe(';');
    expect(defaultDelimiter('ru')).toBe(';');
    expect(defaultDelimiter('es')).toBe(';');
    expect(defaultDelimiter('de-DE')).toBe(';');
  });

  it('starts with XLSX, and with the selected rows when some are selected', () => {
    expect(initialChoices('en', 0)).toEqual({ format: 'xlsx', delimiter: ',', scope: 'view', vcardVersion: '3.0' });
    expect(initialChoices('ru', 5).scope).toBe('selected');
  });

  it('vCard only for people and organizations; "selected" only with a selection', () => {
    expect(vcardAvailable('people')).toBe(true);
    expect(vcardAvailable('orgs')).toBe(true);
    expect(vcardAvailable('notes')).toBe(false);
    const choices = { format: 'vcard' as const, delimiter: ',' as const, scope: 'selected' as const, vcardVersion: '4.0' as const };
    expect(reconcileChoices(choices, 'links', 0)).toEqual({ ...choices, format: 'xlsx', scope: 'view' });
    expect(reconcileChoices(choices, 'people', 2)).toBe(choices);
  });

  it('wide lists print in landscape', () => {
    expect(printLandscape(6)).toBe(false);
    expect(printLandscape(7)).toBe(true);
  });
});
