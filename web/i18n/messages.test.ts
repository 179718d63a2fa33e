import { describe, expect, it } from 'vitest';
import { LANGUAGES, pickLanguage } from './i18n';
import { en } from './messages/en';

describe('i18n: message files', () => {
  for (const { code, messages } of LANGUAGES) {
    it(`${code} has every key of en, none empty, with the same placeholders`, () => {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(messages[key], `${code}: ${key}`).toBeTruthy();
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(messages[key]), `${code}: ${key}`).toEqual(placeholders(en[key]));
      }
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });
  }

  it('the browser language picks the UI language, English when none matches', () => {
    expect(pickLanguage(['ro-RO', 'en-US'])).toBe('ro');
    expect(pickLanguage(['de-DE', 'ru'])).toBe('ru');
    expect(pickLanguage(['de-DE'])).toBe('en');
  });
});
