/** Limits of Excel that exports warn about (kept apart so the dialog can name them without loading a writer). */

/** Excel's limit on the characters of one cell: it shows (and keeps on save) only this many. */
export const EXCEL_CELL_LIMIT = 32_767;
