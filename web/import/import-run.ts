/**
 * The import itself: reads the records of an analysed file, sorts out duplicates by the chosen
 * policy, links people to their organizations, and stores them chunk by chunk through
 * applyImport (web/engine/commands.ts, the only way data changes). The chunks share one undo
 * step, so one undo removes the whole import (every record it created or merged carries the
 * batch id); a refusal or a cancel half-way rolls back what was stored, so it changes nothing.
 */
import { applyImport } from '../engine/commands';
import { SHARD_CAPACITY, type Engine } from '../engine/engine';
import { newId } from '../engine/ids';
import { SECTION_IDS, type FieldDef, type SectionId } from '../schema/fields';
import { readFields } from '../schema/org-doc';
import type { ColumnMapping } from './column-target';
import { abortError } from './csv-rows';
import type { ImportRecord } from './import-record';
import { adoptExistingFields, ImportPlanner, ImportRefusedError, type DuplicateFound, type DuplicatePolicy, type SkippedRecord } from './import-planner';
import { describeProblem, type ImportProblem, type MessageTable } from './problems';
import { readRecords, type FileAnalysis, type ImportProgress } from './read-file';
import type { ByteSource } from './source';
import type { ColumnReading } from './suggest-mapping';
import { en } from '../i18n/messages/en';

export { ImportRefusedError, type DuplicateFound, type DuplicatePolicy, type SkippedRecord } from './import-planner';

/** Everything the user decided in the wizard. */
export interface ImportPlan {
  source: ByteSource;
  analysis: FileAnalysis;
  /** The mapping as edited (defaults to the analysis' suggestion). */
  mapping?: ColumnMapping;
  readings?: ColumnReading[];
  duplicates: DuplicatePolicy;
  /** Import the good records of a file that has bad ones (the report lists the bad ones). */
  acceptPartial?: boolean;
  /** Batch id stamped on every created or merged record (generated when absent). */
  batch?: string;
  /** Messages for labels written into notes (the UI language); English when absent. */
  messages?: MessageTable;
  /**
   * The records, already read (the wizard's import worker reads them off the main thread);
   * read from `source` on this thread when absent.
   */
  records?: AsyncIterable<ImportRecord[]>;
}

/** Progress callback and cancel signal of a run. */
export interface ImportRunOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Records per stored chunk (STORE_CHUNK_RECORDS unless a test wants many small chunks). */
  chunkRecords?: number;
}

/** The import report. */
export interface ImportReport {
  batch: string;
  created: number;
  merged: number;
  /** Organizations created for people's company names (included in created). */
  createdOrgs: number;
  skipped: SkippedRecord[];
  duplicates: DuplicateFound[];
  /** Custom fields created: section, id and label. */
  newFields: { section: SectionId; id: string; label: string }[];
  /** Ids of the created records. */
  createdIds: string[];
  /**
   * What was imported but the user should know: rows with fewer fields than the header (their
   * lines), birthdays without a year kept in notes (their contacts), and the like.
   */
  warnings: ImportProblem[];
  elapsedMs: number;
}

/**
 * Records (created plus merged) stored per command. Each chunk is one transaction and one
 * IndexedDB write, so memory does not grow with the file and the page stays responsive; the
 * chunks share one undo step (an undo group), so one undo still removes the whole import.
 */
export const STORE_CHUNK_RECORDS = 5_000;

/**
 * Runs an import; resolves with its report. Records are stored chunk by chunk as they are read
 * (from `plan.records` when the import worker reads them, else from `plan.source` here); a
 * refusal or a cancel rolls back what was stored, so it changes nothing.
 */
