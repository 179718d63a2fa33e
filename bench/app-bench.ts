/**
 * `npm run bench [-- --size N] [--seed S] [--queries Q] [--reloads R] [--profile]`
 *
 * Generates realistic bases (bench/generate.ts), loads each into the built app (dist/) in
 * headless Chromium with a fresh profile, and prints one JSON object per line:
 * {"metric", "size", "value", "unit"} for the load, cold open, search latencies, sort,
 * AutoFilter, totals and heap, plus a `<metric>_vs_target` ratio line where the issue sets a
 * target. Progress goes to stderr, figures to stdout. `--profile` also prints where the
 * page's main thread spent the first load batch, a cold open, a sort click and an AutoFilter
 * opening (CDP sampling profiler, top functions by self time) to stderr.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { launchProfile, openApp, removeProfile, startAppServer, type AppServer } from '../e2e/browser';
import { generateOrganizations, type GeneratedRecord } from './generate';
import { generateBenchQueries } from '../web/search/bench-queries';
import type { Row } from '../web/engine/rows';
import { pageMarksScript } from './page-marks';
import { quantile, ratioLine, round, type Measurement, type Unit } from './targets';
import { clickSort, closePopover, computeTimings, openAutoFilter, type UiTiming } from './table-probes';
import { mainHeapMb, profiled, threadTime, workerHeapMb, type ThreadTime } from './cdp-probes';
import { coldOpen, SEARCH_BUDGET_MS, searchLatencies, waitForIndexed, type ColdOpen } from './page-probes';

const DEFAULT_SIZES = [10_000, 100_000];
/** Records per load call: one book shard (SHARD_CAPACITY), so each call fills one shard. */
const LOAD_BATCH = 10_000;

