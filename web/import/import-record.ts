/** The record an import produces from one row or vCard, before it is stored. */
import type { FieldValues } from '../engine/commands';
import type { KindedValue, SectionId } from '../schema/fields';
import type { ImportProblem } from './problems';

/** Prefix of a value key that names a custom field the import creates (`+Label`). */
export const NEW_FIELD_PREFIX = '+';

/** One record read from a file. */
export interface ImportRecord {
  /** 1-based number of the row (after the header) or vCard in the file. */
  record: number;
  /** Physical line it starts on (1-based); for spreadsheets the sheet row. */
  line: number;
  section: SectionId;
  /** Values by field id; `+Label` keys are custom fields created by the import. */
  values: FieldValues;
  /** For people: the organization they work at, linked to an existing one or created. */
  orgName?: string;
  /** Photo bytes for the blob store (the photo field gets their hash). */
  photo?: { bytes: Uint8Array; type: string };
  /** Set when the record cannot be imported as written (it is skipped with this reason). */
  problem?: ImportProblem;
  /** Its duplicate keys (web/import/duplicate-keys.ts), when the import worker computed them. */
  keys?: string[];
}

/** Appends a `Label: value` line to a record's notes (what has no field of its own is kept). */
export function appendNote(values: FieldValues, field: string, label: string, value: string): void {
  const line = label ? `${label}: ${value}` : value;
  const current = values[field];
  values[field] = typeof current === 'string' && current ? `${current}\n${line}` : line;
}

const PERSON_ONLY_FIELDS = new Set(['firstName', 'lastName', 'position', 'birthday', 'homeAddress', 'regAddress', 'accounts', 'org', 'photo', 'hobbies']);

/**
 * A person record that names no person, only an organization (a vCard with just ORG, a
 * company row of an Outlook export), as an organization record with the same data; what an
 * organization has no field for goes to its notes.
 */
export function personToOrganization(person: ImportRecord, name: string, label: (key: string) => string): ImportRecord {
  const values: FieldValues = Object.fromEntries(Object.entries(person.values).filter(([field]) => !PERSON_ONLY_FIELDS.has(field)));
  values.name = name;
  if (person.values.homeAddress) values.address = person.values.homeAddress;
  if (person.values.position) appendNote(values, 'notes', label('title'), String(person.values.position));
  if (person.values.birthday) appendNote(values, 'notes', label('birthday'), String(person.values.birthday));
  if (person.values.hobbies) appendNote(values, 'notes', label('hobbies'), String(person.values.hobbies));
  for (const account of (person.values.accounts as KindedValue[] | undefined) ?? []) appendNote(values, 'notes', account.kind, account.value);
  return { record: person.record, line: person.line, section: 'orgs', values };
}
