/**
 * Node-side throughput of the import engine on the generated benchmark CSV: prints JSON lines
 * {"metric","size","value","unit"}. Run: node --import tsx web/import/bench-parse.ts [rows...]
 * (default 100000 1000000). The browser bench (stored and searchable in Chromium) is separate.
 */
import { benchSource } from './bench-csv';
import { analyzeFile, readRecords } from './read-file';

async function measure(rows: number): Promise<void> {
  const source = benchSource(rows);
  console.log(JSON.stringify({ metric: 'file_mb', size: rows, value: Math.round(source.size / 1048576), unit: 'MB' }));
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const started = performance.now();
  const analysis = await analyzeFile(source, { onProgress: sample });
  const analyzed = performance.now();
  let records = 0;
  for await (const batch of readRecords(source, analysis, { onProgress: sample })) records += batch.length;
  const done = performance.now();
  if (records !== rows || analysis.records !== rows) throw new Error(`expected ${rows} records, got ${records}/${analysis.records}`);
  const line = (metric: string, value: number, unit: string) => console.log(JSON.stringify({ metric, size: rows, value: Math.round(value), unit }));
  line('node_analyze_ms', analyzed - started, 'ms');
  line('node_records_ms', done - analyzed, 'ms');
  line('node_parse_rows_per_s', rows / ((done - analyzed) / 1000), 'rows/s');
  line('node_two_pass_rows_per_s', rows / ((done - started) / 1000), 'rows/s');
  line('node_heap_peak_mb', (peak - heapBefore) / 1048576, 'MB');
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const rows of sizes.length ? sizes : [100_000, 1_000_000]) await measure(rows);
