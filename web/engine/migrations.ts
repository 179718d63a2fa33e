/**
 * Schema versions of the base and the migrations between them. A base written by an older app
 * opens in a newer one with nothing lost: each migration moves data, never drops it.
 * Migrations run inside the caller's transaction (SYSTEM_ORIGIN: stored, synced, not undoable).
 *
 * Versions:
 *   1 — the prototype: a record held one `phone` and one `email` string, as an Excel list does
 *       (often several numbers typed into one cell: "0722 111 222; 021 333 44 55").
 *   2 — phones and e-mails are lists of {kind, value} (`phones`, `emails`) so a person's mobile,
 *       work and home numbers are told apart. Field settings a company made for the old single
 *       fields (label, hidden, order) move to the list fields.
 *   3 — the Events and Tasks sections (built-in fields in code). A company that stored its own
 *       section order keeps it, with Events and Tasks placed right after Contacts.
 */
import * as Y from 'yjs';
import { fieldKey, orgFields, orgMeta, orgSections } from '../schema/org-doc';
import { SECTION_IDS, type KindedValue, type SectionId } from '../schema/fields';
import { bookRecords, META } from './rows';
import { emailKey, phoneKey } from '../search/normalize';

/** The schema version this app writes. */
export const SCHEMA_VERSION = 3;

/** Thrown when the base on this device was written by a newer app: it is left untouched. */
export class NewerSchemaError extends Error {
  /** The schema version found in the base. */
  readonly found: number;
  /** The newest schema version this app understands. */
  readonly supported: number;

  constructor(found: number, supported: number = SCHEMA_VERSION) {
    super(
      `This base was written by a newer version of Clientela (schema ${found}; this app reads up to ${supported}). ` +
        'It was not changed: update the app to open it.',
    );
    this.name = 'NewerSchemaError';
    this.found = found;
    this.supported = supported;
  }
}

/** One step from `from` to `from + 1` on the org document. */
export interface OrgMigration {
  from: number;
  describe: string;
  migrate(org: Y.Doc): void;
}

/** The single-value fields of schema 1 and the list fields of schema 2 that replace them. */
export const LIST_FIELD_RENAMES = [
  { from: 'phone', to: 'phones' },
  { from: 'email', to: 'emails' },
] as const;

/** The sections whose records had the single `phone` / `email` fields in schema 1. */
const SECTIONS_WITH_CONTACTS: SectionId[] = ['orgs', 'people'];

/** Every org migration, oldest first. */
export const ORG_MIGRATIONS: OrgMigration[] = [
  {
    from: 1,
    describe: 'field settings of phone/email move to the phones/emails lists',
    migrate(org) {
      const fields = orgFields(org);
      for (const section of SECTIONS_WITH_CONTACTS) {
        for (const { from, to } of LIST_FIELD_RENAMES) {
          const oldKey = fieldKey(section, from);
          const entry = fields.get(oldKey);
          // A company that set up both keeps the new one; the old entry stays (unknown keys are kept).
          if (!entry || fields.has(fieldKey(section, to))) continue;
          fields.set(fieldKey(section, to), entry.clone());
          fields.delete(oldKey);
        }
      }
    },
  },
  {
    from: 2,
    describe: 'events and tasks sections: a stored section order makes room for them after contacts',
    migrate(org) {
      placeNewSectionsAfter(org, 'people', ['events', 'tasks']);
    },
  },
];

/**
 * Gives sections new to this schema an order right after `anchor` when the company stored its
 * own order (readSections falls back to the default position, which would collide with a
 * stored one). Sections already configured are left as they are.
 */
function placeNewSectionsAfter(org: Y.Doc, anchor: SectionId, added: SectionId[]): void {
  const sections = orgSections(org);
  const storedOrder = (id: string): number | undefined => {
    const order = sections.get(id)?.get('order');
    return typeof order === 'number' ? order : undefined;
  };
  const fresh = added.filter((id) => storedOrder(id) === undefined);
  const ordered = [...sections.keys()].filter((id) => storedOrder(id) !== undefined);
  if (fresh.length === 0 || ordered.length === 0) return;
  const anchorOrder = storedOrder(anchor) ?? SECTION_IDS.indexOf(anchor);
  for (const id of ordered) {
    const order = storedOrder(id)!;
    if (order > anchorOrder) sections.get(id)!.set('order', order + fresh.length);
  }
  fresh.forEach((id, index) => {
    let entry = sections.get(id);
    if (!entry) {
      entry = new Y.Map<unknown>();
      sections.set(id, entry);
    }
    entry.set('order', anchorOrder + 1 + index);
  });
}

