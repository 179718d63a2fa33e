/**
 * Display text of cells, AutoFilter values and totals in the UI language. Number formats are
 * created once per language and currency: the grid and value lists format many values.
 */
import { optionLabel } from '../card/option-labels';
import { formatChecklist, formatDateTime, formatReminder } from '../card/datetime-format';
import { isInstant } from '../schema/datetime';
import { formatDate, language, t } from '../i18n/i18n';
import type { FieldDef, FieldValue } from '../schema/fields';
import { columnKind, valueKeys, type ColumnContext } from './columns';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(currency: string | null): Intl.NumberFormat {
  const key = `${language()}|${currency ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language(), currency ? { style: 'currency', currency } : { maximumFractionDigits: 10 });
    formats.set(key, format);
  }
  return format;
}

/** A number as the field shows it: money in the company currency, other numbers plain. */
export function formatFieldNumber(field: Pick<FieldDef, 'type'>, value: number, currency: string): string {
  return numberFormat(field.type === 'money' ? currency : null).format(value);
}

/** The text of an AutoFilter key or group label of `field` (keys are raw: numbers, ISO dates, true/false). */
export function formatKey(field: FieldDef, key: string | null, currency: string): string {
  if (key === null) return t('table.blanks');
  const kind = columnKind(field.type);
  if (field.type === 'reminder') return formatReminder(Number(key));
  if (kind === 'number') return formatFieldNumber(field, Number(key), currency);
  // A datetime key is a local day (AutoFilter) or an instant (group label of the sort order).
  if (kind === 'datetime') return /^\d{4}-\d{2}-\d{2}$/.test(key) ? formatDate(key) : formatDateTime(Number(key));
  if (kind === 'date') return formatDate(key);
  if (kind === 'bool') return key === 'true' ? t('table.yes') : t('table.no');
  if (field.type === 'choice' || field.type === 'multichoice') return optionLabel(field, key);
  return key;
}

/** The text of a cell: its keys formatted and joined (lists with ", "). */
export function formatCell(field: FieldDef, value: FieldValue | undefined, context: ColumnContext, currency: string): string {
  // Their keys are the day and the item texts; the cell shows the time and the progress.
  if (field.type === 'datetime') return isInstant(value) ? formatDateTime(value) : '';
  if (field.type === 'checklist') return formatChecklist(value);
  return valueKeys(field, value, context)
    .map((key) => formatKey(field, key, currency))
    .join(', ');
}
