/**
 * Commands: the only way the UI changes data. Each one is one Yjs transaction per document it
 * touches and one undo step (see Engine.run).
 */
import * as Y from 'yjs';
import { putBlob } from '../blobs/blob-store';
import { ReadOnlyError, type Engine, type UndoGroup } from './engine';
import { newId, ORG_DOC_ID, prefsDocId } from './ids';
import { bookRecords, META } from './rows';
import { addCustomFields, mergeIntoRecord, newRecordMap } from './record-writes';
import type { CustomFieldType, FieldDef, FieldValue, SectionId } from '../schema/fields';
import { fieldKey, orgFields, orgSections, orgSettingsMap, readFields, type OrgSettings } from '../schema/org-doc';
import { withContactOrg, withNewRecordDefaults } from './record-defaults';

/** Values of a new record or of an edit, by field id. */
export type FieldValues = Record<string, FieldValue>;

/** A record as stored in a book: its id and every key of its map (fields and metadata). */
export interface StoredRecord {
  id: string;
  entries: [string, unknown][];
}

/**
 * Puts records from elsewhere (a device's local base joining an account) into the user's own
 * book with their ids and every stored key, as one undo step. Ids already present are skipped.
 * Returns how many were inserted.
 */
export async function insertStoredRecords(engine: Engine, records: readonly StoredRecord[]): Promise<number> {
  const fresh = records.filter((record) => !engine.rows.has(record.id));
  if (fresh.length === 0) return 0;
  const byShard = new Map<string, StoredRecord[]>();
  const added = new Map<string, number>();
  for (const record of fresh) {
    const shard = engine.shardForNewRecord(engine.user.id, added);
    added.set(shard, (added.get(shard) ?? 0) + 1);
    byShard.set(shard, [...(byShard.get(shard) ?? []), record]);
  }
  const shardIds = [...byShard.keys()];
  await engine.run(shardIds, (docs) => {
    docs.forEach((doc, index) => {
      const target = bookRecords(doc);
      for (const record of byShard.get(shardIds[index])!) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of record.entries) map.set(key, value);
        target.set(record.id, map);
      }
    });
  });
  return fresh.length;
}

/** Creates a record in the current user's book and returns its id. */
export async function createRecord(engine: Engine, section: SectionId, values: FieldValues, batch?: string): Promise<string> {
  const [id] = await createRecords(engine, section, [values], batch);
  return id;
}

/**
 * Creates many records as one undo step (imports, restores of lists). Returns their ids.
 * Events and tasks get their defaults (assignee, status, priority) and the contact's organization.
 */
export async function createRecords(engine: Engine, section: SectionId, given: FieldValues[], batch?: string): Promise<string[]> {
  const now = Date.now();
  const list = given.map((values) => withContactOrg(section, withNewRecordDefaults(section, values, engine.user.id, now), (id) => orgOfPerson(engine, id)));
  const ids: string[] = [];
  const byShard = new Map<string, FieldValues[]>();
  // Fill shards up to capacity, counting what this command adds as it goes.
  const added = new Map<string, number>();
  for (const values of list) {
    const shard = engine.shardForNewRecord(engine.user.id, added);
    added.set(shard, (added.get(shard) ?? 0) + 1);
    const entries = byShard.get(shard) ?? [];
    entries.push(values);
    byShard.set(shard, entries);
  }
  const shardIds = [...byShard.keys()];
  await engine.run(shardIds, (docs) => {
    const now = Date.now();
    docs.forEach((doc, index) => {
      const records = bookRecords(doc);
      for (const values of byShard.get(shardIds[index])!) {
        const id = newId();
        records.set(id, newRecordMap(section, values, { now, by: engine.user.id, batch }));
        ids.push(id);
      }
    });
  });
  return ids;
}


// ---- import (web/import) -------------------------------------------------------------------

/** A record an import creates, with the id the import chose (people link to new organizations by it). */
export interface ImportedRecord {
  id: string;
  section: SectionId;
  values: FieldValues;
  /** Photo bytes: stored in the blob store, the photo field gets their hash. */
  photo?: { bytes: Uint8Array; type: string };
}

/** A custom field an import creates. */
export interface ImportedField {
  section: SectionId;
  id: string;
  label: string;
  type: CustomFieldType;
  order: number;
}

/** Everything one import writes: created records, changes merged into existing ones, new fields. */
export interface ImportWrite {
  /** Stamped on every record created or changed, so the import can be told apart and undone. */
  batch: string;
  creates: ImportedRecord[];
  /** Existing record id → the fields the merge changes. */
  merges: ReadonlyMap<string, FieldValues>;
  newFields: ImportedField[];
}

