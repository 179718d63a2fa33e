/**
 * Node micro-bench of the search index: `node --expose-gc --import tsx web/search/search.bench.ts --size 100000
 * [--compare-minisearch]` (the same rows and queries through MiniSearch, for comparison).
 * Prints one JSON line per figure: {"metric","size","value","unit"}.
 */
import { generateBenchRows } from './bench-data';
import { generateBenchQueries } from './bench-queries';
import { SearchIndex, type PersistedIndex } from './search-index';
import { measureMiniSearch } from './minisearch-compare';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function report(metric: string, size: number, value: number, unit: string): void {
  console.log(JSON.stringify({ metric, size, value: Math.round(value * 100) / 100, unit }));
}

function heapMB(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function persistedBytes(stored: PersistedIndex): number {
  // Strings are stored as UTF-16 by IndexedDB in the worst case; count 2 bytes per char.
  return (stored.ids.length + stored.phones.length + stored.terms.length) * 2 + stored.slotSections.byteLength + stored.counts.byteLength + stored.postings.byteLength;
}

function main(): void {
  const size = argument('size', 100_000);
  const rows = generateBenchRows(size, 1);
  const queries = generateBenchQueries(rows, 1000, 7);
  const heapBefore = heapMB();

  let started = performance.now();
  let index: SearchIndex | null = new SearchIndex();
  for (const row of rows) index.upsert(row);
  index.search('a', 'orgs'); // sorts the term list, part of building
  report('search.index.build', size, performance.now() - started, 'ms');
  report('search.index.heap.built', size, heapMB() - heapBefore, 'MB');

  const stored = index.serialize(size);
  index = null;
  const heapStored = heapMB();
  started = performance.now();
  const copy = structuredClone(stored); // what IndexedDB does on get (as a lower bound)
  report('search.index.clone', size, performance.now() - started, 'ms');
  started = performance.now();
  const loaded = SearchIndex.load(copy);
  report('search.index.load', size, performance.now() - started, 'ms');
  if (!loaded) throw new Error('the persisted index did not load');
  report('search.index.persisted', size, persistedBytes(stored) / 2 ** 20, 'MB');
  // The loaded index keeps the cloned typed arrays and splits the strings; `stored` stays alive.
  report('search.index.heap.loaded', size, heapMB() - heapStored, 'MB');

  for (const query of queries.slice(0, 100)) loaded.search(query.text, query.section); // warm up the JIT
  const times: number[] = [];
  let matches = 0;
  for (const query of queries) {
    const begin = performance.now();
    matches += loaded.search(query.text, query.section)?.count ?? 0;
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  report('search.query.p50', size, percentile(times, 50), 'ms');
  report('search.query.p95', size, percentile(times, 95), 'ms');
  report('search.query.p99', size, percentile(times, 99), 'ms');
  report('search.query.max', size, times[times.length - 1], 'ms');
  report('search.query.matches.mean', size, matches / queries.length, 'rows');

  started = performance.now();
  loaded.upsert({ ...rows[0], v: { ...rows[0].v, name: 'Edited Ștefănescu' } });
  loaded.search('edited', rows[0].section);
  report('search.index.first-edit-after-load', size, performance.now() - started, 'ms');

  if (process.argv.includes('--compare-minisearch')) {
    const mini = measureMiniSearch(rows, queries, heapMB);
    report('minisearch.index.heap.loaded', size, mini.heapMB, 'MB');
    report('minisearch.index.build', size, mini.buildMs, 'ms');
    report('minisearch.index.json', size, mini.jsonMB, 'MB');
    report('minisearch.index.loadJSON', size, mini.loadJsonMs, 'ms');
    const sorted = mini.queryTimes.sort((a, b) => a - b);
    report('minisearch.query.p50', size, percentile(sorted, 50), 'ms');
    report('minisearch.query.p95', size, percentile(sorted, 95), 'ms');
    report('minisearch.query.p99', size, percentile(sorted, 99), 'ms');
  }
}

main();
