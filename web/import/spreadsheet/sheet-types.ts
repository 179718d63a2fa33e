/** The cell and sheet shapes shared by the spreadsheet readers and the export writers. */

/**
 * One cell: blank, text, number, yes/no, or a date as ISO `yyyy-mm-dd` or `yyyy-mm-ddThh:mm[:ss]`.
 * Numbers whose format shows text (`@`) or leading zeros come as the displayed text.
 */
export type SheetCell = null | string | number | boolean | { date: string };

/** One sheet: its name and its rows; `rows[i]` is the sheet's row i + 1 (the header is usually rows[0]). */
export interface SheetData {
  name: string;
  rows: SheetCell[][];
}
