/**
 * Reading the `org` document: the company's sections, field definitions and settings.
 *
 * Layout of the org Y.Doc (the relay will own it; admins write it, everyone reads it):
 *   meta:     Y.Map { schemaVersion, orgId, createdAt }
 *   sections: Y.Map<SectionId, Y.Map { label?, hidden?, order? }>
 *   fields:   Y.Map<"section.fieldId", Y.Map<FieldDef keys>>  (built-ins hold only overrides)
 *   settings: Y.Map { currency, ... }
 *   users:    Y.Map<userId, Y.Map { name }>
 */
import * as Y from 'yjs';
import { builtinFields, SECTION_IDS, type FieldDef, type SectionId } from './fields';

/** A section as the company configured it. */
export interface SectionDef {
  id: SectionId;
  /** The company's own label; absent means the translated default. */
  label?: string;
  hidden: boolean;
  order: number;
}

/** Company-wide settings kept in the org document. */
export interface OrgSettings {
  /** ISO 4217 code of the money fields. */
  currency: string;
}

/** The default settings of a new base. */
export const DEFAULT_SETTINGS: OrgSettings = { currency: 'EUR' };

/** Key of a field in the org document's `fields` map. */
export function fieldKey(section: SectionId, fieldId: string): string {
  return `${section}.${fieldId}`;
}

/** The `meta` map of the org document. */
export function orgMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** The `sections` map of the org document. */
export function orgSections(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('sections');
}

/** The `fields` map of the org document. */
export function orgFields(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('fields');
}

/** The `settings` map of the org document. */
export function orgSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('settings');
}

/** The `users` map of the org document. */
export function orgUsers(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('users');
}

/** All sections in display order, with the company's labels and hidden flags. */
export function readSections(doc: Y.Doc): SectionDef[] {
  const map = orgSections(doc);
  return SECTION_IDS.map((id, index) => {
    const entry = map.get(id);
    const label = entry?.get('label');
    const order = entry?.get('order');
    return {
      id,
      label: typeof label === 'string' && label.trim() !== '' ? label : undefined,
      hidden: entry?.get('hidden') === true,
      order: typeof order === 'number' ? order : index,
    };
  }).sort((a, b) => a.order - b.order);
}

/**
 * The fields of a section: built-ins with the company's overrides plus custom fields,
 * sorted by order. Fields whose deletion is pending are included (with deletedAt set)
 * so the UI can offer to restore them; callers that show data skip them.
 */
export function readFields(doc: Y.Doc, section: SectionId): FieldDef[] {
  const map = orgFields(doc);
  const result: FieldDef[] = [];
  for (const builtin of builtinFields(section)) {
    const overrides = map.get(fieldKey(section, builtin.id));
    result.push(overrides ? applyOverrides(builtin, overrides) : builtin);
  }
  const prefix = `${section}.`;
  map.forEach((entry, key) => {
    if (!key.startsWith(prefix) || entry.get('builtin') !== false) return;
    const def = customFromMap(section, key.slice(prefix.length), entry);
    if (def) result.push(def);
  });
  return result.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The company settings, with defaults for anything unset. */
export function readSettings(doc: Y.Doc): OrgSettings {
  const map = orgSettingsMap(doc);
  const currency = map.get('currency');
  return { currency: typeof currency === 'string' && currency ? currency : DEFAULT_SETTINGS.currency };
}

/** Display names of the users known to the org, by user id. */
export function readUserNames(doc: Y.Doc): Map<string, string> {
  const names = new Map<string, string>();
  orgUsers(doc).forEach((entry, id) => {
    const name = entry.get('name');
    names.set(id, typeof name === 'string' ? name : id);
  });
  return names;
}

function applyOverrides(builtin: FieldDef, overrides: Y.Map<unknown>): FieldDef {
  const label = overrides.get('label');
  const hidden = overrides.get('hidden');
  const order = overrides.get('order');
  const options = overrides.get('options');
  return {
    ...builtin,
    label: typeof label === 'string' && label.trim() !== '' ? label : undefined,
    hidden: typeof hidden === 'boolean' ? hidden : builtin.hidden,
    order: typeof order === 'number' ? order : builtin.order,
    options: Array.isArray(options) ? (options as string[]) : builtin.options,
  };
}

function customFromMap(section: SectionId, id: string, entry: Y.Map<unknown>): FieldDef | null {
  const type = entry.get('type');
  if (typeof type !== 'string') return null;
  const label = entry.get('label');
  const order = entry.get('order');
  const options = entry.get('options');
  const deletedAt = entry.get('deletedAt');
  return {
    id,
    section,
    type: type as FieldDef['type'],
    label: typeof label === 'string' ? label : id,
    builtin: false,
    hidden: entry.get('hidden') === true,
    order: typeof order === 'number' ? order : 1000,
    options: Array.isArray(options) ? (options as string[]) : undefined,
    deletedAt: typeof deletedAt === 'number' ? deletedAt : undefined,
    column: entry.get('column') === true,
  };
}
