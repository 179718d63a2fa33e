/**
 * `npm run bench:import [-- --sizes 100000[,1000000]] [--seed S] [--no-calc] [--duplicates create|skip|merge] [--dir D] [--profile FILE]`
 *
 * Generates the benchmark CSV (web/import/bench-csv.ts: quoted fields, line breaks in
 * notes, Cyrillic and diacritics) on disk, picks it in the built app (dist/) in headless
 * Chromium through a real <input type=file>, imports it through the window.__clientela bench
 * hook (the wizard's path: analyzeFile, importRecords with the suggested mapping) and waits
 * until the last record is found by quick search. Then times LibreOffice Calc opening the same
 * file. Prints JSON lines {"metric","size","value","unit"} on stdout, progress on stderr.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { CDPSession, Page } from 'playwright-core';
import { launchProfile, openApp, removeProfile, startAppServer, waitForAsync, type AppServer } from '../e2e/browser';
import { benchCsvChunks } from '../web/import/bench-csv';
import { calcOpenMs, ensureCalc, type CalcAvailability } from './import-calc';
import { calcRatio, measurementLine, parseImportBenchArgs, targetLine, type ImportBenchOptions, type ImportUnit } from './import-options';

function progress(message: string): void {
  process.stderr.write(`[bench:import ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function emit(size: number, metric: string, value: number | null, unit: ImportUnit, note?: string): void {
  process.stdout.write(measurementLine(metric, size, value, unit, note) + '\n');
  const target = targetLine(metric, size, value);
  if (target) process.stdout.write(target + '\n');
}

/** Writes the generated file once per size and seed (reused by later runs). */
async function benchFile(options: ImportBenchOptions, rows: number): Promise<string> {
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, `clients-${rows}-seed${options.seed}.csv`);
  if (existsSync(path)) return path;
  progress(`writing ${path}`);
  const partial = `${path}.part`;
  const out = createWriteStream(partial);
  for (const chunk of benchCsvChunks(rows, options.seed)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  renameSync(partial, path);
  return path;
}

/** Resolves with `fallback` when `promise` takes longer than `ms` (a crashed tab never answers CDP). */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** Samples the page's JS heap every 250 ms (CDP Performance metrics) and keeps the peak. */
function heapSampler(cdp: CDPSession): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await within(cdp.send('Performance.getMetrics'), 5000, { metrics: [] as { name: string; value: number }[] });
      const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await within(loop, 6000, undefined);
      return peak / 1048576;
    },
  };
}

/** Picks the file through a real file input, as a user does in the wizard. */
async function pickFile(page: Page, path: string): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-import-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-import-file', path);
}

