/**
 * Plural forms without a plural-aware i18n helper: each counted message has the keys
 * `<base>.one|few|many|other` in every language, and Intl.PluralRules picks the form.
 */
import type { MessageKey } from '../i18n/messages/en';

/** The CLDR plural categories our messages carry (zero and two fall back to other). */
export type PluralForm = 'one' | 'few' | 'many' | 'other';

const rulesByLanguage = new Map<string, Intl.PluralRules>();

/** The plural form of `count` in `language` (Russian 21 → one, 22 → few, 25 → many). */
export function pluralForm(language: string, count: number): PluralForm {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesByLanguage.set(language, rules);
  }
  const form = rules.select(count);
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
}

/** The counted messages, by their base key. */
export type CountedBase = 'account.status.pending' | 'account.status.fetching';

/** The key of the right plural form of a counted message. */
export function pluralKey(base: CountedBase, language: string, count: number): MessageKey {
  return `${base}.${pluralForm(language, count)}`;
}
