/**
 * The table's pure functions and its current data on window, for the bench and e2e tests
 * (they run in the page and cannot import modules of the bundle). Changes nothing by itself.
 */
import { autoFilterValues } from './autofilter-values';
import { createTableData, type TableData } from './columns';
import { computeView } from './compute-view';
import { filterRows } from './filtering';
import { sortIndices } from './sorting';
import { computeTotals, totalsAt } from './totals';
import type { ViewState } from './view-state';

/** What the table publishes as window.__clientelaTable. */
export interface TableHooks {
  createTableData: typeof createTableData;
  computeView: typeof computeView;
  autoFilterValues: typeof autoFilterValues;
  filterRows: typeof filterRows;
  sortIndices: typeof sortIndices;
  computeTotals: typeof computeTotals;
  totalsAt: typeof totalsAt;
  /** The table on screen: its data (with warm column indexes), view state and search result. */
  current: (() => { data: TableData; state: ViewState; searchIds: ReadonlySet<string> | null }) | null;
}

declare global {
  interface Window {
    /** The table's functions and current view (bench and e2e tests). */
    __clientelaTable?: TableHooks;
  }
}

/** Publishes the pure table functions and a getter of the table on screen. */
export function exposeTableHooks(current: TableHooks['current']): void {
  if (typeof window === 'undefined') return;
  window.__clientelaTable = { createTableData, computeView, autoFilterValues, filterRows, sortIndices, computeTotals, totalsAt, current };
}