export async function importRecords(engine: Engine, plan: ImportPlan, options: ImportRunOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const { analysis } = plan;
  const blocking = analysis.problems.filter((found) => found.severity === 'fatal' || (found.severity === 'error' && !plan.acceptPartial));
  if (blocking.length) throw new ImportRefusedError(blocking);
  const batch = plan.batch ?? newId(12);
  const report: ImportReport = { batch, created: 0, merged: 0, createdOrgs: 0, skipped: [], duplicates: [], newFields: [], createdIds: [], warnings: analysis.problems.filter((found) => found.severity === 'warning'), elapsedMs: 0 };
  const mapping = mappingForBase(engine, plan.mapping ?? analysis.mapping);
  const planner = new ImportPlanner({ rows: engine.rows, fields: () => baseFields(engine), mapping, duplicates: plan.duplicates, acceptPartial: Boolean(plan.acceptPartial), messages: plan.messages });
  const group = engine.beginUndoGroup();

  const store = async () => {
    if (planner.waiting === 0) return;
    const chunk = planner.takeChunk();
    await applyImport(engine, { batch, ...chunk }, group);
    planner.stored(chunk);
    report.createdOrgs += chunk.createdOrgs;
    report.created += chunk.creates.length;
    for (const created of chunk.creates) report.createdIds.push(created.id);
    // Shards this chunk filled take no more records: decoded, a full shard holds ~25 MB, so a
    // million imported records would not fit in the tab. Undo reloads them.
    const filled = new Set<string>();
    for (const created of chunk.creates) {
      const shard = engine.rows.get(created.id)?.shard;
      if (shard && (engine.shardSizes().get(shard) ?? 0) >= SHARD_CAPACITY) filled.add(shard);
    }
    if (filled.size > 0) await engine.releaseDocs([...filled]);
    else await engine.flush();
    // The file's share stored so far (the worker reads a few batches ahead, so not the bytes it read).
    const share = analysis.records > 0 ? Math.min(1, planner.rows / analysis.records) : 1;
    options.onProgress?.({ phase: 'store', rows: planner.rows, bytes: Math.round(plan.source.size * share), totalBytes: plan.source.size });
  };

  try {
    const batches = plan.records ?? readRecords(plan.source, analysis, { mapping: mapping ?? undefined, fields: baseFields(engine), readings: plan.readings, messages: plan.messages, signal: options.signal, onProgress: options.onProgress });
    for await (const records of batches) {
      for (const record of records) planner.add(record);
      if (options.signal?.aborted) throw abortError(options.signal);
      if (planner.waiting >= (options.chunkRecords ?? STORE_CHUNK_RECORDS)) await store();
    }
    if (options.signal?.aborted) throw abortError(options.signal);
    await store();
  } catch (error) {
    // Cancelled or refused half-way: what the earlier chunks stored is taken back.
    await engine.rollbackUndoGroup(group);
    throw error;
  } finally {
    engine.endUndoGroup(group);
  }
  report.skipped = planner.skipped;
  report.duplicates = planner.duplicates;
  report.merged = planner.mergedIds.size;
  report.newFields = planner.createdFields.map(({ section, id, label }) => ({ section, id, label }));
  report.elapsedMs = Date.now() - started;
  return report;
}

/** Every field of the base, custom ones with their types and options. */
function baseFields(engine: Engine): FieldDef[] {
  return SECTION_IDS.flatMap((section) => readFields(engine.org, section));
}

/**
 * The mapping records are read with for this base: new-field columns whose label an existing
 * custom field has go to that field (see adoptExistingFields). The wizard sends it to the import
 * worker, so records read there come out as importRecords would read them here.
 */
export function mappingForBase(engine: Engine, mapping: ColumnMapping | null): ColumnMapping | null {
  return adoptExistingFields(mapping, baseFields(engine));
}

/** A skipped record as a sentence (English unless another message table is given). */
export function describeSkip(skipped: SkippedRecord, messages: MessageTable = en): string {
  if (skipped.reason === 'problem' && skipped.problem) return describeProblem(skipped.problem, messages);
  const template = messages[`import.skip.${skipped.reason}`] ?? skipped.reason;
  const params: Record<string, string | number> = { line: skipped.line, first: skipped.matchedLine ?? '?', reasons: (skipped.reasons ?? []).join(', ') };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
