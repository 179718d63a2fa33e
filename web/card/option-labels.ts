/** Display labels of built-in choice values and of phone / e-mail / account kinds. */
import { isMessageKey, t } from '../i18n/i18n';
import type { FieldDef } from '../schema/fields';

/** The label of a choice value: translated for built-in options, as the company wrote it otherwise. */
export function optionLabel(field: Pick<FieldDef, 'section' | 'id' | 'builtin'>, value: string): string {
  if (!field.builtin) return value;
  const key = `option.${field.section}.${field.id}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** The label of a phone, e-mail or account kind (`mobile` → "Mobile"); unknown kinds as stored. */
export function kindLabel(type: 'phones' | 'emails' | 'accounts', kind: string): string {
  const key = `kind.${type}.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
