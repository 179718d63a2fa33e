/**
 * What an import writes, decided without writing: records of a file against the rows already in
 * the base, sorted out by the duplicate policy (create / skip / merge), people linked to their
 * organizations, `+Label` values given custom fields. Pure (no engine, no IndexedDB), so the
 * app's importRecords (web/import/import-run.ts) and the relay's CLI import
 * (relay/import/book-import.ts) decide alike. Records go in one at a time; plans come out in
 * chunks, so an import of any size is stored a chunk at a time.
 */
import type { DuplicateReason } from '../duplicates/find-duplicates';
import type { FieldValues } from '../engine/commands';
import { newId } from '../engine/ids';
import type { Row } from '../engine/rows';
import type { CustomFieldType, FieldDef, SectionId } from '../schema/fields';
import { nameKey } from '../search/normalize';
import { notesFieldOf } from './build-record';
import type { ColumnMapping, ColumnTarget } from './column-target';
import { DuplicateIndex, duplicateKeys, indexBase } from './duplicate-keys';
import { NEW_FIELD_PREFIX, type ImportRecord } from './import-record';
import { mergeValues } from './merge-values';
import { describeProblem, type ImportProblem, type MessageTable } from './problems';

/** What to do with a record that matches one in the base or earlier in the file. */
export type DuplicatePolicy = 'create' | 'skip' | 'merge';

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

/** The import refused to run: the file has problems the user has not accepted. */
export class ImportRefusedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((found) => describeProblem(found)).join('\n'));
    this.name = 'ImportRefusedError';
  }
}

/** A record the import creates. */
export interface PlannedRecord {
  id: string;
  section: SectionId;
  values: FieldValues;
  /** Line of the file it came from (0 for an organization created for a merged person). */
  line: number;
  photo?: ImportRecord['photo'];
  orgName?: string;
}

/** A custom field the import adds to the org document. */
export interface PlannedField {
  section: SectionId;
  id: string;
  label: string;
  type: CustomFieldType;
  order: number;
}

/** One chunk to store: created records (organizations first), merges into stored records, new fields. */
export interface PlannedChunk {
  creates: PlannedRecord[];
  /** Changes per stored record id (only the fields that change). */
  merges: Map<string, FieldValues>;
  newFields: PlannedField[];
  /** How many of `creates` are organizations created for people's company names. */
  createdOrgs: number;
}

/** What the planner reads and decides by. */
export interface PlannerContext {
  /**
   * The stored rows by id: the base, and after each stored chunk the records it created (the
   * engine's projection is such a map; a one-chunk plan may pass a plain Map).
   */
  rows: ReadonlyMap<string, Row>;
  /** Every section's fields of the base, custom ones included, as they are now. */
  fields: () => readonly FieldDef[];
  mapping: ColumnMapping | null;
  duplicates: DuplicatePolicy;
  /** Skip (and list) the records with problems instead of refusing the whole file. */
  acceptPartial: boolean;
  messages?: MessageTable;
}

/** A record this import created, as the in-file duplicate index remembers it. */
interface FileEntry {
  id: string;
  line: number;
  /** The record while its chunk is not stored yet (merges go into its values); null after. */
  pending: PlannedRecord | null;
}

interface NewField extends PlannedField {
  exists: boolean;
}

/**
 * A column meant for a new custom field whose label an existing custom field of the section
 * already has goes to that field, so its values are read by that field's type and options
 * (a custom number field gets `1234,5` as a number, not text).
 */
