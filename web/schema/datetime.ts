/**
 * Instants (datetime fields: epoch milliseconds) and the local calendar they are shown in, and
 * dates without a year (`--MM-DD`, a birthday whose year nobody knows; ISO 8601 / vCard 4 form).
 * No UI language here: exports and filters use these plain forms.
 */

/** A date without a year, as stored: `--MM-DD`. */
export const YEARLESS_DATE = /^--(\d{2})-(\d{2})$/;

/** Two digits, as dates and times are written. */
function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Whether a value is a stored instant (finite epoch milliseconds). */
export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The local calendar day of an instant, `YYYY-MM-DD` (what date filters compare with). */
export function localDayKey(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** The local time of day of an instant, `HH:mm` (24-hour, as a time input holds it). */
export function localTimeText(ms: number): string {
  const date = new Date(ms);
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** An instant as local `YYYY-MM-DD HH:mm`: the form CSV and spreadsheet exports write. */
export function localDateTimeText(ms: number): string {
  return `${localDayKey(ms)} ${localTimeText(ms)}`;
}

/**
 * The instant of a local date (`YYYY-MM-DD`) and time (`HH:mm`, blank = midnight), or null when
 * either is not a real date or time.
 */
export function instantFromLocal(day: string, time: string): number | null {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  const timeMatch = /^(\d{1,2}):(\d{2})$/.exec(time.trim() || '00:00');
  if (!dayMatch || !timeMatch) return null;
  const [year, month, date] = [Number(dayMatch[1]), Number(dayMatch[2]), Number(dayMatch[3])];
  const [hours, minutes] = [Number(timeMatch[1]), Number(timeMatch[2])];
  if (hours > 23 || minutes > 59) return null;
  const instant = new Date(year, month - 1, date, hours, minutes);
  if (instant.getFullYear() !== year || instant.getMonth() !== month - 1 || instant.getDate() !== date) return null;
  return instant.getTime();
}

/** The first instant of a local day `YYYY-MM-DD` (null when it is no date). */
export function startOfLocalDay(day: string): number | null {
  return instantFromLocal(day, '00:00');
}

/**
 * An instant typed or imported as text: `YYYY-MM-DD HH:mm[:ss]`, `YYYY-MM-DDTHH:mm` (local),
 * or a full ISO string with a zone. Returns null when the text is none of these.
 */
export function parseInstantText(text: string): number | null {
  const s = text.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(s) && /^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : null;
  }
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  return match ? instantFromLocal(match[1], match[2] ?? '') : null;
}

/** The month and day of a `--MM-DD` value (null when it is not one, or no such day exists in a leap year). */
export function yearlessParts(value: string): { month: number; day: number } | null {
  const match = YEARLESS_DATE.exec(value);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  // 2000 is a leap year: 29 February is a valid birthday.
  const check = new Date(Date.UTC(2000, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { month, day };
}

/** A `--MM-DD` value from a month and day (null when no such day exists). */
export function yearlessDate(month: number, day: number): string | null {
  const value = `--${two(month)}-${two(day)}`;
  return yearlessParts(value) ? value : null;
}
