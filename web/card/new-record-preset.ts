/**
 * Values a new-record form starts with, handed over by whoever opens it (the org card's
 * "Add person" presets the person's organization). The route stays `#/<section>/new`, and the
 * form may be mounted more than once for one navigation, so a preset is read, not taken, and
 * forgotten once its form is saved or left.
 */
import type { FieldValue, SectionId } from '../schema/fields';

const presets = new Map<SectionId, Record<string, FieldValue>>();

/** Sets the values the next new record of `section` starts with. */
export function presetNewRecord(section: SectionId, values: Record<string, FieldValue>): void {
  presets.set(section, { ...values });
}

/** The preset values of a new record of `section` (empty when none). */
export function newRecordPreset(section: SectionId): Record<string, FieldValue> {
  return { ...(presets.get(section) ?? {}) };
}

/** Forgets the preset of `section` (its form was saved or left). */
export function clearNewRecordPreset(section: SectionId): void {
  presets.delete(section);
}