interface Options {
  sizes: number[];
  seed: number;
  queries: number;
  reloads: number;
  profile: boolean;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      seed: { type: 'string', default: '42' },
      queries: { type: 'string', default: '1000' },
      reloads: { type: 'string', default: '3' },
      profile: { type: 'boolean', default: false },
    },
  });
  const positive = (name: string, text: string): number => {
    const number = Number(text);
    if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} must be a positive whole number, got "${text}"`);
    return number;
  };
  return {
    sizes: values.size ? [positive('size', values.size)] : DEFAULT_SIZES,
    seed: positive('seed', values.seed!),
    queries: positive('queries', values.queries!),
    reloads: positive('reloads', values.reloads!),
    profile: values.profile!,
  };
}

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function emit(size: number, metric: string, value: number | null, unit: Unit, note?: string): void {
  const measurement: Measurement = { metric, size, value: value === null ? null : round(value), unit, ...(note ? { note } : {}) };
  process.stdout.write(JSON.stringify(measurement) + '\n');
  const ratio = ratioLine(measurement);
  if (ratio) process.stdout.write(JSON.stringify(ratio) + '\n');
}

async function loadBase(page: Page, records: GeneratedRecord[], cdp: CDPSession | null): Promise<number> {
  const started = performance.now();
  for (let at = 0; at < records.length; at += LOAD_BATCH) {
    // As JSON text: JSON.parse in the page is much faster than Playwright's own serializer.
    const batch = JSON.stringify(records.slice(at, at + LOAD_BATCH));
    const load = () => page.evaluate((json) => window.__clientela!.bench.createRecords('orgs', JSON.parse(json)), batch);
    if (cdp && at === 0) await profiled(cdp, 'load of the first batch', load, progress);
    else await load();
    progress(`  loaded ${Math.min(at + LOAD_BATCH, records.length)} / ${records.length}`);
  }
  // Cold opens are of a base at rest: the projection rows of these bulk writes follow the
  // documents in the background (see ARCHITECTURE.md, storage), so wait for them too.
  await page.evaluate(() => window.__clientela!.base.engine.projectionStored());
  return performance.now() - started;
}

/** Lets the table finish what it does when idle (it indexes the shown columns while the user reads). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
  await page.waitForTimeout(1000);
}

/** Clicks repeated for the UI medians (the first one is also reported on its own). */
const UI_REPEATS = 5;

/** Runs a UI action `times` times: the first timing, the median, and the average main-thread time per kind. */
async function repeatUi(
  cdp: CDPSession,
  times: number,
  action: () => Promise<UiTiming>,
  after?: () => Promise<void>,
): Promise<{ first: UiTiming; median: number | null; perAction: ThreadTime }> {
  const results: UiTiming[] = [];
  const spent: ThreadTime = { script: 0, style: 0, layout: 0 };
  for (let run = 0; run < times; run++) {
    const before = await threadTime(cdp);
    results.push(await action());
    const afterAction = await threadTime(cdp);
    for (const kind of ['script', 'style', 'layout'] as const) spent[kind] += (afterAction[kind] - before[kind]) / times;
    if (after) await after();
  }
  const values = results.map((result) => result.ms).filter((ms): ms is number => ms !== null);
  return { first: results[0], median: values.length > 0 ? quantile(values, 0.5) : null, perAction: spent };
}

function emitBreakdown(size: number, metric: string, spent: ThreadTime): void {
  emit(size, `${metric}_script_ms`, spent.script, 'ms', 'main-thread JavaScript per action (average)');
  emit(size, `${metric}_style_layout_ms`, spent.style + spent.layout, 'ms', 'main-thread style + layout per action (average)');
}

/** Sort and AutoFilter through the UI, then sort, AutoFilter and totals through the table's pure functions. */
async function measureTable(page: Page, size: number, cdp: CDPSession, profile: boolean): Promise<void> {
  await settle(page);
  await cdp.send('Performance.enable');
  const sort = await repeatUi(cdp, UI_REPEATS, () => clickSort(page, 'name'));
  emit(size, 'sort_ms', sort.median, 'ms', sort.first.note ?? `UI: click the Name header until the table re-rendered, median of ${UI_REPEATS} (asc/desc)`);
  emit(size, 'sort_first_ms', sort.first.ms, 'ms', 'UI: the first of those clicks');
  emitBreakdown(size, 'sort', sort.perAction);
  const autofilter = await repeatUi(cdp, UI_REPEATS, () => openAutoFilter(page, 'city'), () => closePopover(page));
  emit(size, 'autofilter_ms', autofilter.median, 'ms', autofilter.first.note ?? `UI: open the City AutoFilter until its values with counts are shown, median of ${UI_REPEATS}`);
  emit(size, 'autofilter_first_ms', autofilter.first.ms, 'ms', 'UI: the first opening');
  emitBreakdown(size, 'autofilter', autofilter.perAction);
  if (profile) {
    await profiled(cdp, 'sort click', () => clickSort(page, 'name'), progress);
    await profiled(cdp, 'AutoFilter opening', () => openAutoFilter(page, 'city'), progress);
    await closePopover(page);
  }
  const compute = await computeTimings(page, { sort: 'taxId', filter: 'manager' });
  if (!compute) {
    emit(size, 'totals_ms', null, 'ms', 'the table is not on screen (window.__clientelaTable.current is null)');
    return;
  }
  emit(size, 'sort_compute_ms', compute.sortColdMs, 'ms', `computeView sorted by tax id (unique values), ${compute.rows} rows`);
  emit(size, 'autofilter_list_compute_ms', compute.autofilterListMs, 'ms', 'autoFilterValues of the manager column');
  emit(size, 'autofilter_apply_compute_ms', compute.autofilterApplyMs, 'ms', `computeView with one manager chosen: ${compute.shownAfterFilter} rows left`);
  emit(size, 'totals_ms', compute.totalsMs, 'ms', `eight totals of ${compute.totalsColumns} numeric column(s) over ${compute.rows} shown rows`);
}

/** The search engineer's keystroke query generator (web/search/bench-queries.ts) over the generated base. */
function benchQueries(records: GeneratedRecord[], count: number, seed: number): string[] {
  const rows: Row[] = records.map((values, index) => ({ id: `r${index}`, section: 'orgs', shard: '', v: values, created: 0, updated: 0, by: '', seq: 0 }));
  return generateBenchQueries(rows, count, seed).map((query) => query.text);
}

async function benchSize(server: AppServer, size: number, options: Options): Promise<void> {
  progress(`size ${size}: generating (machine load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: figures are slower when others use the CPU)`);
  const records = generateOrganizations(size, options.seed);
  const queries = benchQueries(records, options.queries, options.seed);
  const profile = await launchProfile();
  try {
    await profile.context.addInitScript({ content: pageMarksScript() });
    const errors: string[] = [];
    const page = await openApp(profile.context, `${server.url}#/orgs`, errors);
    const cdp = await profile.context.newCDPSession(page);

    progress(`size ${size}: loading through createRecords in batches of ${LOAD_BATCH}`);
    const loadMs = await loadBase(page, records, options.profile ? cdp : null);
    emit(size, 'load_ms', loadMs, 'ms', 'createRecords in batches of 10k until all is stored in IndexedDB, projection rows included');
    emit(size, 'load_rows_per_s', (size / loadMs) * 1000, 'rows/s');
    const lastName = String(records[records.length - 1].name);
    const indexMs = await waitForIndexed(page, lastName);
    emit(size, 'search_index_catchup_ms', indexMs, 'ms', 'after the load, until search finds the last record');

    // The app rewrites its projection snapshot 5 s after the last change; wait for it (and time
    // it) instead of racing it, as a user's next session would find it written.
    const snapshotMs = await page.evaluate(async () => {
      const started = performance.now();
      await window.__clientela!.base.engine.writeSnapshotNow();
      return performance.now() - started;
    });
    emit(size, 'snapshot_write_ms', snapshotMs, 'ms', 'idle work: the projection snapshot cold start reads');

    progress(`size ${size}: cold opens (${options.reloads} reloads)`);
    const opens: ColdOpen[] = [];
    for (let run = 0; run < options.reloads; run++) {
      // Background work (index persistence) gets its chance, as between two sessions of a user.
      await page.waitForTimeout(2000);
      const open = await coldOpen(page);
      progress(
        `  reload ${run + 1}: base ${open.baseOpen.toFixed(0)} ms, first rows ${open.firstRows?.toFixed(0) ?? 'not seen'} ms, ` +
          `search ready ${open.searchReady.toFixed(0)} ms (index ${open.searchSource}, worker ${open.searchWorkerMs?.toFixed(0) ?? '?'} ms)`,
      );
      opens.push(open);
    }
    const median = (values: number[]) => (values.length > 0 ? quantile(values, 0.5) : null);
    const withRows = opens.filter((open) => open.firstRows !== null);
    emit(size, 'cold_open_ms', median(opens.map((open) => open.total)), 'ms', withRows.length === opens.length ? `median of ${opens.length} cold opens (leave the app, open it again): max(first table rows, search ready)` : 'table rows did not always appear: search ready only on those reloads');
    emit(size, 'cold_open_first_ms', opens[0].total, 'ms', 'first cold open after the load');
    emit(size, 'cold_open_base_ms', median(opens.map((open) => open.baseOpen)), 'ms', 'until the engine is open (reads the projection)');
    emit(size, 'cold_open_first_rows_ms', median(withRows.map((open) => open.firstRows!)), 'ms');
    emit(size, 'cold_open_search_ready_ms', median(opens.map((open) => open.searchReady)), 'ms', `index ${opens.map((open) => open.searchSource).join('/')}`);
    const projectionRead = await page.evaluate(async () => {
      let ms = Infinity;
      let count = 0;
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        count = (await window.__clientela!.base.engine.db.rows.toArray()).length;
        ms = Math.min(ms, performance.now() - started);
      }
      return { ms, count };
    });
    emit(size, 'projection_read_rows_ms', projectionRead.ms, 'ms', `for comparison: IndexedDB rows.toArray() of ${projectionRead.count} rows (what cold start would cost without the snapshot)`);
    if (options.profile) await profiled(cdp, 'cold open', () => coldOpen(page), progress);

    progress(`size ${size}: ${queries.length} search queries`);
    const search = await searchLatencies(page, queries);
    emit(size, 'search_p50_ms', quantile(search.times, 0.5), 'ms');
    emit(size, 'search_p95_ms', quantile(search.times, 0.95), 'ms');
    emit(size, 'search_p99_ms', quantile(search.times, 0.99), 'ms');
    emit(size, 'search_max_ms', Math.max(...search.times), 'ms');
    emit(size, 'search_queries_run', search.times.length, 'count', search.times.length < queries.length ? `stopped after ${SEARCH_BUDGET_MS / 1000} s` : undefined);
    emit(size, 'search_queries_with_hits', search.hits, 'count', `of ${search.times.length}`);

    progress(`size ${size}: sort, AutoFilter, totals`);
    await measureTable(page, size, cdp, options.profile);

    const mainMb = await mainHeapMb(cdp);
    const workerMb = await workerHeapMb(cdp).catch((error: unknown) => {
      progress(`  worker heap not measured: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    emit(size, 'heap_mb', mainMb + (workerMb ?? 0), 'MB', workerMb === null ? 'main thread only' : 'main thread + workers, after GC');
    emit(size, 'heap_main_mb', mainMb, 'MB');
    emit(size, 'heap_workers_mb', workerMb, 'MB');
    if (errors.length > 0) progress(`  page errors: ${errors.join(' | ')}`);
  } finally {
    await profile.close().catch(() => undefined);
    removeProfile(profile);
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (!existsSync('dist/index.html')) throw new Error('No built app in dist/: run "npm run build" first.');
  const server = await startAppServer();
  try {
    for (const size of options.sizes) await benchSize(server, size, options);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
