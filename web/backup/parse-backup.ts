/**
 * Reading and checking a backup file before anything is restored. Every part is checked —
 * the container (gzip, JSON), the format version, each document (applied to a fresh Y.Doc)
 * and each blob (its hash) — so a restore either has a whole, readable base or does not start.
 */
import * as Y from 'yjs';
import type { StoredBlob } from '../storage/database';
import { orgSchemaVersion, SCHEMA_VERSION } from '../engine/migrations';
import { ORG_DOC_ID, parseBookDocId } from '../engine/ids';
import { bookRecords, META } from '../engine/rows';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type Backup, type ExpectedKind, type BackupDoc, type BackupProgress, type BackupSummary, type BackupUser } from './backup-format';
import { base64ToBytes } from './base64';
import { hashMatches } from './blob-hash';
import { gunzip, isGzip } from './gzip';
import { yieldToBrowser } from './export-backup';

/** A backup that passed every check, with what it holds. */
export interface CheckedBackup {
  backup: Backup;
  summary: BackupSummary;
}

/** Options of parseBackup. */
export interface ParseOptions {
  onProgress?: (progress: BackupProgress) => void;
}

/** Reads and checks a backup file; throws BackupError saying what is wrong and where. */
export async function parseBackup(bytes: Uint8Array, options: ParseOptions = {}): Promise<CheckedBackup> {
  if (bytes.length === 0) throw new BackupError('empty');
  const json = parseJson(decodeText(await decompress(bytes)));
  const file = requireObject(json);
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw fieldError('version', 'number');
  if (version > BACKUP_VERSION) throw new BackupError('version', { found: version, supported: BACKUP_VERSION });
  const declaredSchema = file.schemaVersion;
  if (typeof declaredSchema !== 'number' || !Number.isInteger(declaredSchema) || declaredSchema < 1) throw fieldError('schemaVersion', 'number');
  if (declaredSchema > SCHEMA_VERSION) throw new BackupError('schema', { found: declaredSchema, supported: SCHEMA_VERSION });
  const createdAt = requireString(file.createdAt, 'createdAt');
  const app = requireString(file.app, 'app');
  const user = file.user === undefined ? undefined : readUser(file.user);
  if (!Array.isArray(file.docs)) throw fieldError('docs', 'list');
  if (!Array.isArray(file.blobs)) throw fieldError('blobs', 'list');

  const total = file.docs.length + file.blobs.length;
  const report = (done: number) => options.onProgress?.({ phase: 'check', done, total });
  const { docs, records, schemaVersion } = await checkDocs(file.docs, report);
  const blobs = await checkBlobs(file.blobs, (done) => report(docs.length + done));
  return {
    backup: { schemaVersion, createdAt, app, user, docs, blobs },
    summary: { createdAt, app, schemaVersion, docs: docs.length, records, blobs: blobs.length },
  };
}

async function decompress(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    return await gunzip(bytes);
  } catch {
    // The platform's own text ("Failed to fetch" in Chromium) would not help the user.
    throw new BackupError('gzip');
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BackupError('notText');
  }
}

function parseJson(text: string): unknown {
  if (!text.trimStart().startsWith('{')) throw new BackupError('notJson', { start: text.trimStart().slice(0, 20) });
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = errorText(error);
    if (/Unexpected end|Unterminated/i.test(message)) throw new BackupError('truncated', { length: text.length });
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const { line, column } = Number.isNaN(position) ? { line: '?', column: '?' } : lineAndColumn(text, position);
    throw new BackupError('json', { line, column, detail: message.replace(/\s*\(line \d+ column \d+\)$/, '') });
  }
}

function requireObject(json: unknown): Record<string, unknown> {
  // The text starts with "{", so this is an object; the check keeps the types honest.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BackupError('otherFormat', { found: 'null' });
  const file = json as Record<string, unknown>;
  if (file.format !== BACKUP_FORMAT) throw new BackupError('otherFormat', { found: JSON.stringify(file.format ?? null) });
  return file;
}

async function checkDocs(entries: unknown[], report: (done: number) => void): Promise<{ docs: BackupDoc[]; records: number; schemaVersion: number }> {
  const docs: BackupDoc[] = [];
  const seen = new Map<string, number>();
  let records = 0;
  let schemaVersion = 0;
  for (const [index, entry] of entries.entries()) {
    const where = `docs[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw fieldError(where, 'object');
    const { id, update, sha256 } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw fieldError(`${where}.id`, 'text');
    if (seen.has(id)) throw new BackupError('duplicateDoc', { id, first: seen.get(id)!, second: index });
    seen.set(id, index);
    if (typeof update !== 'string') throw fieldError(`${where}.update`, 'base64');
    const bytes = decodeBase64(update, `${where}.update`);
    if (typeof sha256 !== 'string') throw fieldError(`${where}.sha256`, 'checksum');
    if (!(await hashMatches(sha256, bytes))) throw new BackupError('docChecksum', { id, index });
    const doc = applyOnFreshDoc(bytes, id, index);
    if (id === ORG_DOC_ID) {
      schemaVersion = orgSchemaVersion(doc);
      if (schemaVersion > SCHEMA_VERSION) throw new BackupError('schema', { found: schemaVersion, supported: SCHEMA_VERSION });
    }
    if (parseBookDocId(id)) bookRecords(doc).forEach((record) => (records += record.get(META.section) !== undefined && record.get(META.deleted) === undefined ? 1 : 0));
    doc.destroy();
    docs.push({ id, update: bytes });
    report(index + 1);
    await yieldToBrowser();
  }
  if (!seen.has(ORG_DOC_ID)) throw new BackupError('noOrg');
  return { docs, records, schemaVersion };
}

/** Applies a document's update to a new Y.Doc: throws BackupError when Yjs cannot read it whole. */
function applyOnFreshDoc(bytes: Uint8Array, id: string, index: number): Y.Doc {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
  } catch (error) {
    doc.destroy();
    throw new BackupError('doc', { id, index, detail: errorText(error) });
  }
  // Structs or deletions waiting for changes that are not there: the document lost a part.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new BackupError('docIncomplete', { id, index });
  }
  return doc;
}

async function checkBlobs(entries: unknown[], report: (done: number) => void): Promise<StoredBlob[]> {
  const blobs: StoredBlob[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `blobs[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw fieldError(where, 'object');
    const fields = entry as Record<string, unknown>;
    const hash = requireString(fields.hash, `${where}.hash`);
    const type = typeof fields.type === 'string' ? fields.type : '';
    const created = typeof fields.created === 'number' ? fields.created : 0;
    if (typeof fields.data !== 'string') throw fieldError(`${where}.data`, 'base64');
    const data = decodeBase64(fields.data, `${where}.data`);
    if (fields.size !== data.length || !(await hashMatches(hash, data))) throw new BackupError('blob', { hash, index });
    blobs.push({ hash, type, size: data.length, data, created });
    report(index + 1);
  }
  return blobs;
}

function readUser(value: unknown): BackupUser {
  if (typeof value !== 'object' || value === null) throw fieldError('user', 'object');
  const { id, name } = value as Record<string, unknown>;
  return { id: requireString(id, 'user.id'), name: typeof name === 'string' ? name : '' };
}

function requireString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw fieldError(where, 'text');
  return value;
}

function decodeBase64(text: string, where: string): Uint8Array {
  try {
    return base64ToBytes(text);
  } catch {
    throw fieldError(where, 'base64');
  }
}

function fieldError(where: string, expected: ExpectedKind): BackupError {
  return new BackupError('field', { where, expected });
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
