/** Prints one record's card (for the card view's Print button). */
import { bytesToBase64 } from '../backup/base64';
import type { Row } from '../engine/rows';
import type { FieldDef } from '../schema/fields';
import { printHtml } from '../app/download';
import type { ExportContext } from './export-table';
import { cardHtml } from './write-html';
import type { PhotoData } from './write-vcard';

/** Opens the print dialog for a card of `row` with its visible fields and, if given, its photo. */
export async function printRecordCard(
  row: Row,
  fields: readonly FieldDef[],
  options: ExportContext & { title: string; currency: string; photo?: (hash: string) => Promise<PhotoData | undefined> },
): Promise<void> {
  const hash = row.v.photo;
  const photo = typeof hash === 'string' && options.photo ? await options.photo(hash) : undefined;
  const photoUrl = photo ? `data:${photo.type || 'image/jpeg'};base64,${bytesToBase64(photo.data)}` : undefined;
  printHtml(cardHtml(row, fields, { ...options, photoUrl }));
}
