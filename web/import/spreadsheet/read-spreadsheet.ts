/**
 * Reads XLSX and ODS files into sheets of typed cells. Import this module with a dynamic
 * `import()`: it pulls in the zip library, which stays out of the start-up bundle.
 */
import { readOds } from './read-ods';
import { readXlsx } from './read-xlsx';
import type { SheetCell, SheetData } from './sheet-types';

/** The cell and sheet shapes the importer codes against. */
export type { SheetCell, SheetData };
/** The error every bad file is rejected with; `problem` picks the translated message (error-text.ts). */
export { SpreadsheetError, type SpreadsheetProblem } from './spreadsheet-error';

/** Reads every sheet of a workbook; rejects with a SpreadsheetError naming what is wrong. */
export async function readSpreadsheet(bytes: Uint8Array, format: 'xlsx' | 'ods'): Promise<SheetData[]> {
  return format === 'xlsx' ? readXlsx(bytes) : readOds(bytes);
}
