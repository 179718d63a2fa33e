/** Display labels of sections and fields: the company's own label, else the translated default. */
import { isMessageKey, t } from '../i18n/i18n';
import type { SectionDef } from '../schema/org-doc';
import type { FieldDef } from '../schema/fields';

/** The label of a section as the company named it, else the translated default. */
export function sectionLabel(section: Pick<SectionDef, 'id' | 'label'>): string {
  return section.label ?? t(`section.${section.id}`);
}

/** The label of a field as the company named it, else the translated built-in name. */
export function fieldLabel(field: Pick<FieldDef, 'id' | 'section' | 'label'>): string {
  if (field.label) return field.label;
  const key = `field.${field.section}.${field.id}`;
  return isMessageKey(key) ? t(key) : field.id;
}
