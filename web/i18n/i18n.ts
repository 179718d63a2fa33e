/**
 * The UI language and locale formatting. One message file per language (messages/*.ts);
 * adding a language is adding a file and a line in LANGUAGES.
 */
import { createSignal } from 'solid-js';
import { en, type MessageKey, type Messages } from './messages/en';
import { es } from './messages/es';
import { ro } from './messages/ro';
import { ru } from './messages/ru';

/** The languages of the UI, with their own names. */
export const LANGUAGES = [
  { code: 'en', name: 'English', messages: en as Messages },
  { code: 'es', name: 'Español', messages: es },
  { code: 'ro', name: 'Română', messages: ro },
  { code: 'ru', name: 'Русский', messages: ru },
] as const;

/** A UI language code. */
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'clientela.language';

/** The best UI language for a list of browser languages (navigator.languages), English last. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((language) => language.code === base);
    if (match) return match.code;
  }
  return 'en';
}

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored && LANGUAGES.some((language) => language.code === stored)) return stored as Language;
  return pickLanguage(typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : []);
}

const [language, setLanguageSignal] = createSignal<Language>(initialLanguage());

/** The current UI language (reactive). */
export { language };

/** Changes the UI language and remembers it on this device. */
export function setLanguage(code: Language): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, code);
  if (typeof document !== 'undefined') document.documentElement.lang = code;
  setLanguageSignal(code);
}

/** The translated message for `key`, with `{param}` placeholders filled (reactive). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const messages = LANGUAGES.find((entry) => entry.code === language())!.messages;
  const text = messages[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether a string is a message key (for labels stored as keys). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

const collators = new Map<string, Intl.Collator>();

/** The collator of the current language: sorting follows the UI language's rules. */
export function collator(): Intl.Collator {
  const code = language();
  let found = collators.get(code);
  if (!found) {
    found = new Intl.Collator(code, { sensitivity: 'base', numeric: true });
    collators.set(code, found);
  }
  return found;
}

/** A number in the current locale. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language(), options).format(value);
}

/** An amount of money in the current locale and the company's currency. */
export function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(language(), { style: 'currency', currency }).format(value);
}

/** A `YYYY-MM-DD` date in the current locale; other strings are returned as they are. */
export function formatDate(value: string): string {
  const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
  // A birthday whose year nobody knows: "24 Mar", without a year.
  if (yearless) return new Intl.DateTimeFormat(language(), { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(Date.UTC(2000, Number(yearless[1]) - 1, Number(yearless[2]))));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language(), { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
