/**
 * The new value types of events and tasks as plain text and back, the same in every language:
 * what exports write and imports read (`YYYY-MM-DD HH:mm`, minutes, `[x] item; [ ] item`).
 */
import type { KindedValue } from './fields';
import { instantFromLocal, isInstant, localDateTimeText, parseInstantText } from './datetime';

/** Marks of a ticked and an open checklist item in text (as Markdown task lists write them). */
const DONE_MARK = '[x] ';
const OPEN_MARK = '[ ] ';

/** A checklist as one line: `[x] Call back; [ ] Send offer`. */
export function checklistText(items: readonly KindedValue[]): string {
  return items.map((item) => `${item.kind === 'done' ? DONE_MARK : OPEN_MARK}${item.value}`).join('; ');
}

/**
 * A checklist from text: items separated by `;` or line breaks, `[x]` ticked, `[ ]` or no mark
 * open. Blank items are dropped; no items gives null.
 */
export function parseChecklistText(text: string): KindedValue[] | null {
  const items: KindedValue[] = [];
  for (const part of text.split(/[;\n\r]+/)) {
    const match = /^\s*(?:\[([ xX✓])\]\s*)?(.*?)\s*$/.exec(part)!;
    if (!match[2]) continue;
    items.push({ kind: match[1] && match[1] !== ' ' ? 'done' : 'open', value: match[2] });
  }
  return items.length ? items : null;
}

/** An instant as export text (local `YYYY-MM-DD HH:mm`); '' for a value that holds no instant. */
export function instantText(value: unknown): string {
  return isInstant(value) ? localDateTimeText(value) : '';
}

/** Days between 1899-12-30 (Excel's day 0) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * The instant a spreadsheet or CSV cell holds: text such as `2026-11-25 14:30` or an ISO string,
 * a `YYYY-MM-DD` day read by the importer (local midnight), or an Excel serial (days with a
 * fraction of a day, local wall time). Null when the cell holds none of these.
 */
export function instantFromCell(text: string, day: string | null, serial: number | null): number | null {
  const fromText = parseInstantText(text);
  if (fromText !== null) return fromText;
  if (serial !== null && Number.isFinite(serial) && serial >= 1 && serial < 2958466) {
    // Serials are wall-clock time: read them as UTC, then take that wall time locally.
    const wall = new Date(Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400_000));
    const date = `${wall.getUTCFullYear()}-${String(wall.getUTCMonth() + 1).padStart(2, '0')}-${String(wall.getUTCDate()).padStart(2, '0')}`;
    return instantFromLocal(date, `${wall.getUTCHours()}:${String(wall.getUTCMinutes()).padStart(2, '0')}`);
  }
  return day ? instantFromLocal(day, '00:00') : null;
}

/** Reminder minutes from text: a whole number, 0 or more; null otherwise. */
export function parseReminderText(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}
