/** Reads a file of the shared import corpus for tests (never copied into the repo). */
import { fileSource } from './node-source';
import { analyzeFile, readRecords, type FileAnalysis, type ReadOptions } from './read-file';
import type { ImportRecord } from './import-record';
import type { ByteSource } from './source';

/** Where the shared corpus lives (../shared/import-corpus next to the repo). */
export const CORPUS_DIR = new URL('../../../shared/import-corpus/', import.meta.url).pathname;

/** Analysis and all records of a corpus file (path relative to the corpus folder). */
export async function readCorpusFile(path: string, options: ReadOptions = {}): Promise<{ source: ByteSource; analysis: FileAnalysis; records: ImportRecord[] }> {
  const source = await fileSource(`${CORPUS_DIR}${path}`);
  const analysis = await analyzeFile(source, options);
  const records: ImportRecord[] = [];
  if (!analysis.problems.some((found) => found.severity === 'fatal')) for await (const batch of readRecords(source, analysis)) records.push(...batch);
  return { source, analysis, records };
}
