/**
 * How long one import command takes to store N records in Node (engine on fake-indexeddb) and
 * to undo as one step. Prints JSON lines. Run: node --import tsx web/import/bench-store.ts [rows...]
 */
import { openTestEngine } from '../engine/test-support';
import { benchSource } from './bench-csv';
import { importRecords } from './import-run';
import { analyzeFile } from './read-file';

async function measure(rows: number): Promise<void> {
  const engine = await openTestEngine();
  const source = benchSource(rows);
  const analysis = await analyzeFile(source);
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  let phase = 'read';
  const started = performance.now();
  const report = await importRecords(engine, { source, analysis, duplicates: 'create' }, {
    onProgress: (progress) => {
      if (progress.phase !== phase) {
        phases[phase] = performance.now() - phaseStart;
        phase = progress.phase;
        phaseStart = performance.now();
      }
    },
  });
  phases[phase] = performance.now() - phaseStart;
  const stored = performance.now() - started;
  const line = (metric: string, value: number, unit: string) => console.log(JSON.stringify({ metric, size: rows, value: Math.round(value), unit }));
  line('node_import_read_ms', phases.read ?? 0, 'ms');
  line('node_import_store_ms', phases.store ?? 0, 'ms');
  line('node_import_total_ms', stored, 'ms');
  line('node_import_rows_per_s', rows / (stored / 1000), 'rows/s');
  line('node_import_created', report.created, 'records');
  const undoStart = performance.now();
  await engine.undo();
  line('node_undo_ms', performance.now() - undoStart, 'ms');
  const live = [...engine.rows.values()].filter((row) => !row.deleted).length;
  line('node_rows_after_undo', live, 'records');
  await engine.close();
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const rows of sizes.length ? sizes : [10_000, 100_000]) await measure(rows);
