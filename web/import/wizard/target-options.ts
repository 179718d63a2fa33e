/**
 * The choices of the mapping step's select, and the way between a select value and the
 * engine's ColumnTarget. Pure (no Solid, no i18n): labels are given by the caller.
 */
import type { FieldDef, SectionId } from '../../schema/fields';
import type { ColumnMapping, ColumnTarget } from '../column-target';

/** One option of a column's target select. */
export interface TargetOption {
  value: string;
  /** A built-in or custom field; absent for the special targets (labelled by `special`). */
  field?: FieldDef;
  special?: 'fullName' | 'middleName' | 'orgName' | 'entryKindOf' | 'newField' | 'notes' | 'skip';
}

/** Sections a file can be imported into (people and organizations). */
export const IMPORT_SECTIONS: readonly SectionId[] = ['people', 'orgs'];

const NOT_MAPPABLE = new Set(['photo', 'ref', 'user']);

/** The fields of a section a column can fill (live built-ins and custom fields). */
export function mappableFields(fields: readonly FieldDef[]): FieldDef[] {
  return fields.filter((field) => !field.deletedAt && !NOT_MAPPABLE.has(field.type));
}

/** The options of one column's select: fields, the special targets, then new field / notes / skip. */
export function targetOptions(section: SectionId, fields: readonly FieldDef[], current: ColumnTarget): TargetOption[] {
  const options: TargetOption[] = mappableFields(fields).map((field) => ({ value: `field:${field.id}`, field }));
  if (section === 'people') options.push({ value: 'fullName', special: 'fullName' }, { value: 'middleName', special: 'middleName' }, { value: 'orgName', special: 'orgName' });
  if (current.kind === 'entryKindOf') options.push({ value: 'entryKindOf', special: 'entryKindOf' });
  options.push({ value: 'newField', special: 'newField' }, { value: 'notes', special: 'notes' }, { value: 'skip', special: 'skip' });
  return options;
}

/** The select value of a target. */
export function targetValue(target: ColumnTarget): string {
  return target.kind === 'field' ? `field:${target.field}` : target.kind;
}

/** The target a select value stands for; `current` keeps details the select does not show (a phone's kind, a new field's type). */
export function targetFromValue(value: string, current: ColumnTarget, header: string): ColumnTarget {
  const label = header.trim() || 'Column';
  if (value.startsWith('field:')) {
    const field = value.slice('field:'.length);
    return current.kind === 'field' && current.field === field ? current : { kind: 'field', field };
  }
  switch (value) {
    case 'fullName':
    case 'middleName':
    case 'orgName':
      return { kind: value };
    case 'entryKindOf':
      return current;
    case 'newField':
      return current.kind === 'newField' ? current : { kind: 'newField', label, type: 'text' };
    case 'notes':
      return { kind: 'notes', label };
    default:
      return { kind: 'skip', reason: 'user' };
  }
}

/**
 * The mapping moved to another section: targets naming a field that section does not have go to
 * the notes (never dropped), person-only targets too when the section is not people.
 */
export function mappingForSection(mapping: ColumnMapping, section: SectionId, fields: readonly FieldDef[], headers: readonly string[]): ColumnMapping {
  const known = new Set(mappableFields(fields).map((field) => field.id));
  const targets = mapping.targets.map((target, index): ColumnTarget => {
    const label = headers[index]?.trim() || 'Column';
    if (target.kind === 'field' && !known.has(target.field)) return { kind: 'notes', label };
    if (section !== 'people' && (target.kind === 'fullName' || target.kind === 'middleName' || target.kind === 'orgName')) return target.kind === 'fullName' && known.has('name') ? { kind: 'field', field: 'name' } : { kind: 'notes', label };
    return target;
  });
  return { ...mapping, section, targets };
}

/** Replaces one column's target (a new mapping object: the engine caches per mapping). */
export function withTarget(mapping: ColumnMapping, index: number, target: ColumnTarget): ColumnMapping {
  return { ...mapping, targets: mapping.targets.map((current, other) => (other === index ? target : current)) };
}
