/** The choices of the export dialog and the rules between them, kept apart from the UI. */
import type { SectionId } from '../schema/fields';
import type { ExportFormat } from './export-file';
import type { VCardVersion } from './write-vcard';

/** What the dialog offers: the file formats plus printing the list. */
export type ExportChoice = ExportFormat | 'print';

/** Which rows to export. */
export type ExportScope = 'view' | 'selected';

/** The dialog's state. */
export interface ExportChoices {
  format: ExportChoice;
  delimiter: ',' | ';';
  scope: ExportScope;
  vcardVersion: VCardVersion;
}

/** The formats in the order the dialog lists them. */
export const EXPORT_CHOICES: readonly ExportChoice[] = ['xlsx', 'csv', 'vcard', 'html', 'print'];

/** `;` where the locale writes decimals with a comma (Excel's list separator there), `,` elsewhere. */
export function defaultDelimiter(locale: string): ',' | ';' {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

/** Whether a section's records have a vCard form (people and organizations). */
export function vcardAvailable(section: SectionId): boolean {
  return section === 'people' || section === 'orgs';
}

/** The first choices of the dialog: Excel, the locale's delimiter, selected rows when there are any. */
export function initialChoices(locale: string, selectedCount: number): ExportChoices {
  return { format: 'xlsx', delimiter: defaultDelimiter(locale), scope: selectedCount > 0 ? 'selected' : 'view', vcardVersion: '3.0' };
}

/** Keeps the choices consistent: no vCard for other sections, no "selected" scope without a selection. */
export function reconcileChoices(choices: ExportChoices, section: SectionId, selectedCount: number): ExportChoices {
  let next = choices;
  if (next.format === 'vcard' && !vcardAvailable(section)) next = { ...next, format: 'xlsx' };
  if (next.scope === 'selected' && selectedCount === 0) next = { ...next, scope: 'view' };
  return next;
}

/** Print wide lists in landscape: more than six columns do not fit a portrait page. */
export function printLandscape(columnCount: number): boolean {
  return columnCount > 6;
}
