/**
 * How a record and a custom field are written into their Yjs maps: one place for the record
 * layout (META keys, blank values left out) shared by the app's commands and the relay's CLI
 * import, which writes book documents without an engine.
 */
import * as Y from 'yjs';
import { isBlank, type CustomFieldType, type FieldValue, type SectionId } from '../schema/fields';
import { fieldKey, orgFields } from '../schema/org-doc';
import { META } from './rows';

/** Who writes, when, and for which import batch (if any). */
export interface WriteStamp {
  now: number;
  by: string;
  batch?: string;
}

/** A new record map: metadata, then every non-blank field value (`$` keys are never taken from values). */
export function newRecordMap(section: SectionId, values: Readonly<Record<string, FieldValue>>, stamp: WriteStamp): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  record.set(META.section, section);
  record.set(META.created, stamp.now);
  record.set(META.updated, stamp.now);
  record.set(META.by, stamp.by);
  if (stamp.batch) record.set(META.batch, stamp.batch);
  for (const [field, value] of Object.entries(values)) if (!field.startsWith('$') && !isBlank(value)) record.set(field, value);
  return record;
}

/** Writes merged values into a stored record and stamps it (an import's merge). */
export function mergeIntoRecord(record: Y.Map<unknown>, values: Readonly<Record<string, FieldValue>>, stamp: WriteStamp): void {
  for (const [field, value] of Object.entries(values)) if (!field.startsWith('$') && !isBlank(value)) record.set(field, value);
  record.set(META.updated, stamp.now);
  record.set(META.by, stamp.by);
  if (stamp.batch) record.set(META.batch, stamp.batch);
}

/** A custom field to add to the org document, shown as a column. */
export interface CustomFieldDef {
  section: SectionId;
  id: string;
  label: string;
  type: CustomFieldType;
  order: number;
}

/** Adds custom field definitions to the org document. */
export function addCustomFields(org: Y.Doc, fields: readonly CustomFieldDef[]): void {
  const map = orgFields(org);
  for (const field of fields) {
    const entry = new Y.Map<unknown>();
    entry.set('builtin', false);
    entry.set('type', field.type);
    entry.set('label', field.label);
    entry.set('order', field.order);
    entry.set('column', true);
    map.set(fieldKey(field.section, field.id), entry);
  }
}
