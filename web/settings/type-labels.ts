/** Translated names of field types, as the field editor lists them. */
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import type { FieldType } from '../schema/fields';

const TYPE_KEYS: Record<FieldType, MessageKey> = {
  text: 'settings.type.text',
  longtext: 'settings.type.longtext',
  number: 'settings.type.number',
  money: 'settings.type.money',
  date: 'settings.type.date',
  datetime: 'settings.type.datetime',
  bool: 'settings.type.bool',
  choice: 'settings.type.choice',
  multichoice: 'settings.type.multichoice',
  phone: 'settings.type.phone',
  email: 'settings.type.email',
  link: 'settings.type.link',
  phones: 'settings.type.phones',
  emails: 'settings.type.emails',
  accounts: 'settings.type.accounts',
  ref: 'settings.type.ref',
  photo: 'settings.type.photo',
  tags: 'settings.type.tags',
  user: 'settings.type.user',
  reminder: 'settings.type.reminder',
  checklist: 'settings.type.checklist',
};

/** The name of a field type in the UI language. */
export function fieldTypeLabel(type: FieldType): string {
  return t(TYPE_KEYS[type]);
}
