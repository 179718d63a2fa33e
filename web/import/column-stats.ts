/**
 * What a pass over the whole file learns about each column: sample values for the mapping
 * screen and the evidence for e-mails, phones, dates and numbers.
 */
import { addDateEvidence, newDateEvidence, type DateEvidence } from './dates';
import { addNumberEvidence, newNumberEvidence, type NumberEvidence } from './numbers';

/** A cell as readers give it: text from CSV, typed values from spreadsheets. */
export type Cell = null | string | number | boolean | { date: string };

/** Statistics of one column. */
export interface ColumnStats {
  header: string;
  /** Non-empty cells. */
  filled: number;
  /** Up to five distinct sample values, as text. */
  samples: string[];
  emails: number;
  phones: number;
  dates: DateEvidence;
  numbers: NumberEvidence;
}

/** Fresh statistics for a column. */
export function newColumnStats(header: string): ColumnStats {
  return { header, filled: 0, samples: [], emails: 0, phones: 0, dates: newDateEvidence(), numbers: newNumberEvidence() };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const AMOUNT = /^[-+]?[\d\s]+[.,]\d{1,2}$/;
const PHONE = /^\+?[\d\s().\-/]{6,}((ext\.?|x|доб\.?)\s*\d+)?$/i;

/** Whether a text looks like an e-mail address. */
export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** Whether a text looks like a phone number (at least 6 digits, phone punctuation only). */
export function looksLikePhone(text: string): boolean {
  const trimmed = text.trim();
  return PHONE.test(trimmed) && trimmed.replace(/\D/g, '').length >= 7 && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed);
}

/** A cell as the text a text field would store. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.date.slice(0, 10);
}

/** Adds one cell to its column's statistics. */
export function addCell(stats: ColumnStats, cell: Cell | undefined): void {
  const text = cellText(cell).trim();
  if (!text) return;
  stats.filled++;
  if (stats.samples.length < 5 && !stats.samples.includes(text)) stats.samples.push(text.length > 80 ? `${text.slice(0, 80)}…` : text);
  if (typeof cell === 'object' && cell !== null) {
    stats.dates.dates++;
    stats.dates.ymd++;
    return;
  }
  if (typeof cell === 'number') {
    stats.numbers.numbers++;
    return;
  }
  // Cheap first-character tests keep the regular expressions off most cells.
  const first = text.charCodeAt(0);
  const digitStart = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 40;
  if (text.includes('@')) {
    if (looksLikeEmail(text)) stats.emails++;
    return;
  }
  if (!digitStart) return;
  const datesBefore = stats.dates.dates;
  if (text.length <= 30) addDateEvidence(stats.dates, text);
  if (stats.dates.dates > datesBefore) return;
  // `24992.37`, `1 234,56`: one decimal mark and cents make an amount, never a phone.
  if (looksLikePhone(text) && !AMOUNT.test(text)) stats.phones++;
  addNumberEvidence(stats.numbers, text);
}
