/** What a reminder says, in the UI language: the record's name and what to do about it. */
import type { Row } from '../engine/rows';
import type { FieldDef } from '../schema/fields';
import { formatDate, language, t } from '../i18n/i18n';
import { optionLabel } from '../card/option-labels';
import type { Reminder } from './schedule';

/** The name of the record a reminder is about (a person's full name, a task's title...). */
export function reminderTitle(row: Row | undefined, fields: FieldDef[]): string {
  if (!row) return t('reminders.untitled');
  const text = (id: string) => (typeof row.v[id] === 'string' ? (row.v[id] as string).trim() : '');
  if (row.section === 'people') {
    const name = [text('firstName'), text('lastName')].filter(Boolean).join(' ');
    if (name) return name;
  }
  if (row.section === 'events' && !text('subject')) {
    const kind = fields.find((field) => field.id === 'kind');
    if (kind && text('kind')) return optionLabel(kind, text('kind'));
  }
  const titleField = fields.find((field) => field.title);
  return (titleField && text(titleField.id)) || t('reminders.untitled');
}

/** The line under the title: when it happens and what to do. */
export function reminderDetail(reminder: Reminder, row: Row | undefined): string {
  if (reminder.kind === 'event') return t('reminders.event', { time: formatInstant(reminder.at ?? reminder.fireAt) });
  if (reminder.kind === 'task') return t('reminders.task', { time: formatInstant(reminder.at ?? reminder.fireAt) });
  const date = formatDate(reminder.date ?? '');
  if (reminder.kind === 'contract') return t('reminders.contract', { date });
  const born = typeof row?.v.birthday === 'string' ? /^(\d{4})-/.exec(row.v.birthday) : null;
  const age = born && reminder.date ? Number(reminder.date.slice(0, 4)) - Number(born[1]) : null;
  return age !== null && age > 0 ? t('reminders.birthdayAge', { age, date }) : t('reminders.birthday', { date });
}

/** The title of a system notification. */
export function notificationTitle(reminder: Reminder, title: string): string {
  return t(`reminders.notifyTitle.${reminder.kind}`, { title });
}

/** An instant in local date and time, in the UI language. */
export function formatInstant(instant: number): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}
