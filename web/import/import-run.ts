/**
 * The import itself: reads the records of an analysed file, sorts out duplicates by the chosen
 * policy, links people to their organizations, and stores everything with ONE command
 * (applyImport in web/engine/commands.ts, the only way data changes), so one
 * undo removes the whole import (every record it created or merged carries the batch id).
 * Nothing is written before every record has been read: a refusal or a cancel changes nothing.
 */
import { applyImport, type FieldValues } from '../engine/commands';
import type { Engine } from '../engine/engine';
import { newId } from '../engine/ids';
import type { DuplicateReason } from '../duplicates/find-duplicates';
import { SECTION_IDS, type CustomFieldType, type FieldDef, type SectionId } from '../schema/fields';
import { readFields } from '../schema/org-doc';
import { nameKey } from '../search/normalize';
import { notesFieldOf } from './build-record';
import type { ColumnMapping, ColumnTarget } from './column-target';
import { abortError } from './csv-rows';
import { DuplicateIndex, duplicateKeys, indexBase } from './duplicate-keys';
import { NEW_FIELD_PREFIX, type ImportRecord } from './import-record';
import { mergeValues } from './merge-values';
import { describeProblem, type ImportProblem, type MessageTable } from './problems';
import { readRecords, type FileAnalysis, type ImportProgress } from './read-file';
import type { ByteSource } from './source';
import type { ColumnReading } from './suggest-mapping';
import { en } from '../i18n/messages/en';

/** What to do with a record that matches one in the base or earlier in the file. */
export type DuplicatePolicy = 'create' | 'skip' | 'merge';

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
}

/** Progress callback and cancel signal of a run. */
export interface ImportRunOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/** A record that was not imported, and why. */
export interface SkippedRecord {
  record: number;
  line: number;
  reason: 'problem' | 'duplicateInBase' | 'duplicateInFile';
  problem?: ImportProblem;
  /** The existing record id, or the line of the earlier record in the file. */
  matchedRecordId?: string;
  matchedLine?: number;
  reasons?: DuplicateReason[];
}

/** A duplicate found, whatever the policy did with it. */
export interface DuplicateFound {
  line: number;
  existingRecordId?: string;
  earlierLine?: number;
  reasons: DuplicateReason[];
  outcome: 'created' | 'skipped' | 'merged';
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

/** The import refused to run: the file has problems the user has not accepted. */
export class ImportRefusedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((found) => describeProblem(found)).join('\n'));
    this.name = 'ImportRefusedError';
  }
}

interface Pending {
  id: string;
  section: SectionId;
  values: FieldValues;
  line: number;
  photo?: ImportRecord['photo'];
  orgName?: string;
}