/** A node of a CDP CPU profile (the parts the summary reads). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Stops the profiler, writes the .cpuprofile (open it in Chromium's DevTools) and prints the 25 functions with the most self time. */
async function writeProfile(cdp: CDPSession, path: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] } };
  writeFileSync(path, JSON.stringify(profile));
  const selfMs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  progress(`CPU profile written to ${path}; most self time:`);
  for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 25)) progress(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

async function importInChromium(server: AppServer, options: ImportBenchOptions, size: number, path: string): Promise<number | null> {
  const profile = await launchProfile();
  try {
    const errors: string[] = [];
    const page = await openApp(profile.context, `${server.url}#/people`, errors);
    page.on('console', (message) => {
      if (message.text().startsWith('[bench import]')) progress(`  ${message.text().slice('[bench import] '.length)}`);
    });
    const cdp = await profile.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await pickFile(page, path);
    await cdp.send('HeapProfiler.collectGarbage');
    const sampler = heapSampler(cdp);
    if (options.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    progress(`size ${size}: importing in Chromium (duplicates: ${options.duplicates})`);
    const started = performance.now();
    const pick = (duplicates: ImportBenchOptions['duplicates']) => {
      const input = document.getElementById('bench-import-file') as HTMLInputElement;
      return window.__clientela!.bench.importFile(input.files![0], duplicates);
    };
    const result = await page.evaluate(pick, options.duplicates).catch(async (error: unknown) => {
      const peak = await sampler.stop();
      emit(size, 'import_heap_mb', peak, 'MB', `peak main-thread JS heap before the failure, ${((performance.now() - started) / 1000).toFixed(0)} s into the import`);
      throw error;
    });
    const stored = performance.now();
    emit(size, 'import_stored_ms', stored - started, 'ms', 'until importRecords resolved and IndexedDB had the documents');
    if (options.profile) await writeProfile(cdp, options.profile);
    const afterStore = async <T>(step: string, work: Promise<T>): Promise<T> =>
      work.catch(async (error: unknown) => {
        emit(size, 'import_heap_mb', await sampler.stop(), 'MB', `peak main-thread JS heap; the page failed ${((performance.now() - stored) / 1000).toFixed(0)} s after the records were stored, ${step}`);
        throw error;
      });
    // Searchable: quick search for the last record's e-mail name (client<N>; its domain varies) finds that record.
    const query = `client${size - 1}`;
    const lastId = await page.evaluate(
      (prefix) =>
        [...window.__clientela!.base.engine.rows.values()].find((row) => row.section === 'people' && Array.isArray(row.v.emails) && row.v.emails.some((entry) => typeof entry === 'object' && entry.value.startsWith(prefix)))?.id ?? null,
      `${query}@`,
    );
    if (!lastId) throw new Error(`the file's last record (${query}@…) is not in the base`);
    await afterStore(
      'waiting for search',
      waitForAsync(
        page,
        async ({ text, id }) => {
          const found = await window.__clientela!.base.search.search(text, 'people');
          return found !== null && found.has(id);
        },
        { text: query, id: lastId },
        { timeout: 15 * 60_000, polling: 250, what: 'quick search to find the last record' },
      ),
    );
    const searchable = performance.now();
    emit(size, 'import_searchable_ms', searchable - started, 'ms', 'until quick search finds the last record');
    await afterStore('writing the projection rows', page.evaluate(() => window.__clientela!.bench.projectionStored()));
    const projectionStored = performance.now();
    const peakMb = await sampler.stop();
    const count = await page.evaluate(() => window.__clientela!.bench.rowCount('people'));
    if (result.created < size || count !== size) throw new Error(`expected ${size} people, the import created ${result.created} and the base holds ${count}`);
    const total = searchable - started;
    emit(size, 'import_ms', total, 'ms', "the wizard's path without the user's pauses: analysis and duplicate check in the import worker, importRecords storing the records in IndexedDB, found by quick search");
    emit(size, 'import_rows_per_s', (size / total) * 1000, 'rows/s');
    emit(size, 'import_analyze_ms', result.analyzeMs, 'ms', 'import worker, first pass: format, encoding, dialect, column statistics, mapping');
    emit(size, 'import_duplicate_check_ms', result.duplicateCheckMs, 'ms', `import worker, second pass: ${result.duplicatesFound} duplicates found`);
    emit(size, 'import_read_store_ms', result.importMs, 'ms', 'third pass: the worker reads, the main thread sorts out duplicates and stores chunk by chunk (one undo step)');
    emit(size, 'import_flush_ms', result.flushMs, 'ms', 'until IndexedDB has it');
    emit(size, 'import_search_catchup_ms', searchable - stored, 'ms', 'until quick search finds the last record');
    emit(size, 'import_projection_write_ms', projectionStored - searchable, 'ms', 'after the import, in the background: the projection rows (a cache of the stored documents) reach their IndexedDB table');
    emit(size, 'import_heap_mb', peakMb, 'MB', 'peak JSHeapUsedSize of the page main thread, sampled every 250 ms (search worker not included)');
    if (errors.length > 0) progress(`  page errors: ${errors.join(' | ')}`);
    return total;
  } finally {
    await within(profile.close(), 30_000, undefined);
    removeProfile(profile);
  }
}

async function main(): Promise<void> {
  const options = parseImportBenchArgs(process.argv.slice(2), join(tmpdir(), 'clientela-import-bench'));
  if (!existsSync('dist/index.html')) throw new Error('No built app in dist/: run "npm run build" first.');
  const calc: CalcAvailability = options.calc ? ensureCalc(progress) : { missing: 'skipped (--no-calc)' };
  if ('missing' in calc) process.stdout.write(JSON.stringify({ metric: 'calc_open_ms', size: 0, value: null, unit: 'ms', note: `LibreOffice Calc not measured: ${calc.missing}` }) + '\n');
  const server = await startAppServer();
  try {
    for (const size of options.sizes) {
      const path = await benchFile(options, size);
      emit(size, 'file_mb', statSync(path).size / 1048576, 'MB', path);
      emit(size, 'load_average', loadavg()[0], 'load', `1-minute load average on ${availableParallelism()} cores before the run (the machine is shared)`);
      const ours = await importInChromium(server, options, size, path).catch((error: unknown) => {
        progress(`size ${size}: import failed: ${error instanceof Error ? error.message : String(error)}`);
        emit(size, 'import_ms', null, 'ms', `failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      if ('path' in calc) {
        progress(`size ${size}: LibreOffice Calc (soffice --headless --convert-to csv)`);
        const calcMs = await calcOpenMs(calc.path, path).catch((error: unknown) => {
          emit(size, 'calc_open_ms', null, 'ms', error instanceof Error ? error.message : String(error));
          return null;
        });
        if (calcMs !== null) emit(size, 'calc_open_ms', calcMs, 'ms', 'soffice --headless --convert-to csv, profile warmed first');
        emit(size, 'import_vs_calc_ratio', calcRatio(ours, calcMs), 'ratio', 'import_ms / calc_open_ms, same file, same run (below 1: faster than Calc)');
      }
      emit(size, 'load_average_after', loadavg()[0], 'load');
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