/**
 * Stores an import (or one chunk of it, in the import's undo group) as ONE command: new custom fields in the org document,
 * records in the user's shards (filled up to capacity), merges in the shards that hold them.
 * Every document is checked for write access before anything, photos included, is written.
 */
export async function applyImport(engine: Engine, write: ImportWrite, group?: UndoGroup): Promise<void> {
  const byShard = new Map<string, { creates: ImportedRecord[]; merges: [string, FieldValues][] }>();
  const slot = (shard: string) => {
    let entry = byShard.get(shard);
    if (!entry) byShard.set(shard, (entry = { creates: [], merges: [] }));
    return entry;
  };
  const added = new Map<string, number>();
  for (const record of write.creates) {
    const shard = engine.shardForNewRecord(engine.user.id, added);
    added.set(shard, (added.get(shard) ?? 0) + 1);
    slot(shard).creates.push(record);
  }
  for (const [recordId, changes] of write.merges) if (Object.keys(changes).length) slot(requireRow(engine, recordId).shard).merges.push([recordId, changes]);
  const shardIds = [...byShard.keys()];
  const docIds = write.newFields.length ? [ORG_DOC_ID, ...shardIds] : shardIds;
  if (docIds.length === 0) return;
  const readOnly = docIds.find((docId) => !engine.canWrite(docId));
  if (readOnly) throw new ReadOnlyError(readOnly);
  const photos = new Map<ImportedRecord, string>();
  for (const record of write.creates) if (record.photo) photos.set(record, await putBlob(engine.db, record.photo.bytes, record.photo.type));
  await engine.run(docIds, (docs) => {
    const now = Date.now();
    const shardDocs = write.newFields.length ? docs.slice(1) : docs;
    if (write.newFields.length) addCustomFields(docs[0], write.newFields);
    const stamp = { now, by: engine.user.id, batch: write.batch };
    shardDocs.forEach((doc, index) => {
      const records = bookRecords(doc);
      const work = byShard.get(shardIds[index])!;
      for (const created of work.creates) {
        const photo = photos.get(created);
        records.set(created.id, newRecordMap(created.section, photo ? { ...created.values, photo } : created.values, stamp));
      }
      for (const [recordId, changes] of work.merges) {
        const record = records.get(recordId);
        if (record) mergeIntoRecord(record, changes, stamp);
      }
    });
  }, group);
}


/** Sets some fields of one record (a blank value removes the field). */
export async function updateFields(engine: Engine, recordId: string, given: FieldValues): Promise<void> {
  const row = requireRow(engine, recordId);
  // Choosing an event's or task's contact also links his organization (the org's history shows it).
  const values = withContactOrg(row.section, given, (id) => orgOfPerson(engine, id));
  await engine.run([row.shard], ([doc]) => {
    const record = bookRecords(doc).get(recordId);
    if (!record) throw new Error(`Record ${recordId} is not in ${row.shard}`);
    for (const [field, value] of Object.entries(values)) {
      if (field.startsWith('$')) throw new Error(`"${field}" is not a field`);
      if (isEmptyValue(value)) record.delete(field);
      else if (!sameValue(record.get(field), value)) record.set(field, value);
    }
    record.set(META.updated, Date.now());
    record.set(META.by, engine.user.id);
  });
}

/**
 * Logs an event (a call made, a meeting held) and returns its id: done, now, by this user,
 * unless `values` says otherwise; the contact's organization is filled in.
 */
export function logEvent(engine: Engine, values: FieldValues): Promise<string> {
  return createRecord(engine, 'events', {
    status: 'done',
    start: Date.now(),
    assignee: engine.user.id,
    ...withoutBlanks(values),
  });
}

/**
 * Sets the status of an event or task (mark done, reopen) as one undo step. A status that is
 * not one of the section's status options is refused and nothing changes.
 */
export async function setRecordStatus(engine: Engine, recordId: string, status: string): Promise<void> {
  const row = requireRow(engine, recordId);
  const options = readFields(engine.org, row.section).find((field) => field.id === 'status')?.options;
  if (!options) throw new Error(`Records of ${row.section} have no status`);
  if (!options.includes(status)) throw new Error(`"${status}" is not a status of ${row.section} (one of: ${options.join(', ')})`);
  await updateFields(engine, recordId, { status });
}

/** Sets one field of one record. */
export function updateField(engine: Engine, recordId: string, field: string, value: FieldValue): Promise<void> {
  return updateFields(engine, recordId, { [field]: value });
}

