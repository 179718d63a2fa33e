/**
 * Reads back the column headers our own CSV/XLSX exports write ("Phones (Mobile) 2",
 * "Teléfonos (Móvil)", a company's renamed or custom field), in any UI language, so an export
 * imported again maps every column to the field it came from. The importer's mapping
 * suggestion can ask this first, before its generic header dictionary.
 */
import { LANGUAGES } from '../i18n/i18n';
import type { FieldDef } from '../schema/fields';

/** The field (and kind, for phones / e-mails / accounts) an exported header names. */
export interface ExportedHeaderTarget {
  field: string;
  entryKind?: string;
}

function fold(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase();
}

function messageVariants(key: string): string[] {
  const found: string[] = [];
  for (const language of LANGUAGES) {
    const text = (language.messages as Record<string, string>)[key];
    if (text) found.push(fold(text));
  }
  return found;
}

function labelVariants(field: FieldDef): string[] {
  const labels = field.label ? [fold(field.label)] : [];
  if (field.builtin) labels.push(...messageVariants(`field.${field.section}.${field.id}`), fold(field.id));
  return labels;
}

function kindFromLabel(type: 'phones' | 'emails' | 'accounts', label: string): string | null {
  const wanted = fold(label);
  for (const language of LANGUAGES) {
    for (const [key, text] of Object.entries(language.messages as Record<string, string>)) {
      if (key.startsWith(`kind.${type}.`) && fold(text) === wanted) return key.slice(`kind.${type}.`.length);
    }
  }
  return /^[\w-]+$/.test(label.trim()) ? label.trim() : null;
}

/** The field a header of our own export names, among `fields` (the section's fields), or null. */
export function exportedHeaderTarget(header: string, fields: readonly FieldDef[]): ExportedHeaderTarget | null {
  const folded = fold(header);
  if (!folded) return null;
  for (const field of fields) {
    if (field.type === 'photo') continue;
    if (labelVariants(field).includes(folded)) return { field: field.id };
  }
  const kinded = /^(.*\S)\s+\(([^()]+)\)(?:\s+\d+)?$/.exec(header.trim());
  if (!kinded) return null;
  const label = fold(kinded[1]);
  for (const field of fields) {
    if (field.type !== 'phones' && field.type !== 'emails' && field.type !== 'accounts') continue;
    if (!labelVariants(field).includes(label)) continue;
    const kind = kindFromLabel(field.type, kinded[2]);
    if (kind) return { field: field.id, entryKind: kind };
  }
  return null;
}
