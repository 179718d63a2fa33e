/**
 * Browser bench of the quick search through the app's own SearchClient and worker, in headless
 * Chromium against the built app (run `npx vite build` first):
 *   node --import tsx web/search/search.browser-bench.ts --size 100000 [--reloads 3]
 * Writes `size` generated rows straight into the projection table, lets the worker index and
 * persist them, then reloads and measures: navigation → search ready (index loaded from
 * IndexedDB), the worker's own open time, and 1,000 keystroke queries (p50/p95/p99).
 * Prints JSON lines {"metric","size","value","unit"}.
 */
import { launchProfile, openApp, removeProfile, startAppServer } from '../../e2e/browser';
import { generateBenchRows } from './bench-data';
import { generateBenchQueries } from './bench-queries';
import type { Page } from 'playwright-core';
import { pageMarksScript, type PageMarks } from '../../bench/page-marks';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function report(metric: string, size: number, value: number, unit: string): void {
  console.log(JSON.stringify({ metric, size, value: Math.round(value * 100) / 100, unit }));
}

/** Waits for the search-ready mark of the current page load and returns its time and detail. */
async function searchReady(page: Page): Promise<{ at: number; workerMs: number; source: string; rows: number; caughtUp: number }> {
  await page.waitForFunction(() => window.__clientela !== undefined, null, { timeout: 600_000 });
  return page.evaluate(async () => {
    await window.__clientela!.base.search.ready;
    const mark = performance.getEntriesByName('clientela:search-ready').at(-1) as PerformanceMark;
    const detail = mark.detail as { workerMs: number; source: string; rows: number; caughtUp: number };
    return { at: mark.startTime, ...detail };
  });
}

async function storedIndexSeq(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('clientela');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('searchIndex').objectStore('searchIndex').get('index');
          get.onsuccess = () => {
            db.close();
            resolve((get.result?.value?.seq as number | undefined) ?? -1);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function main(): Promise<void> {
  const size = argument('size', 100_000);
  const reloads = argument('reloads', 3);
  const rows = generateBenchRows(size, 1);
  const queries = generateBenchQueries(rows, 1000, 7);
  const server = await startAppServer();
  const profile = await launchProfile();
  await profile.context.addInitScript(pageMarksScript());
  try {
    const page = await openApp(profile.context, server.url);
    await searchReady(page);
    const firstSeq = await page.evaluate(() => window.__clientela!.base.engine.currentProjectionSeq());
    for (let from = 0; from < rows.length; from += 10_000) {
      const chunk = rows.slice(from, from + 10_000).map((row, n) => ({ ...row, seq: firstSeq + from + n + 1 }));
      await page.evaluate(
        (batch) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.open('clientela');
            request.onsuccess = () => {
              const db = request.result;
              const tx = db.transaction(['rows', 'kv'], 'readwrite');
              for (const row of batch) tx.objectStore('rows').put(row);
              tx.objectStore('kv').put({ key: 'projectionSeq', value: batch[batch.length - 1].seq });
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
            request.onerror = () => reject(request.error);
          }),
        chunk,
      );
    }
    const lastSeq = firstSeq + rows.length;

    let started = Date.now();
    await page.reload();
    const catchUp = await searchReady(page);
    report('search.browser.catch-up', size, catchUp.workerMs, 'ms');
    while ((await storedIndexSeq(page)) < lastSeq) await page.waitForTimeout(250);
    report('search.browser.persist-after-catch-up', size, Date.now() - started, 'ms');

    const opens: number[] = [];
    const workerOpens: number[] = [];
    const marks: PageMarks[] = [];
    for (let reload = 0; reload < reloads; reload++) {
      await page.reload();
      const ready = await searchReady(page);
      if (ready.source !== 'persisted' || ready.rows < size) throw new Error(`reload ${reload}: index ${ready.source} with ${ready.rows} rows`);
      opens.push(ready.at);
      workerOpens.push(ready.workerMs);
      await page.waitForTimeout(1000);
      marks.push(await page.evaluate(() => (window as unknown as { __benchMarks: PageMarks }).__benchMarks));
    }
    console.error(JSON.stringify(marks));
    console.error(JSON.stringify(await page.evaluate(() => (performance.getEntriesByName('clientela:search-ready').at(-1) as PerformanceMark).detail)));
    report('search.browser.ready-after-navigation.median', size, opens.sort((a, b) => a - b)[Math.floor(opens.length / 2)], 'ms');
    report('search.browser.worker-open.median', size, workerOpens.sort((a, b) => a - b)[Math.floor(workerOpens.length / 2)], 'ms');

    started = Date.now();
    const times = await page.evaluate(async (list) => {
      const client = window.__clientela!.base.search;
      const spent: number[] = [];
      for (const query of list) {
        const begin = performance.now();
        const ids = await client.search(query.text, query.section);
        if (ids) ids.has('probe'); // what the table does with a result, once per row
        spent.push(performance.now() - begin);
      }
      return spent;
    }, queries);
    times.sort((a, b) => a - b);
    const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    report('search.browser.query.p50', size, at(0.5), 'ms');
    report('search.browser.query.p95', size, at(0.95), 'ms');
    report('search.browser.query.p99', size, at(0.99), 'ms');
    report('search.browser.query.max', size, times[times.length - 1], 'ms');

    const cdp = await profile.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    report('search.browser.page-heap', size, heap.usedSize / 2 ** 20, 'MB');
  } finally {
    await profile.close();
    removeProfile(profile);
    await server.stop();
  }
}

await main();