/** Runs an import; resolves with its report, rejects (changing nothing) when refused or cancelled. */
export async function importRecords(engine: Engine, plan: ImportPlan, options: ImportRunOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const { analysis } = plan;
  const blocking = analysis.problems.filter((found) => found.severity === 'fatal' || (found.severity === 'error' && !plan.acceptPartial));
  if (blocking.length) throw new ImportRefusedError(blocking);
  const batch = plan.batch ?? newId(12);
  const report: ImportReport = { batch, created: 0, merged: 0, createdOrgs: 0, skipped: [], duplicates: [], newFields: [], createdIds: [], warnings: analysis.problems.filter((found) => found.severity === 'warning'), elapsedMs: 0 };
  const fields = baseFields(engine);
  const mapping = adoptExistingFields(plan.mapping ?? analysis.mapping, fields);
  const baseIndexes = new Map<SectionId, DuplicateIndex<string>>();
  const fileIndexes = new Map<SectionId, DuplicateIndex<Pending>>();
  const creates: Pending[] = [];
  const merges = new Map<string, FieldValues>();
  const mergeOrgNames = new Map<string, string>();
  let rows = 0;
  for await (const records of readRecords(plan.source, analysis, { mapping: mapping ?? undefined, fields, readings: plan.readings, messages: plan.messages, signal: options.signal, onProgress: options.onProgress })) {
    for (const record of records) {
      rows++;
      if (record.problem) {
        if (!plan.acceptPartial) throw new ImportRefusedError([record.problem]);
        report.skipped.push({ record: record.record, line: record.line, reason: 'problem', problem: record.problem });
        continue;
      }
      const section = record.section;
      const keys = duplicateKeys(section, record.values);
      let baseIndex = baseIndexes.get(section);
      if (!baseIndex) baseIndexes.set(section, (baseIndex = indexBase(engine.rows.values(), section)));
      let fileIndex = fileIndexes.get(section);
      if (!fileIndex) fileIndexes.set(section, (fileIndex = new DuplicateIndex<Pending>()));
      const inBase = keys.length ? baseIndex.match(keys)[0] : undefined;
      const inFile = !inBase && keys.length ? fileIndex.match(keys)[0] : undefined;
      if (plan.duplicates === 'skip' && (inBase || inFile)) {
        report.skipped.push({ record: record.record, line: record.line, reason: inBase ? 'duplicateInBase' : 'duplicateInFile', matchedRecordId: inBase?.owner, matchedLine: inFile?.owner.line, reasons: (inBase ?? inFile)!.reasons });
        report.duplicates.push({ line: record.line, existingRecordId: inBase?.owner, earlierLine: inFile?.owner.line, reasons: (inBase ?? inFile)!.reasons, outcome: 'skipped' });
        continue;
      }
      if (plan.duplicates === 'merge' && inBase) {
        const existing = { ...engine.rows.get(inBase.owner)!.v, ...(merges.get(inBase.owner) ?? {}) };
        const changes = mergeValues(existing, record.values, notesFieldOf(section), plan.messages);
        merges.set(inBase.owner, { ...(merges.get(inBase.owner) ?? {}), ...changes });
        if (record.orgName && !mergeOrgNames.has(inBase.owner)) mergeOrgNames.set(inBase.owner, record.orgName);
        report.duplicates.push({ line: record.line, existingRecordId: inBase.owner, reasons: inBase.reasons, outcome: 'merged' });
        continue;
      }
      if (plan.duplicates === 'merge' && inFile) {
        Object.assign(inFile.owner.values, mergeValues(inFile.owner.values, record.values, notesFieldOf(section), plan.messages));
        inFile.owner.orgName ??= record.orgName;
        inFile.owner.photo ??= record.photo;
        report.duplicates.push({ line: record.line, earlierLine: inFile.owner.line, reasons: inFile.reasons, outcome: 'merged' });
        continue;
      }
      const pending: Pending = { id: newId(), section, values: record.values, line: record.line, photo: record.photo, orgName: record.orgName };
      if (inBase || inFile) report.duplicates.push({ line: record.line, existingRecordId: inBase?.owner, earlierLine: inFile?.owner.line, reasons: (inBase ?? inFile)!.reasons, outcome: 'created' });
      fileIndex.add(keys, pending);
      creates.push(pending);
    }
    if (options.signal?.aborted) throw abortError(options.signal);
  }
  options.onProgress?.({ phase: 'store', rows, bytes: plan.source.size, totalBytes: plan.source.size });
  const orgCreates = linkOrganizations(engine, creates, merges, mergeOrgNames);
  report.createdOrgs = orgCreates.length;
  const allCreates = [...orgCreates, ...creates];
  const newFields = resolveNewFields(engine, allCreates, merges, mapping);
  report.newFields = newFields.map(({ section, id, label }) => ({ section, id, label }));
  if (options.signal?.aborted) throw abortError(options.signal);
  await applyImport(engine, { batch, creates: allCreates, merges, newFields: newFields.map(({ section, id, label, type, order }) => ({ section, id, label, type, order })) });
  report.created = allCreates.length;
  report.createdIds = allCreates.map((pending) => pending.id);
  report.merged = merges.size;
  report.elapsedMs = Date.now() - started;
  return report;
}

/** Every field of the base, custom ones with their types and options. */
function baseFields(engine: Engine): FieldDef[] {
  return SECTION_IDS.flatMap((section) => readFields(engine.org, section));
}

/**
 * A column meant for a new custom field whose label an existing custom field of the section
 * already has goes to that field, so its values are read by that field's type and options
 * (a custom number field gets `1234,5` as a number, not text).
 */
function adoptExistingFields(mapping: ColumnMapping | null, fields: readonly FieldDef[]): ColumnMapping | null {
  if (!mapping) return null;
  let changed = false;
  const targets = mapping.targets.map((target): ColumnTarget => {
    if (target.kind !== 'newField') return target;
    const existing = fields.find((field) => field.section === mapping.section && !field.builtin && !field.deletedAt && field.label === target.label);
    if (!existing) return target;
    changed = true;
    return { kind: 'field', field: existing.id };
  });
  return changed ? { ...mapping, targets } : mapping;
}

