/**
 * A narrow window hook for end-to-end tests and the bench: lets them wait until the base is
 * open, read engine figures and (bench) fill a base fast through the command an import uses.
 * It changes nothing by itself: every change is an explicit call from a test.
 */
import type { Base } from './base';
import { createRecords, type FieldValues } from '../engine/commands';
import type { SectionId } from '../schema/fields';

/** What the bench calls in the page (the app's modules are bundled, so it cannot import them). */
export interface BenchHooks {
  /**
   * Creates records as one command, as an import does. Resolves once they are in the
   * projection; they reach IndexedDB in the background (await base.engine.flush() for that),
   * so a bench can prepare the next batch while the browser writes the last one.
   */
  createRecords(section: SectionId, list: FieldValues[]): Promise<number>;
  /** Number of live (not deleted) records of a section in the projection. */
  rowCount(section: SectionId): number;
  /**
   * Imports a picked file along the import wizard's path with its suggested mapping: analysis and
   * duplicate check in the import worker, then importRecords on this thread (where the engine
   * lives), resolving once the records are in the projection and in IndexedDB. The import code
   * loads on demand, off the start-up bundle.
   */
  importFile(file: File, duplicates?: 'create' | 'skip' | 'merge'): Promise<BenchImportResult>;
  /** Resolves when the projection rows of bulk writes are stored too (they follow in the background). */
  projectionStored(): Promise<void>;
}

/** What the bench's import hook reports (times in ms, from the page's clock). */
export interface BenchImportResult {
  format: string | null;
  records: number;
  created: number;
  skipped: number;
  /** Duplicates the wizard's check found (in the base and within the file). */
  duplicatesFound: number;
  analyzeMs: number;
  duplicateCheckMs: number;
  importMs: number;
  flushMs: number;
}

/** What the app publishes on window once the base is open. */
export interface TestHooks {
  base: Base;
  bench: BenchHooks;
}

declare global {
  interface Window {
    /** Set once the base is open (e2e tests and bench wait for it). */
    __clientela?: TestHooks;
  }
}

/** Publishes the open base on window for tests and the bench. */
export function exposeTestHooks(base: Base): void {
  const { engine } = base;
  window.__clientela = {
    base,
    bench: {
      async createRecords(section, list) {
        return (await createRecords(engine, section, list)).length;
      },
      async importFile(file, duplicates = 'create') {
        const [{ importRecords, mappingForBase }, { blobSource }, { createImportClient }, { checkDuplicates }] = await Promise.all([
          import('../import/import-run'),
          import('../import/source'),
          import('../import/wizard/import-client'),
          import('../import/wizard/duplicate-check'),
        ]);
        const client = createImportClient();
        // Progress on the console: the bench prints it, and it tells how far a run got if the tab dies.
        const started = performance.now();
        let logged = 0;
        const log = (text: string) => console.info(`[bench import] ${((performance.now() - started) / 1000).toFixed(1)} s: ${text}`);
        const onProgress = (progress: { phase: string; rows: number }) => {
          if (progress.rows < logged + 100_000 && progress.rows >= logged) return;
          logged = progress.rows;
          log(`${progress.phase} ${progress.rows} rows`);
        };
        try {
          const analysis = await client.analyze(file, file.name, {}, { onProgress });
          log(`analysed: ${analysis.records} records`);
          if (!analysis.mapping) throw new Error(`no mapping suggested for ${file.name}`);
          const analyzed = performance.now();
          const request = { analysis, mapping: analysis.mapping, readings: analysis.readings };
          logged = 0;
          const found = await checkDuplicates(client.records(file, file.name, request, { onProgress }), engine.rows);
          const checked = performance.now();
          log(`duplicates checked: ${found.inBase + found.inFile}`);
          logged = 0;
          const records = client.records(file, file.name, { ...request, mapping: mappingForBase(engine, analysis.mapping)! }, { onProgress });
          const report = await importRecords(engine, { source: blobSource(file, file.name), records, analysis, duplicates }, { onProgress });
          const imported = performance.now();
          log(`stored in the projection: ${report.created} created`);
          await engine.flush();
          log('written to IndexedDB');
          return {
            format: analysis.format,
            records: analysis.records,
            created: report.created,
            skipped: report.skipped.length,
            duplicatesFound: found.inBase + found.inFile,
            analyzeMs: analyzed - started,
            duplicateCheckMs: checked - analyzed,
            importMs: imported - checked,
            flushMs: performance.now() - imported,
          };
        } finally {
          client.dispose();
        }
      },
      projectionStored: () => engine.projectionStored(),
      rowCount(section) {
        let count = 0;
        for (const row of engine.rows.values()) if (row.section === section && !row.deleted) count++;
        return count;
      },
    },
  };
}