export function adoptExistingFields(mapping: ColumnMapping | null, fields: readonly FieldDef[]): ColumnMapping | null {
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

/** Decides an import record by record; hands out what to store chunk by chunk. */
export class ImportPlanner {
  /** Records read, problems included. */
  rows = 0;
  readonly skipped: SkippedRecord[] = [];
  readonly duplicates: DuplicateFound[] = [];
  /** Records of the base (not of this file) that merges changed. */
  readonly mergedIds = new Set<string>();
  /** Custom fields this import created, in creation order. */
  readonly createdFields: PlannedField[] = [];

  private readonly baseIndexes = new Map<SectionId, DuplicateIndex<string>>();
  private readonly fileIndexes = new Map<SectionId, DuplicateIndex<FileEntry>>();
  private readonly fileEntries = new Map<PlannedRecord, FileEntry>();
  private readonly fieldTypes = new Map<string, CustomFieldType>();
  private readonly newFields = new Map<string, NewField>();
  private orgIds: Map<string, string> | null = null;
  private chunk = { creates: [] as PlannedRecord[], merges: new Map<string, FieldValues>(), mergeOrgNames: new Map<string, string>() };

  constructor(private readonly context: PlannerContext) {
    for (const target of context.mapping?.targets ?? []) if (target.kind === 'newField') this.fieldTypes.set(target.label, target.type);
  }

  /** Records waiting for the next chunk (created plus merged). */
  get waiting(): number {
    return this.chunk.creates.length + this.chunk.merges.size;
  }

  /** Decides one record; throws ImportRefusedError for a bad record unless partial imports are accepted. */
  add(record: ImportRecord): void {
    this.rows++;
    const { context } = this;
    if (record.problem) {
      if (!context.acceptPartial) throw new ImportRefusedError([record.problem]);
      this.skipped.push({ record: record.record, line: record.line, reason: 'problem', problem: record.problem });
      return;
    }
    const section = record.section;
    const keys = record.keys ?? duplicateKeys(section, record.values);
    let baseIndex = this.baseIndexes.get(section);
    if (!baseIndex) this.baseIndexes.set(section, (baseIndex = indexBase(context.rows.values(), section)));
    let fileIndex = this.fileIndexes.get(section);
    if (!fileIndex) this.fileIndexes.set(section, (fileIndex = new DuplicateIndex<FileEntry>()));
    const inBase = keys.length ? baseIndex.match(keys)[0] : undefined;
    const inFile = !inBase && keys.length ? fileIndex.match(keys)[0] : undefined;
    const match = inBase ?? inFile;
    if (context.duplicates === 'skip' && match) {
      this.skipped.push({ record: record.record, line: record.line, reason: inBase ? 'duplicateInBase' : 'duplicateInFile', matchedRecordId: inBase?.owner, matchedLine: inFile?.owner.line, reasons: match.reasons });
      this.duplicates.push({ line: record.line, existingRecordId: inBase?.owner, earlierLine: inFile?.owner.line, reasons: match.reasons, outcome: 'skipped' });
      return;
    }
    if (context.duplicates === 'merge' && inBase) {
      this.mergeIntoStored(inBase.owner, record);
      this.mergedIds.add(inBase.owner);
      this.duplicates.push({ line: record.line, existingRecordId: inBase.owner, reasons: inBase.reasons, outcome: 'merged' });
      return;
    }
    if (context.duplicates === 'merge' && inFile) {
      const earlier = inFile.owner.pending;
      if (earlier) {
        Object.assign(earlier.values, mergeValues(earlier.values, record.values, notesFieldOf(section), context.messages));
        earlier.orgName ??= record.orgName;
        earlier.photo ??= record.photo;
      } else {
        this.mergeIntoStored(inFile.owner.id, record);
      }
      this.duplicates.push({ line: record.line, earlierLine: inFile.owner.line, reasons: inFile.reasons, outcome: 'merged' });
      return;
    }
    const planned: PlannedRecord = { id: newId(), section, values: record.values, line: record.line, photo: record.photo, orgName: record.orgName };
    if (match) this.duplicates.push({ line: record.line, existingRecordId: inBase?.owner, earlierLine: inFile?.owner.line, reasons: match.reasons, outcome: 'created' });
    const entry: FileEntry = { id: planned.id, line: planned.line, pending: planned };
    this.fileEntries.set(planned, entry);
    fileIndex.add(keys, entry);
    this.chunk.creates.push(planned);
  }

  /** The waiting records as a chunk to store: organizations linked and created, `+Label` values given fields. */
  takeChunk(): PlannedChunk {
    const { creates, merges, mergeOrgNames } = this.chunk;
    this.chunk = { creates: [], merges: new Map(), mergeOrgNames: new Map() };
    const orgs = this.linkOrganizations(creates, merges, mergeOrgNames);
    const all = [...orgs, ...creates];
    return { creates: all, merges, newFields: this.resolveNewFields(all, merges), createdOrgs: orgs.length };
  }

  /** Call once a chunk is stored: its records now live in `rows`, its fields in the org document. */
  stored(chunk: PlannedChunk): void {
    for (const planned of chunk.creates) {
      const entry = this.fileEntries.get(planned);
      if (entry) entry.pending = null;
      this.fileEntries.delete(planned);
    }
    for (const field of chunk.newFields) {
      const known = this.newFields.get(`${field.section}\u0000${field.label}`);
      if (known) known.exists = true;
      this.createdFields.push(field);
    }
  }

  /** Merges a record into one already in the base, or created by an earlier chunk of this import. */
  private mergeIntoStored(recordId: string, record: ImportRecord): void {
    const stored = this.context.rows.get(recordId)!;
    const earlier = this.chunk.merges.get(recordId) ?? {};
    const changes = mergeValues({ ...stored.v, ...earlier }, record.values, notesFieldOf(stored.section), this.context.messages);
    this.chunk.merges.set(recordId, { ...earlier, ...changes });
    if (record.orgName && !this.chunk.mergeOrgNames.has(recordId)) this.chunk.mergeOrgNames.set(recordId, record.orgName);
  }

  /**
   * Sets each person's organization reference: an existing organization with the same name
   * (legal forms and accents forgiven), else one created by this import, once per name; merged
   * people without an organization get one the same way.
   */
  private linkOrganizations(creates: PlannedRecord[], merges: Map<string, FieldValues>, mergeOrgNames: Map<string, string>): PlannedRecord[] {
    const byName = (this.orgIds ??= orgIdsByName(this.context.rows));
    for (const planned of creates) {
      if (planned.section !== 'orgs' || typeof planned.values.name !== 'string') continue;
      const key = nameKey(planned.values.name);
      if (key && !byName.has(key)) byName.set(key, planned.id);
    }
    const created: PlannedRecord[] = [];
    const orgFor = (name: string, line: number): string => {
      const key = nameKey(name) || name.trim().toLowerCase();
      let orgId = byName.get(key);
      if (!orgId) {
        orgId = newId();
        byName.set(key, orgId);
        created.push({ id: orgId, section: 'orgs', values: { name: name.trim() }, line });
      }
      return orgId;
    };
    for (const planned of creates) if (planned.orgName) planned.values.org = orgFor(planned.orgName, planned.line);
    for (const [recordId, orgName] of mergeOrgNames) {
      // A merged person keeps the organization they already have.
      if (this.context.rows.get(recordId)?.v.org) continue;
      merges.get(recordId)!.org = orgFor(orgName, 0);
    }
    return created;
  }

  /** Renames `+Label` keys to field ids; returns the fields this chunk must create. */
  private resolveNewFields(creates: PlannedRecord[], merges: Map<string, FieldValues>): PlannedField[] {
    const fresh: NewField[] = [];
    const rename = (section: SectionId, values: FieldValues) => {
      for (const key of Object.keys(values)) {
        if (!key.startsWith(NEW_FIELD_PREFIX)) continue;
        const field = this.fieldFor(section, key.slice(NEW_FIELD_PREFIX.length));
        if (!field.exists && !fresh.includes(field)) fresh.push(field);
        values[field.id] = values[key];
        delete values[key];
      }
    };
    for (const planned of creates) rename(planned.section, planned.values);
    for (const [recordId, changes] of merges) rename(this.context.rows.get(recordId)!.section, changes);
    return fresh.map(({ section, id, label, type, order }) => ({ section, id, label, type, order }));
  }

  private fieldFor(section: SectionId, label: string): NewField {
    const key = `${section}\u0000${label}`;
    let field = this.newFields.get(key);
    if (!field) {
      const defs = this.context.fields().filter((def) => def.section === section);
      const existing = defs.find((def) => !def.builtin && !def.deletedAt && def.label === label);
      const waiting = [...this.newFields.values()].filter((other) => other.section === section && !other.exists).length;
      const order = defs.reduce((max, def) => Math.max(max, def.order), -1) + 1 + waiting;
      field = { section, id: existing?.id ?? `c_${newId(8)}`, label, type: this.fieldTypes.get(label) ?? 'text', order, exists: Boolean(existing) };
      this.newFields.set(key, field);
    }
    return field;
  }
}

/** Organization ids by name key (legal forms and accents forgiven). */
function orgIdsByName(rows: ReadonlyMap<string, Row>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const row of rows.values()) {
    if (row.section !== 'orgs' || row.deleted || typeof row.v.name !== 'string') continue;
    const key = nameKey(row.v.name);
    if (key && !byName.has(key)) byName.set(key, row.id);
  }
  return byName;
}
