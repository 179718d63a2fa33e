/**
 * Imports a file into one account's book on the relay machine, with the app's import engine (web/import:
 * analyzeFile, the mapping suggestion, readRecords) and the app's record layout (web/engine/rows.ts META keys,
 * `$batch` on every record written), so devices show the records after sync and the relay's indexes see them.
 * Everything is decided before anything is written; the writes to every document are one SQLite transaction,
 * logged in the audit trail as the relay's own (user id `relay`). Run only while no relay serves the folder
 * (relay/data-lock.ts).
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { SHARD_CAPACITY } from '../../web/engine/engine';
import { bookDocId, newId, ORG_DOC_ID } from '../../web/engine/ids';
import { assertSchemaReadable } from '../../web/engine/migrations';
import { addCustomFields, mergeIntoRecord, newRecordMap } from '../../web/engine/record-writes';
import { bookRecords, rowFromRecord, type Row } from '../../web/engine/rows';
import { adoptExistingFields, ImportPlanner, ImportRefusedError, type PlannedChunk, type PlannedRecord } from '../../web/import/import-planner';
import type { DuplicateFound, DuplicatePolicy, SkippedRecord } from '../../web/import/import-planner';
import { fileSource } from '../../web/import/node-source';
import { describeProblem, type ImportProblem } from '../../web/import/problems';
import { analyzeFile, readRecords } from '../../web/import/read-file';
import type { ByteSource } from '../../web/import/source';
import { SECTION_IDS, type SectionId } from '../../web/schema/fields';
import { orgMeta, readFields } from '../../web/schema/org-doc';
import { accessTo, canWrite } from '../auth/access';
import type { Account } from '../auth/roles';
import { RELAY_USER_ID } from '../org/org-owner';
import { createAccountsStore } from '../store/accounts-store';
import { createBlobStore } from '../store/blob-store';
import type { Db } from '../store/database';
import type { DocStore } from '../store/doc-store';
import { createSqliteDocStore } from '../store/sqlite-store';

/** What the command line asks for. */
export interface BookImportRequest {
  file: string;
  /** Account id or name (the name users sign in with, often an e-mail). */
  into: string;
  duplicates: DuplicatePolicy;
  dryRun: boolean;
  /** Import the good records of a file with bad ones; the report lists the bad ones. */
  acceptPartial: boolean;
  encoding?: string;
  delimiter?: string;
}

/** Why an import was refused before anything was written. */
export type RefusalCode = 'unknown-user' | 'read-only' | 'bad-file' | 'no-org' | 'newer-schema';

/** The import was refused: nothing was written. */
export class ImportRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

/** What an import did (or, with dryRun, would do). */
export interface BookImportReport {
  file: string;
  format: string | null;
  encoding: string | null;
  user: { id: string; name: string };
  dryRun: boolean;
  batch: string;
  /** Data rows or vCards in the file. */
  records: number;
  created: number;
  createdOrgs: number;
  merged: number;
  skipped: SkippedRecord[];
  duplicates: DuplicateFound[];
  newFields: { section: SectionId; id: string; label: string }[];
  warnings: ImportProblem[];
  /** Documents written, with the seq of the update. */
  written: { docId: string; seq: number }[];
}

