/** Which fields a card shows and which a new record must have. */
import type { FieldDef, SectionId } from '../schema/fields';

/** The fields a card shows: visible ones whose deletion is not pending, in the company's order. */
export function cardFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((field) => !field.hidden && field.deletedAt === undefined).sort((a, b) => a.order - b.order);
}

/** The fields of which at least one must be filled before a new record of `section` is saved. */
export function requiredFields(section: SectionId): string[] {
  if (section === 'people') return ['firstName', 'lastName'];
  if (section === 'orgs') return ['name'];
  if (section === 'links') return ['title', 'url'];
  if (section === 'events') return ['subject'];
  return ['title'];
}
