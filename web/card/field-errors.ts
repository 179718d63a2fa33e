/** The message shown when a typed value is refused: what was typed, in which field, how to type it. */
import { formatDate, formatNumber, t } from '../i18n/i18n';
import type { InputError } from './parse';

/** A clear, translated message for a refused value of field `label`. */
export function inputErrorMessage(error: InputError, value: string, label: string): string {
  const example = error === 'date' ? formatDate('2024-12-31') : formatNumber(1234.56);
  return t(`card.error.${error}`, { value: value.trim(), field: label, example });
}
