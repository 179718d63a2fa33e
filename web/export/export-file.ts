/**
 * One entry point for every export format: rows and visible fields in, bytes, MIME type and a
 * suggested file name out. Import it with a dynamic `import()`: the XLSX writer brings the zip
 * library, which stays out of the start-up bundle.
 */
import type { Row } from '../engine/rows';
import type { FieldDef } from '../schema/fields';
import { cellsOverExcelLimit, exportTable, type ExportContext } from './export-table';
import { listHtml } from './write-html';
import { writeCsv } from './write-csv';
import { writeVCards, type PhotoData, type VCardVersion } from './write-vcard';
import { writeXlsx } from './write-xlsx';

/** The file formats of an export. */
export type ExportFormat = 'csv' | 'xlsx' | 'vcard' | 'html';

/** Everything an export needs. */
export interface ExportRequest extends ExportContext {
  format: ExportFormat;
  rows: readonly Row[];
  /** The visible fields (columns) in display order. */
  fields: readonly FieldDef[];
  /** Names the file and the sheet / page ("Organizations"). */
  title: string;
  currency: string;
  delimiter?: ',' | ';';
  vcardVersion?: VCardVersion;
  /** Looks up a photo by blob hash (vCard only); missing photos are skipped. */
  photo?: (hash: string) => Promise<PhotoData | undefined>;
  /** Stamps the file name; defaults to now. */
  now?: Date;
}

/** The file an export produced. */
export interface ExportedFile {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
  /**
   * Text cells longer than Excel's 32,767 characters (CSV and XLSX): written whole, but Excel
   * shows only their beginning, so the dialog warns.
   */
  longCells: number;
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', vcard: 'vcf', html: 'html' };
const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcard: 'text/vcard;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** A file name safe on every OS: the title, the local date and time, the extension. */
export function exportFileName(title: string, format: ExportFormat, now: Date): string {
  const safe = title.replace(/[\\/:*?"<>|\x00-\x1f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${safe} ${stamp}.${EXTENSIONS[format]}`;
}

async function loadPhotos(request: ExportRequest): Promise<Map<string, PhotoData>> {
  const photos = new Map<string, PhotoData>();
  if (!request.photo) return photos;
  for (const row of request.rows) {
    const hash = row.v.photo;
    if (typeof hash !== 'string' || photos.has(hash)) continue;
    const photo = await request.photo(hash);
    if (photo) photos.set(hash, photo);
  }
  return photos;
}

/** Builds the export file of a request. */
export async function exportFile(request: ExportRequest): Promise<ExportedFile> {
  const fileName = exportFileName(request.title, request.format, request.now ?? new Date());
  const context: ExportContext = { refName: request.refName, userName: request.userName };
  let bytes: Uint8Array;
  let longCells = 0;
  switch (request.format) {
    case 'csv': {
      const table = exportTable(request.rows, request.fields, context);
      longCells = cellsOverExcelLimit(table);
      bytes = writeCsv(table, { delimiter: request.delimiter ?? ',' });
      break;
    }
    case 'xlsx': {
      const table = exportTable(request.rows, request.fields, context);
      longCells = cellsOverExcelLimit(table);
      bytes = writeXlsx(table, request.title);
      break;
    }
    case 'vcard':
      bytes = writeVCards(request.rows, { ...context, version: request.vcardVersion ?? '4.0', photos: await loadPhotos(request) });
      break;
    case 'html': {
      const table = exportTable(request.rows, request.fields, context);
      bytes = new TextEncoder().encode(listHtml(table, { title: request.title, currency: request.currency }));
      break;
    }
  }
  return { bytes, mime: MIME[request.format], fileName, longCells };
}