/** Moves records to the trash (restorable). */
export function deleteRecords(engine: Engine, recordIds: string[]): Promise<void> {
  return setDeleted(engine, recordIds, Date.now());
}

/** Takes records back out of the trash. */
export function restoreRecords(engine: Engine, recordIds: string[]): Promise<void> {
  return setDeleted(engine, recordIds, null);
}

async function setDeleted(engine: Engine, recordIds: string[], deletedAt: number | null): Promise<void> {
  const byShard = groupByShard(engine, recordIds);
  const shardIds = [...byShard.keys()];
  await engine.run(shardIds, (docs) => {
    docs.forEach((doc, index) => {
      const records = bookRecords(doc);
      for (const id of byShard.get(shardIds[index])!) {
        const record = records.get(id);
        if (!record) continue;
        if (deletedAt === null) record.delete(META.deleted);
        else record.set(META.deleted, deletedAt);
        record.set(META.by, engine.user.id);
      }
    });
  });
}

/**
 * Hands records to another owner's book: deleted from one shard, inserted into the other
 * with the same id and values (ARCHITECTURE.md: reassigning a client).
 */
export async function moveRecords(engine: Engine, recordIds: string[], toOwnerId: string): Promise<void> {
  const target = engine.shardForNewRecord(toOwnerId);
  const byShard = groupByShard(engine, recordIds);
  byShard.delete(target);
  const sources = [...byShard.keys()];
  if (sources.length === 0) return;
  await engine.run([...sources, target], (docs) => {
    const targetRecords = bookRecords(docs[docs.length - 1]);
    sources.forEach((source, index) => {
      const records = bookRecords(docs[index]);
      for (const id of byShard.get(source)!) {
        const record = records.get(id);
        if (!record) continue;
        const copy = new Y.Map<unknown>();
        for (const [key, value] of record.entries()) copy.set(key, value);
        copy.set(META.updated, Date.now());
        copy.set(META.by, engine.user.id);
        records.delete(id);
        targetRecords.set(id, copy);
      }
    });
  });
}

// ---- schema commands (org document) --------------------------------------------------------

/** The definition of a new custom field. */
export interface NewField {
  section: SectionId;
  type: CustomFieldType;
  label: string;
  options?: string[];
}

/** Adds a custom field at the end of its section and returns its id. */
export async function addField(engine: Engine, field: NewField, fields: FieldDef[]): Promise<string> {
  const label = field.label.trim();
  if (!label) throw new Error('A field needs a name');
  const id = `c_${newId(8)}`;
  const order = fields.reduce((max, def) => Math.max(max, def.order), -1) + 1;
  await engine.run([ORG_DOC_ID], ([org]) => {
    const entry = new Y.Map<unknown>();
    entry.set('builtin', false);
    entry.set('type', field.type);
    entry.set('label', label);
    entry.set('order', order);
    entry.set('column', true);
    if (field.options) entry.set('options', field.options);
    orgFields(org).set(fieldKey(field.section, id), entry);
  });
  return id;
}

/** What a company may change in a field definition, built-in or custom. */
export interface FieldChange {
  label?: string;
  hidden?: boolean;
  options?: string[];
}

/** Renames, hides/shows or changes the options of a field. An empty label restores the default. */
export async function changeField(engine: Engine, section: SectionId, fieldId: string, change: FieldChange): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => {
    const entry = fieldEntry(org, section, fieldId);
    if (change.label !== undefined) {
      const label = change.label.trim();
      if (label) entry.set('label', label);
      else if (entry.get('builtin') === false) throw new Error('A custom field needs a name');
      else entry.delete('label');
    }
    if (change.hidden !== undefined) entry.set('hidden', change.hidden);
    if (change.options !== undefined) entry.set('options', change.options);
  });
}

/** Puts a section's fields in the given order (ids not listed keep their relative order after). */
export async function reorderFields(engine: Engine, section: SectionId, orderedIds: string[]): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => {
    orderedIds.forEach((id, index) => {
      const entry = fieldEntry(org, section, id);
      if (entry.get('order') !== index) entry.set('order', index);
    });
  });
}

/** Marks a custom field deleted: it disappears from cards and lists, its data stays. */
export async function deleteField(engine: Engine, section: SectionId, fieldId: string): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => {
    const entry = orgFields(org).get(fieldKey(section, fieldId));
    if (!entry || entry.get('builtin') !== false) throw new Error('Only custom fields can be deleted');
    entry.set('deletedAt', Date.now());
  });
}