/** Runs the import against an open relay database (the caller holds the data folder's lock unless dryRun). */
export async function importIntoBook(db: Db, request: BookImportRequest): Promise<BookImportReport> {
  const user = findAccount(db, request.into);
  const store = createSqliteDocStore(db);
  const org = await loadDoc(store, ORG_DOC_ID);
  if (orgMeta(org).size === 0) throw new ImportRefused('no-org', 'This data folder has no company set up yet: start the relay once ("serve"), then import.');
  try {
    assertSchemaReadable(org);
  } catch (error) {
    throw new ImportRefused('newer-schema', error instanceof Error ? error.message : String(error));
  }
  const fields = SECTION_IDS.flatMap((section) => readFields(org, section));
  const source = await openSource(request.file);
  const analysis = await analyzeFile(source, { fields, encoding: request.encoding, delimiter: request.delimiter });
  const blocking = analysis.problems.filter((found) => found.severity === 'fatal' || (found.severity === 'error' && !request.acceptPartial));
  if (blocking.length) throw new ImportRefused('bad-file', refusal(request.file, blocking, request.acceptPartial));
  if (analysis.format !== 'vcard' && !analysis.mapping) throw new ImportRefused('bad-file', `${request.file}: no columns to import.`);

  const books = await loadBooks(store, user.id);
  const existing = new Map<string, Row>();
  for (const [docId, doc] of books) {
    bookRecords(doc).forEach((record, id) => {
      const row = rowFromRecord(id, record, docId);
      if (row) existing.set(id, row);
    });
  }
  const mapping = adoptExistingFields(analysis.mapping, fields);
  // The same planner as the app's import; one chunk, written in one transaction below.
  const planner = new ImportPlanner({ rows: existing, fields: () => fields, mapping, duplicates: request.duplicates, acceptPartial: request.acceptPartial });
  try {
    for await (const records of readRecords(source, analysis, { mapping: mapping ?? undefined, fields })) for (const record of records) planner.add(record);
  } catch (error) {
    if (error instanceof ImportRefusedError) throw new ImportRefused('bad-file', refusal(request.file, error.problems, false));
    throw error;
  }
  const plan: ImportPlanned = { ...planner.takeChunk(), skipped: planner.skipped, duplicates: planner.duplicates };
  const batch = newId(12);
  const report: BookImportReport = {
    file: request.file,
    format: analysis.format,
    encoding: analysis.encoding?.encoding ?? null,
    user: { id: user.id, name: user.name },
    dryRun: request.dryRun,
    batch,
    records: analysis.records,
    created: plan.creates.length,
    createdOrgs: plan.createdOrgs,
    merged: [...plan.merges.values()].filter((changes) => Object.keys(changes).length > 0).length,
    skipped: plan.skipped,
    duplicates: plan.duplicates,
    newFields: plan.newFields.map(({ section, id, label }) => ({ section, id, label })),
    warnings: analysis.problems.filter((found) => found.severity === 'warning'),
    written: [],
  };
  if (!request.dryRun) report.written = await writePlan(db, store, { user, org, books, existing, plan, batch });
  return report;
}

function findAccount(db: Db, into: string): Account {
  const accounts = createAccountsStore(db);
  const found = accounts.byId(into) ?? accounts.byName(into);
  if (!found) throw new ImportRefused('unknown-user', `No account "${into}" on this relay: give the id or the name the user signs in with ("npm run relay -- users" lists them).`);
  const { passwordHash: _secret, ...account } = found;
  if (account.disabled) throw new ImportRefused('read-only', `The account "${account.name}" is disabled: it cannot own new records. Enable it on the Users page first.`);
  if (!canWrite(accessTo(account, { kind: 'book', ownerId: account.id, shard: 0 }))) {
    throw new ImportRefused('read-only', `The account "${account.name}" is View only: it cannot change its book. Give it another role on the Users page, or import into another account.`);
  }
  return account;
}

