/**
 * Timing the table at a size: through the UI as a user meets it (click a column header, open
 * an AutoFilter: from the click until the table's data-view-version bumped or the value list
 * is on screen, and a frame painted), and through the table's pure functions on the data on
 * screen (window.__clientelaTable, published by web/table/bench-hooks.ts).
 */
import type { Page } from 'playwright-core';

/** Milliseconds of one UI action, or null with the reason when it could not be done. */
export interface UiTiming {
  ms: number | null;
  note?: string;
}

/** What ends a timed click: the table's version bumped, or the AutoFilter's value list shown. */
type Done = 'version' | 'autofilter-list';

/**
 * Clicks `selector` and times until `done` holds (checked right after the click, then every
 * frame) and the next frame is painted.
 */
async function timeClick(page: Page, selector: string, done: Done): Promise<UiTiming> {
  return page.evaluate(
    async ([target, until]) => {
      const root = document.querySelector('[data-view-version]');
      const button = document.querySelector<HTMLElement>(target);
      if (!root || !button) return { ms: null, note: `not on screen: ${root ? target : '[data-view-version]'}` };
      const before = root.getAttribute('data-view-version');
      const finished = () =>
        until === 'version' ? root.getAttribute('data-view-version') !== before : document.querySelector('.autofilter .af-list li') !== null;
      const started = performance.now();
      button.click();
      const timeout = started + 30_000;
      while (!finished()) {
        if (performance.now() > timeout) return { ms: null, note: 'no change within 30 s' };
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      // A frame painted with the change: rAF runs before paint, the timeout after it.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { ms: performance.now() - started };
    },
    [selector, done] as const,
  );
}

/** Sorts by clicking a column's header (again: the other direction). */
export function clickSort(page: Page, field: string): Promise<UiTiming> {
  return timeClick(page, `[role="columnheader"][data-field="${field}"] .th-sort`, 'version');
}

/** Opens a column's AutoFilter: until its list of values with counts is shown. */
export function openAutoFilter(page: Page, field: string): Promise<UiTiming> {
  return timeClick(page, `[role="columnheader"][data-field="${field}"] .th-filter`, 'autofilter-list');
}

/** Closes an open popover (AutoFilter) the way a user does. */
export async function closePopover(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

/** Milliseconds of the table's computations on the data on screen. */
export interface ComputeTimings {
  rows: number;
  /** Sort by a column (its index built on first use if the table has not built it yet). */
  sortColdMs: number;
  /** AutoFilter value list with counts of a column. */
  autofilterListMs: number;
  /** Applying one AutoFilter value (the most common) to the view. */
  autofilterApplyMs: number;
  shownAfterFilter: number;
  /** The eight totals of every shown numeric column over every shown row. */
  totalsMs: number;
  totalsColumns: number;
}

/** Times sort, AutoFilter and totals through window.__clientelaTable; null when the table is not on screen. */
export function computeTimings(page: Page, fields: { sort: string; filter: string }): Promise<ComputeTimings | null> {
  return page.evaluate((probe) => {
    const hooks = window.__clientelaTable;
    const current = hooks?.current?.();
    if (!hooks || !current) return null;
    const { data, state, searchIds } = current;
    const time = <T,>(work: () => T): [number, T] => {
      const started = performance.now();
      const result = work();
      return [performance.now() - started, result];
    };
    const [sortColdMs] = time(() => hooks.computeView(data, { ...state, sort: [{ field: probe.sort, dir: 'asc' }] }, searchIds));
    const [autofilterListMs, list] = time(() => hooks.autoFilterValues(data, state, searchIds, probe.filter));
    const common = list.entries.reduce((best, entry) => (entry.count > best.count ? entry : best), { key: '', count: -1 });
    const filtered = { ...state, filters: [...state.filters.filter((filter) => filter.field !== probe.filter), { field: probe.filter, values: [common.key], blanks: false }] };
    const [autofilterApplyMs, view] = time(() => hooks.computeView(data, filtered, searchIds));
    const all = hooks.computeView(data, state, searchIds);
    const numeric = state.columns.filter((id) => {
      const type = data.fields.get(id)?.type;
      return type === 'number' || type === 'money';
    });
    const [totalsMs] = time(() => numeric.map((id) => hooks.totalsAt(data.column(id).numbers!, all.rows)));
    return { rows: data.rows.length, sortColdMs, autofilterListMs, autofilterApplyMs, shownAfterFilter: view.rows.length, totalsMs, totalsColumns: numeric.length };
  }, fields);
}