/** Brings back a custom field whose deletion is pending, with its data. */
export async function restoreField(engine: Engine, section: SectionId, fieldId: string): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => {
    orgFields(org).get(fieldKey(section, fieldId))?.delete('deletedAt');
  });
}

/**
 * Confirms a pending field deletion: removes the definition and the values from every record
 * of the section, as one undo step (undo brings both back).
 */
export async function purgeField(engine: Engine, section: SectionId, fieldId: string): Promise<void> {
  const entry = orgFields(engine.org).get(fieldKey(section, fieldId));
  if (!entry || typeof entry.get('deletedAt') !== 'number') throw new Error('Delete the field first');
  const shards = new Set<string>();
  for (const row of engine.rows.values()) if (row.section === section && fieldId in row.v) shards.add(row.shard);
  const shardIds = [...shards];
  await engine.run([ORG_DOC_ID, ...shardIds], ([org, ...docs]) => {
    orgFields(org).delete(fieldKey(section, fieldId));
    for (const doc of docs) {
      bookRecords(doc).forEach((record) => {
        if (record.get(META.section) === section && record.has(fieldId)) record.delete(fieldId);
      });
    }
  });
}

/** Renames a section ("Organizations" → "Clients"); an empty label restores the default. */
export async function renameSection(engine: Engine, section: SectionId, label: string): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => {
    const entry = sectionEntry(org, section);
    if (label.trim()) entry.set('label', label.trim());
    else entry.delete('label');
  });
}

/** Hides or shows a section. */
export async function setSectionHidden(engine: Engine, section: SectionId, hidden: boolean): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => sectionEntry(org, section).set('hidden', hidden));
}

/** Changes company settings. */
export async function changeSettings(engine: Engine, change: Partial<OrgSettings>): Promise<void> {
  await engine.run([ORG_DOC_ID], ([org]) => {
    for (const [key, value] of Object.entries(change)) orgSettingsMap(org).set(key, value);
  });
}

// ---- per-user preferences (prefs document) -------------------------------------------------

/** Saves (or overwrites) a named view of a section for the current user; returns its id. */
export async function saveView(engine: Engine, view: { id?: string; section: SectionId; name: string; state: unknown }): Promise<string> {
  const id = view.id ?? newId(10);
  await engine.run([prefsDocId(engine.user.id)], ([prefs]) => {
    prefs.getMap('views').set(id, { id, section: view.section, name: view.name, state: view.state });
  });
  return id;
}

/** Deletes a saved view. */
export async function deleteView(engine: Engine, viewId: string): Promise<void> {
  await engine.run([prefsDocId(engine.user.id)], ([prefs]) => prefs.getMap('views').delete(viewId));
}

/** A saved view as stored in the prefs document. */
export interface SavedView {
  id: string;
  section: SectionId;
  name: string;
  state: unknown;
}

/** The current user's saved views. */
export function readViews(engine: Engine): SavedView[] {
  return [...(engine.prefs.getMap('views') as Y.Map<SavedView>).values()];
}

// ---- helpers ------------------------------------------------------------------------------

function requireRow(engine: Engine, recordId: string) {
  const row = engine.rows.get(recordId);
  if (!row) throw new Error(`No record ${recordId}`);
  return row;
}

function groupByShard(engine: Engine, recordIds: string[]): Map<string, string[]> {
  const byShard = new Map<string, string[]>();
  for (const id of recordIds) {
    const row = requireRow(engine, id);
    const list = byShard.get(row.shard) ?? [];
    list.push(id);
    byShard.set(row.shard, list);
  }
  return byShard;
}

function fieldEntry(org: Y.Doc, section: SectionId, fieldId: string): Y.Map<unknown> {
  const fields = orgFields(org);
  const key = fieldKey(section, fieldId);
  let entry = fields.get(key);
  if (!entry) {
    entry = new Y.Map<unknown>();
    entry.set('builtin', true);
    fields.set(key, entry);
  }
  return entry;
}

function sectionEntry(org: Y.Doc, section: SectionId): Y.Map<unknown> {
  const sections = orgSections(org);
  let entry = sections.get(section);
  if (!entry) {
    entry = new Y.Map<unknown>();
    sections.set(section, entry);
  }
  return entry;
}

/** The organization a contact belongs to, when the contact is known to this device. */
function orgOfPerson(engine: Engine, personId: string): string | undefined {
  const row = engine.rows.get(personId);
  const org = row && row.section === 'people' && !row.deleted ? row.v.org : undefined;
  return typeof org === 'string' && org !== '' ? org : undefined;
}

function withoutBlanks(values: FieldValues): FieldValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isEmptyValue(value)));
}

function isEmptyValue(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
