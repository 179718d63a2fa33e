/** The translated, user-facing text of a spreadsheet reading error. */
import { t } from '../../i18n/i18n';
import type { SpreadsheetError } from './spreadsheet-error';

/** What to tell the user about a SpreadsheetError, in the UI language. */
export function spreadsheetErrorText(error: SpreadsheetError): string {
  return t(`import.spreadsheet.error.${error.problem}`, { part: error.part ?? '?' });
}