/** The schema version stored in the org document (a base without one is the current version). */
export function orgSchemaVersion(org: Y.Doc): number {
  const stored = orgMeta(org).get('schemaVersion');
  return typeof stored === 'number' ? stored : SCHEMA_VERSION;
}

/** Throws NewerSchemaError when the org document was written by a newer app. */
export function assertSchemaReadable(org: Y.Doc): void {
  const version = orgSchemaVersion(org);
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
}

/**
 * Brings the org document up to SCHEMA_VERSION and returns how many steps ran (0 when it was
 * current). A newer document is left untouched (the engine refuses to open it first).
 */
export function migrateOrgDoc(org: Y.Doc): number {
  const meta = orgMeta(org);
  let version = orgSchemaVersion(org);
  let steps = 0;
  for (const migration of ORG_MIGRATIONS) {
    if (migration.from !== version || version >= SCHEMA_VERSION) continue;
    migration.migrate(org);
    version = migration.from + 1;
    meta.set('schemaVersion', version);
    steps++;
  }
  return steps;
}

/**
 * Brings the records of a book document up to SCHEMA_VERSION when it is loaded. It looks at
 * each record, not at a version mark, so a record written later by an old app (through the
 * relay) is converted too; a record already in the new shape is not touched.
 */
export function migrateBookDoc(book: Y.Doc): void {
  bookRecords(book).forEach((record) => {
    const section = record.get(META.section);
    if (typeof section !== 'string' || !(SECTIONS_WITH_CONTACTS as string[]).includes(section)) return;
    for (const { from, to } of LIST_FIELD_RENAMES) {
      if (record.has(from)) moveToList(record, from, to, defaultKind(section as SectionId));
    }
  });
}

/** The kind given to a number or address whose kind schema 1 did not record. */
function defaultKind(section: SectionId): string {
  // An organization's number is its office number; a person's could be any of theirs.
  return section === 'orgs' ? 'work' : 'other';
}

/**
 * Moves a single-value field into a list field. A string is split where a person typed
 * several values into one cell; values already in the list are not added twice. A value that
 * is neither text nor a number (written by something we do not know) is kept under its old key.
 */
function moveToList(record: Y.Map<unknown>, from: string, to: 'phones' | 'emails', kind: string): void {
  const stored = record.get(from);
  // Spreadsheets often hold a phone number as a number (its leading zero already lost).
  const old = typeof stored === 'number' && Number.isFinite(stored) ? String(stored) : stored;
  if (typeof old !== 'string') return;
  const existing = record.get(to);
  if (existing !== undefined && !isKindedList(existing)) return;
  const list: KindedValue[] = existing ? [...existing] : [];
  const known = new Set(list.map((entry) => sameValueKey(to, entry.value)));
  for (const value of splitCell(old, to)) {
    const key = sameValueKey(to, value);
    if (known.has(key)) continue;
    known.add(key);
    list.push({ kind, value });
  }
  if (list.length > 0) record.set(to, list);
  record.delete(from);
}

/** The values typed into one spreadsheet cell: split on `;`, `,` and line breaks (and spaces for e-mails). */
export function splitCell(cell: string, list: 'phones' | 'emails'): string[] {
  const separators = list === 'emails' ? /[;,\n\r\s]+/ : /[;,\n\r]+/;
  return cell
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Same number or address whatever its formatting (the duplicate check's keys). */
function sameValueKey(list: 'phones' | 'emails', value: string): string {
  return list === 'phones' ? phoneKey(value) || value : emailKey(value);
}

function isKindedList(value: unknown): value is KindedValue[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && typeof (entry as KindedValue).value === 'string');
}
