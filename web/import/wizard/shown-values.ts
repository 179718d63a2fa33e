/**
 * Stored values as the preview and the duplicates list show them: exactly what the record gets,
 * kinds of phones and e-mails in brackets, new custom fields marked. Pure: labels come from the caller.
 */
import type { FieldValue } from '../../schema/fields';
import type { ImportRecord } from '../import-record';
import { NEW_FIELD_PREFIX } from '../import-record';

/** A stored value as one line of text (`+40 722 (mobile); 0722 (work)`). */
export function shownValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return (value as (string | { kind: string; value: string })[]).map((entry) => (typeof entry === 'string' ? entry : `${entry.value} (${entry.kind})`)).join('; ');
  return String(value);
}

/** The value keys the preview's columns show, in mapping order, first seen first. */
export function previewKeys(records: readonly ImportRecord[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (key: string) => {
    if (!seen.has(key)) keys.push(key), seen.add(key);
  };
  for (const record of records) {
    for (const key of Object.keys(record.values)) add(key);
    if (record.orgName) add(ORG_NAME_KEY);
  }
  return keys;
}

/** The pseudo-key of a person's organization name (linked or created when stored). */
export const ORG_NAME_KEY = '\u0000orgName';

/** The value a record shows under a preview key. */
export function previewValue(record: ImportRecord, key: string): string {
  return key === ORG_NAME_KEY ? record.orgName ?? '' : shownValue(record.values[key]);
}

/** Whether a key names a custom field the import creates, and its label. */
export function newFieldLabel(key: string): string | null {
  return key.startsWith(NEW_FIELD_PREFIX) ? key.slice(NEW_FIELD_PREFIX.length) : null;
}
