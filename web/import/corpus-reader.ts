/** Reads a file of the shared import corpus for tests (never copied into the repo). */
import { existsSync } from 'node:fs';
import { fileSource } from './node-source';
import { analyzeFile, readRecords, type FileAnalysis, type ReadOptions } from './read-file';
import type { ImportRecord } from './import-record';
import type { ByteSource } from './source';

/**
 * Where the shared corpus lives: $CLIENTELA_CORPUS, else ../shared/import-corpus next to the
 * repo, else the workplace's /work/shared (a clone made elsewhere). Missing → the tests fail.
 */
export const CORPUS_DIR = findCorpus();

function findCorpus(): string {
  const candidates = [process.env.CLIENTELA_CORPUS, new URL('../../../shared/import-corpus/', import.meta.url).pathname, '/work/shared/import-corpus/'];
  const found = candidates.find((dir) => dir && existsSync(dir));
  if (!found) throw new Error(`The shared import corpus was not found (looked in ${candidates.filter(Boolean).join(', ')}); set CLIENTELA_CORPUS.`);
  return found.endsWith('/') ? found : `${found}/`;
}

/** Analysis and all records of a corpus file (path relative to the corpus folder). */
export async function readCorpusFile(path: string, options: ReadOptions = {}): Promise<{ source: ByteSource; analysis: FileAnalysis; records: ImportRecord[] }> {
  const source = await fileSource(`${CORPUS_DIR}${path}`);
  const analysis = await analyzeFile(source, options);
  const records: ImportRecord[] = [];
  if (!analysis.problems.some((found) => found.severity === 'fatal')) for await (const batch of readRecords(source, analysis)) records.push(...batch);
  return { source, analysis, records };
}
