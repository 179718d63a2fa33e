/**
 * Showing the values of events and tasks in the UI language: instants in local time, reminder
 * offsets, checklist progress. Formats are created once per language (grids format many cells).
 */
import { language, t } from '../i18n/i18n';
import { REMINDER_PRESETS, type FieldValue, type KindedValue } from '../schema/fields';
import { isInstant } from '../schema/datetime';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as local date and time in the UI language (`22.11.2026, 14:30` in ru). */
export function formatDateTime(ms: number): string {
  const lang = language();
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    dateTimeFormats.set(lang, format);
  }
  return format.format(new Date(ms));
}

/** A stored datetime value as text ('' when it holds no instant). */
export function formatDateTimeValue(value: FieldValue | undefined): string {
  return isInstant(value) ? formatDateTime(value) : '';
}

/** How long before a record's time a reminder fires, in words ("15 min before", "At the time"). */
export function formatReminder(minutes: number): string {
  if (minutes === 0) return t('schedule.remind.atTime');
  if (minutes % 1440 === 0) return t('schedule.remind.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('schedule.remind.hours', { count: minutes / 60 });
  return t('schedule.remind.minutes', { count: minutes });
}

/** Whether a reminder offset is one of the picker's presets (else the picker shows it as custom). */
export function isPresetReminder(minutes: number): boolean {
  return (REMINDER_PRESETS as readonly number[]).includes(minutes);
}

/** The items of a stored checklist value (anything else reads as no items). */
export function checklistItems(value: FieldValue | undefined): KindedValue[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).filter((item): item is KindedValue => typeof item === 'object' && item !== null && typeof (item as KindedValue).value === 'string');
}

/** A checklist as its progress ("2 of 5 done"); '' when it has no items. */
export function formatChecklist(value: FieldValue | undefined): string {
  const items = checklistItems(value);
  if (items.length === 0) return '';
  return t('schedule.checklist.progress', { done: items.filter((item) => item.kind === 'done').length, total: items.length });
}
