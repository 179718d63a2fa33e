/**
 * The whole recompute of a table view: filter, sort (group column first), group, total.
 * Pure and DOM-free: the grid renders the result; the bench calls it directly.
 */
import type { ColumnIndex, TableData } from './columns';
import { filterRows } from './filtering';
import { groupRows, type RowGroup } from './grouping';
import { sortIndices, type RankKey } from './sorting';
import { totalsAt, type Totals } from './totals';
import type { ViewState } from './view-state';
import { isNumericType } from '../schema/fields';

/** What the grid shows for one state of the view. */
export interface ViewResult {
  /** Indexes into data.rows of the shown rows, in display order. */
  rows: Int32Array;
  /** Groups over `rows` when the view is grouped, else null. */
  groups: RowGroup[] | null;
  /** Totals of each shown numeric column over the shown rows. */
  totals: Map<string, Totals>;
}

/** The rank keys of a view's sort, the group column first (its direction taken from the sort if listed). */
export function rankKeys(data: TableData, state: ViewState): RankKey[] {
  const keys: RankKey[] = [];
  const toKey = (field: string, desc: boolean): RankKey => {
    const column = data.column(field);
    return { rank: column.sortRank, count: column.sortKeys.length, desc };
  };
  const groupBy = state.groupBy && data.fields.has(state.groupBy) ? state.groupBy : null;
  if (groupBy) keys.push(toKey(groupBy, state.sort.find((key) => key.field === groupBy)?.dir === 'desc'));
  for (const key of state.sort) {
    if (key.field === groupBy || !data.fields.has(key.field)) continue;
    keys.push(toKey(key.field, key.dir === 'desc'));
  }
  return keys;
}

/** The shown columns that hold numbers (they get totals). */
export function numericColumns(data: TableData, state: ViewState): ColumnIndex[] {
  return state.columns.filter((field) => data.fields.has(field) && isNumberField(data, field)).map((field) => data.column(field));
}

function isNumberField(data: TableData, field: string): boolean {
  return isNumericType(data.fields.get(field)!.type);
}

/** Filters, sorts, groups and totals `data` as `state` says; `searchIds` null means no quick search. */
export function computeView(data: TableData, state: ViewState, searchIds: ReadonlySet<string> | null): ViewResult {
  const filtered = filterRows(data, state, searchIds);
  const rows = sortIndices(filtered, rankKeys(data, state));
  const numeric = numericColumns(data, state);
  const totals = new Map<string, Totals>();
  for (const column of numeric) totals.set(column.field.id, totalsAt(column.numbers!, rows));
  const groupBy = state.groupBy && data.fields.has(state.groupBy) ? state.groupBy : null;
  const groups = groupBy ? groupRows(rows, data.column(groupBy), numeric) : null;
  return { rows, groups, totals };
}
