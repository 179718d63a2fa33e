/**
 * What the bench measures inside the page: the reload to a usable table, quick-search
 * latencies and reading the projection. Marks come from the init script in page-marks.ts.
 */
import type { Page } from 'playwright-core';
import { waitForAsync } from '../e2e/browser';
import './page-marks';

/** Waits until quick search finds `name` (the search index caught up with the load). */
export async function waitForIndexed(page: Page, name: string): Promise<number> {
  const started = performance.now();
  await waitForAsync(
    page,
    async (query) => {
      const found = await window.__clientela!.base.search.search(query, 'orgs');
      return found !== null && found.size > 0;
    },
    name,
    { timeout: 300_000, polling: 250, what: `quick search to find ${name}` },
  );
  return performance.now() - started;
}

/** When a reload reached each stage, in ms since navigation start. */
export interface ColdOpen {
  baseOpen: number;
  searchReady: number;
  firstRows: number | null;
  total: number;
  /** How the search index opened (the search client's performance mark): persisted or rebuilt. */
  searchSource: string;
  searchWorkerMs: number | null;
}

/** Reloads the page and reads when the base, search and the first table rows were ready. */
export async function coldOpen(page: Page): Promise<ColdOpen> {
  // A cold open starts from a closed app: leave it first, so the timeline measured is the
  // app's own start-up and not the unload of the page that held the base.
  const url = page.url();
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchMarks?.searchReady !== undefined, null, { timeout: 180_000, polling: 20 });
  const rowsShown = await page
    .waitForFunction(() => window.__benchMarks?.firstRows !== undefined, null, { timeout: 15_000, polling: 20 })
    .then(() => true)
    .catch(() => false);
  const { marks, search } = await page.evaluate(() => {
    const entry = performance.getEntriesByName('clientela:search-ready')[0] as PerformanceMark | undefined;
    const detail = (entry?.detail ?? {}) as { source?: string; workerMs?: number };
    return { marks: window.__benchMarks!, search: { source: detail.source ?? 'unknown', workerMs: detail.workerMs ?? null } };
  });
  const firstRows = rowsShown ? marks.firstRows! : null;
  return {
    baseOpen: marks.baseOpen!,
    searchReady: marks.searchReady!,
    firstRows,
    total: Math.max(marks.searchReady!, firstRows ?? 0),
    searchSource: search.source,
    searchWorkerMs: search.workerMs,
  };
}

/** Past this much time the search phase stops and reports on the queries run so far. */
export const SEARCH_BUDGET_MS = 90_000;

/** Runs the queries one after the other through the app's search client, timing each. */
export async function searchLatencies(page: Page, queries: string[]): Promise<{ times: number[]; hits: number }> {
  return page.evaluate(
    async ([list, budget]) => {
      const search = window.__clientela!.base.search;
      const times: number[] = [];
      let hits = 0;
      const deadline = performance.now() + budget;
      for (const query of list) {
        const started = performance.now();
        const found = await search.search(query, 'orgs');
        times.push(performance.now() - started);
        if (found && found.size > 0) hits++;
        if (performance.now() > deadline) break;
      }
      return { times, hits };
    },
    [queries, SEARCH_BUDGET_MS] as const,
  );
}