async function openSource(file: string): Promise<ByteSource> {
  try {
    return await fileSource(file);
  } catch (error) {
    throw new ImportRefused('bad-file', `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

function refusal(file: string, problems: ImportProblem[], acceptPartial: boolean): string {
  const lines = problems.map((found) => `  ${describeProblem(found)}`);
  const hint = !acceptPartial && problems.every((found) => found.severity === 'error') ? '\n  (--accept-partial imports the other records and lists these as skipped)' : '';
  return `${file}: the file cannot be imported, nothing was written:\n${lines.join('\n')}${hint}`;
}

/** A stored document as a Y.Doc. */
async function loadDoc(store: DocStore, docId: string): Promise<Y.Doc> {
  const stored = await store.load(docId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Every stored shard of a user's book, by document id. */
async function loadBooks(store: DocStore, userId: string): Promise<Map<string, Y.Doc>> {
  const prefix = bookDocId(userId, 0).slice(0, -1);
  const { docs } = await store.versions();
  const books = new Map<string, Y.Doc>();
  for (const { docId } of docs) if (docId.startsWith(prefix) && /^\d+$/.test(docId.slice(prefix.length))) books.set(docId, await loadDoc(store, docId));
  return books;
}

/** A planned import: the one chunk to write, and what was left out. */
type ImportPlanned = PlannedChunk & Pick<ImportPlanner, 'skipped' | 'duplicates'>;

interface WriteContext {
  user: Account;
  org: Y.Doc;
  books: Map<string, Y.Doc>;
  existing: Map<string, Row>;
  plan: ImportPlanned;
  batch: string;
}

/** Writes the plan: new fields into the org, records into the book's shards; one transaction over every document. */
async function writePlan(db: Db, store: DocStore, context: WriteContext): Promise<{ docId: string; seq: number }[]> {
  const { user, org, books, existing, plan, batch } = context;
  const changes = new Map<string, { doc: Y.Doc; before: Uint8Array }>();
  const change = (docId: string, doc: Y.Doc, body: () => void) => {
    if (!changes.has(docId)) changes.set(docId, { doc, before: Y.encodeStateVector(doc) });
    doc.transact(body);
  };
  if (plan.newFields.length) change(ORG_DOC_ID, org, () => addCustomFields(org, plan.newFields));
  const stamp = { now: Date.now(), by: user.id, batch };
  const photos = new Map<PlannedRecord, { hash: string; bytes: Uint8Array }>();
  for (const planned of plan.creates) if (planned.photo) photos.set(planned, { hash: createHash('sha256').update(planned.photo.bytes).digest('hex'), bytes: planned.photo.bytes });
  const byShard = new Map<string, PlannedRecord[]>();
  const sizes = new Map<string, number>([...books].map(([docId, doc]) => [docId, bookRecords(doc).size]));
  for (const planned of plan.creates) {
    let shard = 0;
    while ((sizes.get(bookDocId(user.id, shard)) ?? 0) >= SHARD_CAPACITY) shard++;
    const docId = bookDocId(user.id, shard);
    sizes.set(docId, (sizes.get(docId) ?? 0) + 1);
    byShard.set(docId, [...(byShard.get(docId) ?? []), planned]);
  }
  for (const [docId, created] of byShard) {
    let doc = books.get(docId);
    if (!doc) books.set(docId, (doc = new Y.Doc()));
    const records = bookRecords(doc);
    change(docId, doc, () => {
      for (const planned of created) {
        const photo = photos.get(planned);
        records.set(planned.id, newRecordMap(planned.section, photo ? { ...planned.values, photo: photo.hash } : planned.values, stamp));
      }
    });
  }
  for (const [recordId, values] of plan.merges) {
    if (Object.keys(values).length === 0) continue;
    const shard = existing.get(recordId)!.shard;
    const doc = books.get(shard)!;
    const record = bookRecords(doc).get(recordId);
    if (record) change(shard, doc, () => mergeIntoRecord(record, values, stamp));
  }
  const blobs = createBlobStore(db);
  const written: { docId: string; seq: number }[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const [docId, created] of byShard) for (const planned of created) {
      const photo = photos.get(planned);
      if (photo) blobs.put(photo.hash, photo.bytes, docId, RELAY_USER_ID);
    }
    for (const [docId, { doc, before }] of changes) {
      const [seq] = await store.append(docId, [{ update: Y.encodeStateAsUpdate(doc, before), userId: RELAY_USER_ID }]);
      // A snapshot now: the room that opens this document next loads it without replaying a large import.
      await store.compact(docId, Y.encodeStateAsUpdate(doc), seq);
      written.push({ docId, seq });
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return written;
}
