/** The message shown when a command started from the UI fails; a refused write on a read-only document says so plainly. */
import { ReadOnlyError } from '../engine/engine';
import { t } from '../i18n/i18n';

/** The user-facing text of a failed command (card, table and settings share it). */
export function commandFailure(error: unknown): string {
  if (error instanceof ReadOnlyError) return t('card.readOnlyRefused');
  return error instanceof Error ? error.message : String(error);
}
