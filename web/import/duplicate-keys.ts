/**
 * Duplicate detection at import scale: the same rules as the card's warning (normalized phone,
 * e-mail, tax id, name + city; see web/duplicates/find-duplicates.ts) but through hash maps
 * from key to record, so 100,000 rows against a base of 100,000 stay linear.
 */
import { displayName, type DuplicateReason } from '../duplicates/find-duplicates';
import type { Row } from '../engine/rows';
import type { FieldValue, KindedValue, SectionId } from '../schema/fields';
import { emailKey, foldText, nameKey, phoneKey } from '../search/normalize';

/** The comparison keys of a record, each prefixed with its reason (`phone:722000111`). */
export function duplicateKeys(section: SectionId, values: Record<string, FieldValue>): string[] {
  const keys: string[] = [];
  for (const phone of entries(values.phones)) {
    const key = phoneKey(phone);
    if (key.length >= 6) keys.push(`phone:${key}`);
  }
  for (const email of entries(values.emails)) {
    const key = emailKey(email);
    if (key) keys.push(`email:${key}`);
  }
  if (typeof values.taxId === 'string' && values.taxId.trim()) keys.push(`taxId:${values.taxId.replace(/\s+/g, '').toLowerCase()}`);
  const name = nameKey(displayName(section, values));
  if (name) keys.push(`nameCity:${name}|${foldText(String(values.city ?? '').trim())}`);
  return keys;
}

/** The reason a key stands for. */
export function reasonOf(key: string): DuplicateReason {
  return key.slice(0, key.indexOf(':')) as DuplicateReason;
}

/** Key → the first record holding it, for one section. */
export class DuplicateIndex<T> {
  private readonly byKey = new Map<string, T>();

  /** Adds a record's keys (earlier records keep a key they already hold). */
  add(keys: string[], owner: T): void {
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, owner);
  }

  /** The records matching any of the keys, with the reasons, strongest (most reasons) first. */
  match(keys: string[]): { owner: T; reasons: DuplicateReason[] }[] {
    if (!keys.some((key) => this.byKey.has(key))) return [];
    const found = new Map<T, DuplicateReason[]>();
    for (const key of keys) {
      const owner = this.byKey.get(key);
      if (owner === undefined) continue;
      const reasons = found.get(owner) ?? [];
      const reason = reasonOf(key);
      if (!reasons.includes(reason)) reasons.push(reason);
      found.set(owner, reasons);
    }
    return [...found].map(([owner, reasons]) => ({ owner, reasons })).sort((a, b) => b.reasons.length - a.reasons.length);
  }
}

/** An index of the base's live records of a section, by record id. */
export function indexBase(rows: Iterable<Row>, section: SectionId): DuplicateIndex<string> {
  const index = new DuplicateIndex<string>();
  for (const row of rows) if (row.section === section && !row.deleted) index.add(duplicateKeys(section, row.v), row.id);
  return index;
}

function entries(value: FieldValue | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [value] : [];
  return (value as (string | KindedValue)[]).map((entry) => (typeof entry === 'string' ? entry : entry.value)).filter(Boolean);
}
