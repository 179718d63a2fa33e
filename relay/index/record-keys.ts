/**
 * What the relay indexes of one record: duplicate-check keys (normalized exactly as the app does, via
 * web/search/normalize.ts) and the blob hashes it references. Never any field value in readable form
 * leaves through these keys: the duplicate check answers only with the book owner's name.
 */
import * as Y from 'yjs';
import { emailKey, foldText, nameKey, phoneKey } from '../../web/search/normalize';

/** One duplicate-check key of a record. */
export interface RecordKey {
  kind: 'phone' | 'email' | 'taxId' | 'name' | 'city';
  key: string;
}

/** The index entries of one record. */
export interface RecordEntries {
  keys: RecordKey[];
  blobs: string[];
}

/** A blob reference: the lower-case hex SHA-256 of its bytes. */
export const BLOB_HASH = /^[0-9a-f]{64}$/;

/** A tax id for comparison: folded, only letters and digits, a leading country prefix (`RO 123` → `123`) dropped. */
export function taxIdKey(taxId: string): string {
  const compact = foldText(taxId).replace(/[^a-z0-9]/g, '');
  const withoutCountry = /^[a-z]{2}(\d+)$/.exec(compact);
  return withoutCountry ? withoutCountry[1] : compact;
}

/** A city for narrowing name matches (folded, spaces collapsed). */
export function cityKey(city: string): string {
  return foldText(city).replace(/\s+/g, ' ').trim();
}

/** Record fields the duplicate-check keys are read from (besides blob references, which any field may hold). */
const KEY_FIELDS = new Set(['$deleted', '$section', 'phones', 'emails', 'taxId', 'name', 'firstName', 'lastName', 'city']);

/**
 * Whether setting `field` of a record from `oldValue` to `newValue` may change its index entries: a key
 * field, or a value that is or may hold a blob reference. Most edits (notes, `$updated`, `$by`, revenue)
 * change neither, so the relay need not re-index the record.
 */
export function fieldChangeAffectsEntries(field: string, oldValue: unknown, newValue: unknown): boolean {
  if (KEY_FIELDS.has(field)) return true;
  if (field.startsWith('$')) return false;
  return mayHoldBlob(oldValue) || mayHoldBlob(newValue);
}

function mayHoldBlob(value: unknown): boolean {
  if (typeof value === 'string') return BLOB_HASH.test(value);
  return value !== null && typeof value === 'object';
}

/** The index entries of a record map; trashed records (`$deleted` set) keep their blobs but no duplicate keys. */
export function recordEntries(record: Y.Map<unknown>): RecordEntries {
  const blobs = new Set<string>();
  for (const [field, value] of record.entries()) {
    if (!field.startsWith('$')) collectBlobs(value instanceof Y.AbstractType ? value.toJSON() : value, blobs, 0);
  }
  if (record.get('$deleted') !== undefined) return { keys: [], blobs: [...blobs] };
  const keys: RecordKey[] = [];
  const add = (kind: RecordKey['kind'], key: string) => {
    if (key !== '' && !keys.some((k) => k.kind === kind && k.key === key)) keys.push({ kind, key });
  };
  for (const entry of kindedValues(record.get('phones'))) add('phone', phoneKey(entry));
  for (const entry of kindedValues(record.get('emails'))) add('email', emailKey(entry));
  const text = (field: string) => {
    const value = record.get(field);
    return typeof value === 'string' ? value : '';
  };
  add('taxId', taxIdKey(text('taxId')));
  const section = record.get('$section');
  if (section === 'orgs') add('name', nameKey(text('name')));
  else if (section === 'people') add('name', nameKey(`${text('firstName')} ${text('lastName')}`));
  add('city', cityKey(text('city')));
  return { keys, blobs: [...blobs] };
}

function kindedValues(value: unknown): string[] {
  const list = value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') out.push(entry);
    else if (entry && typeof entry === 'object' && typeof (entry as { value?: unknown }).value === 'string') out.push((entry as { value: string }).value);
  }
  return out;
}

function collectBlobs(value: unknown, into: Set<string>, depth: number): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    if (BLOB_HASH.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectBlobs(item, into, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectBlobs(item, into, depth + 1);
  }
}
