/**
 * Duplicate warnings before saving a new record: same normalized phone, e-mail or tax id, or
 * the same name in the same city. Works on projection rows, so it needs no Yjs document.
 */
import type { Row } from '../engine/rows';
import type { FieldValue, KindedValue, SectionId } from '../schema/fields';
import { emailKey, foldText, nameKey, phoneKey } from '../search/normalize';

/** Why a record looks like a duplicate. */
export type DuplicateReason = 'phone' | 'email' | 'taxId' | 'nameCity';

/** An existing record that matches the one being added. */
export interface DuplicateMatch {
  recordId: string;
  reasons: DuplicateReason[];
}

/** Records of `section` that match `values` (trash excluded), strongest matches first. */
export function findDuplicates(rows: Iterable<Row>, section: SectionId, values: Record<string, FieldValue>, excludeId?: string): DuplicateMatch[] {
  // Two calls with the same subject are two calls: events and tasks are never duplicates.
  if (section === 'events' || section === 'tasks') return [];
  const phones = new Set(entries(values.phones).map(phoneKey).filter((key) => key.length >= 6));
  const emails = new Set(entries(values.emails).map(emailKey).filter(Boolean));
  const taxId = typeof values.taxId === 'string' ? values.taxId.replace(/\s+/g, '').toLowerCase() : '';
  const name = nameKey(displayName(section, values));
  const city = typeof values.city === 'string' ? foldText(values.city.trim()) : '';
  const matches: DuplicateMatch[] = [];
  for (const row of rows) {
    if (row.section !== section || row.deleted || row.id === excludeId) continue;
    const keys = keysOf(row);
    const reasons: DuplicateReason[] = [];
    if (phones.size && keys.phones.some((phone) => phones.has(phone))) reasons.push('phone');
    if (emails.size && keys.emails.some((email) => emails.has(email))) reasons.push('email');
    if (taxId && keys.taxId === taxId) reasons.push('taxId');
    if (name && keys.name === name && keys.city === city) reasons.push('nameCity');
    if (reasons.length) matches.push({ recordId: row.id, reasons });
  }
  return matches.sort((a, b) => b.reasons.length - a.reasons.length);
}

interface RowKeys {
  phones: string[];
  emails: string[];
  taxId: string;
  name: string;
  city: string;
}

// Rows are replaced, never mutated, on change: a row's keys can be cached by identity.
const keyCache = new WeakMap<Row, RowKeys>();

function keysOf(row: Row): RowKeys {
  let keys = keyCache.get(row);
  if (!keys) {
    keys = {
      phones: entries(row.v.phones).map(phoneKey),
      emails: entries(row.v.emails).map(emailKey),
      taxId: typeof row.v.taxId === 'string' ? row.v.taxId.replace(/\s+/g, '').toLowerCase() : '',
      name: nameKey(displayName(row.section, row.v)),
      city: foldText(String(row.v.city ?? '').trim()),
    };
    keyCache.set(row, keys);
  }
  return keys;
}

/**
 * Computes the comparison keys of a section's rows ahead of time (while the user fills the
 * new-record form), so the check on Save only compares. Keys stay cached per row object.
 */
export function warmDuplicateKeys(rows: Iterable<Row>, section: SectionId): void {
  for (const row of rows) if (row.section === section && !row.deleted) keysOf(row);
}

/** The name a record is known by: an organization's name, a person's first and last name, an event's subject. */
export function displayName(section: SectionId, values: Record<string, FieldValue>): string {
  if (section === 'people') return [values.firstName, values.lastName].filter((part) => typeof part === 'string' && part).join(' ');
  const title = section === 'orgs' ? values.name : section === 'events' ? values.subject : values.title;
  return typeof title === 'string' ? title : '';
}

function entries(value: FieldValue | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [value] : [];
  return (value as (string | KindedValue)[]).map((entry) => (typeof entry === 'string' ? entry : entry.value)).filter(Boolean);
}
