/** The currencies offered for money fields: the ones our users' companies work in. */

/** ISO 4217 codes shown in the currency picker, most used first. */
export const CURRENCIES = [
  'EUR', 'USD', 'GBP', 'CHF', 'RON', 'MDL', 'UAH', 'RUB', 'BYN', 'KZT', 'PLN', 'CZK', 'HUF', 'BGN',
  'TRY', 'MXN', 'ARS', 'COP', 'CLP', 'PEN', 'BRL', 'UYU', 'BOB', 'PYG', 'VES', 'DOP', 'GTQ',
  'CAD', 'AUD', 'JPY', 'CNY', 'INR',
] as const;

/** The picker's codes: the list plus the company's current code when it is not in it. */
export function currencyChoices(current: string): string[] {
  const codes: string[] = [...CURRENCIES];
  return codes.includes(current) ? codes : [current, ...codes];
}

/** "EUR — Euro" in the given locale (just the code where the browser has no name for it). */
export function currencyLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