/**
 * Sets each person's organization reference: an existing organization with the same name
 * (legal forms and accents forgiven), else one created by this import, once per name; merged
 * people without an organization get one the same way.
 */
function linkOrganizations(engine: Engine, creates: Pending[], merges: Map<string, FieldValues>, mergeOrgNames: Map<string, string>): Pending[] {
  const byName = new Map<string, string>();
  for (const row of engine.rows.values()) {
    if (row.section === 'orgs' && !row.deleted && typeof row.v.name === 'string') {
      const key = nameKey(row.v.name);
      if (key && !byName.has(key)) byName.set(key, row.id);
    }
  }
  for (const pending of creates) {
    if (pending.section === 'orgs' && typeof pending.values.name === 'string') {
      const key = nameKey(pending.values.name);
      if (key && !byName.has(key)) byName.set(key, pending.id);
    }
  }
  const created: Pending[] = [];
  for (const pending of creates) {
    if (!pending.orgName) continue;
    const key = nameKey(pending.orgName) || pending.orgName.trim().toLowerCase();
    let orgId = byName.get(key);
    if (!orgId) {
      orgId = newId();
      byName.set(key, orgId);
      created.push({ id: orgId, section: 'orgs', values: { name: pending.orgName.trim() }, line: pending.line });
    }
    pending.values.org = orgId;
  }
  for (const [recordId, orgName] of mergeOrgNames) {
    const changes = merges.get(recordId)!;
    // A merged person keeps the organization they already have.
    if (engine.rows.get(recordId)?.v.org) continue;
    let orgId = byName.get(nameKey(orgName));
    if (!orgId) {
      orgId = newId();
      byName.set(nameKey(orgName), orgId);
      created.push({ id: orgId, section: 'orgs', values: { name: orgName.trim() }, line: 0 });
    }
    changes.org = orgId;
  }
  return created;
}

interface NewField {
  section: SectionId;
  id: string;
  label: string;
  type: CustomFieldType;
  order: number;
  exists: boolean;
}

/** Gives every `+Label` value its custom field: an existing one with that label, or a new one. */
function resolveNewFields(engine: Engine, creates: Pending[], merges: Map<string, FieldValues>, mapping: ColumnMapping | null): NewField[] {
  const types = new Map<string, CustomFieldType>();
  for (const target of mapping?.targets ?? []) if (target.kind === 'newField') types.set(target.label, target.type);
  const fields = new Map<string, NewField>();
  const fieldFor = (section: SectionId, label: string): NewField => {
    const key = `${section}\u0000${label}`;
    let field = fields.get(key);
    if (!field) {
      const defs = readFields(engine.org, section);
      const existing = defs.find((def) => !def.builtin && !def.deletedAt && def.label === label);
      const order = defs.reduce((max, def) => Math.max(max, def.order), -1) + 1 + [...fields.values()].filter((other) => other.section === section).length;
      field = { section, id: existing?.id ?? `c_${newId(8)}`, label, type: types.get(label) ?? 'text', order, exists: Boolean(existing) };
      fields.set(key, field);
    }
    return field;
  };
  const rename = (section: SectionId, values: FieldValues) => {
    for (const key of Object.keys(values)) {
      if (!key.startsWith(NEW_FIELD_PREFIX)) continue;
      const field = fieldFor(section, key.slice(NEW_FIELD_PREFIX.length));
      values[field.id] = values[key];
      delete values[key];
    }
  };
  for (const pending of creates) rename(pending.section, pending.values);
  for (const [recordId, changes] of merges) rename(engine.rows.get(recordId)!.section, changes);
  return [...fields.values()].filter((field) => !field.exists);
}

/** A skipped record as a sentence (English unless another message table is given). */
export function describeSkip(skipped: SkippedRecord, messages: MessageTable = en): string {
  if (skipped.reason === 'problem' && skipped.problem) return describeProblem(skipped.problem, messages);
  const template = messages[`import.skip.${skipped.reason}`] ?? skipped.reason;
  const params: Record<string, string | number> = { line: skipped.line, first: skipped.matchedLine ?? '?', reasons: (skipped.reasons ?? []).join(', ') };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
