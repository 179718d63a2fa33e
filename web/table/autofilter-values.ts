/**
 * The value list of a column's AutoFilter: the distinct values of the rows that the other
 * filters leave (as Excel lists them), each with its count; multi-valued fields count each
 * value once per row. As in Excel, values differing only in letter case are one entry
 * ("МОСКВА" and "Москва"), shown as first met in sort order; accents still make a difference.
 */
import type { TableData } from './columns';
import { filterRows } from './filtering';
import type { ViewState } from './view-state';

const lowerCache = new WeakMap<readonly string[], string[]>();

/** Lower-cased keys, cached per keys array (those arrays are never mutated). */
function lowerKeys(keys: readonly string[]): string[] {
  let lower = lowerCache.get(keys);
  if (!lower) {
    lower = keys.map((key) => key.toLocaleLowerCase());
    lowerCache.set(keys, lower);
  }
  return lower;
}

/**
 * Every stored spelling of `key` in a column that differs from it only in letter case, so
 * "filter by this value" on "Москва" also keeps "МОСКВА", as the AutoFilter list does.
 */
export function caseSpellings(data: TableData, fieldId: string, key: string): string[] {
  const column = data.column(fieldId);
  const wanted = key.toLocaleLowerCase();
  const lower = lowerKeys(column.keys);
  const spellings = column.keys.filter((_spelling, index) => lower[index] === wanted);
  return spellings.includes(key) ? spellings : [key, ...spellings];
}

/** One value of the list. */
export interface AutoFilterEntry {
  /** The value as shown. */
  key: string;
  /** Every stored spelling the entry stands for (choosing the entry chooses them all). */
  keys: string[];
  count: number;
}

/** The values of `fieldId` in sort order with counts, and the count of blank cells. */
export function autoFilterValues(
  data: TableData,
  state: ViewState,
  searchIds: ReadonlySet<string> | null,
  fieldId: string,
): { entries: AutoFilterEntry[]; blanks: number } {
  const column = data.column(fieldId);
  const rows = filterRows(data, state, searchIds, fieldId);
  const counts = new Int32Array(column.keys.length);
  let blanks = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const start = column.keyStart[row];
    const end = column.keyStart[row + 1];
    if (start === end) blanks++;
    for (let at = start; at < end; at++) counts[column.keyIds[at]]++;
  }
  const entries: AutoFilterEntry[] = [];
  const byCase = new Map<string, AutoFilterEntry>();
  const lower = lowerKeys(column.keys);
  for (let key = 0; key < counts.length; key++) {
    if (counts[key] === 0) continue;
    const text = column.keys[key];
    const folded = lower[key];
    const existing = byCase.get(folded);
    if (existing) {
      existing.keys.push(text);
      existing.count += counts[key];
      continue;
    }
    const entry = { key: text, keys: [text], count: counts[key] };
    byCase.set(folded, entry);
    entries.push(entry);
  }
  return { entries, blanks };
}
