/** Dates and times of the account pages in the UI language. */

/** A moment (ms since epoch) as a medium date and short time in `language`. */
export function formatMoment(language: string, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}
