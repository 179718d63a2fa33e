/**
 * Writing a full backup: reads the whole local store in one read transaction (a consistent
 * copy), merges each document's update log into one update and packs everything into the
 * backup file (see backup-format.ts).
 */
import * as Y from 'yjs';
import { version as appVersion } from '../../package.json';
import type { ClientelaDatabase, StoredBlob } from '../storage/database';
import { orgSchemaVersion } from '../engine/migrations';
import { ORG_DOC_ID } from '../engine/ids';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupDoc, type BackupProgress, type BackupUser } from './backup-format';
import { bytesToBase64 } from './base64';
import { gzip } from './gzip';
import { sha256Hex } from '../blobs/blob-store';

/** The app name and version written into every backup. */
export const BACKUP_APP = `Clientela ${appVersion}`;

/** Options of a backup export. */
export interface ExportOptions {
  /** Gzip the file (default true: ~7x smaller on a generated 10k base, measure-backup.ts). */
  compress?: boolean;
  /** The moment written into the file (tests pass a fixed one). */
  now?: Date;
  onProgress?: (progress: BackupProgress) => void;
}

/** Reads every document and blob of the base into memory, as one consistent copy. */
export async function readBackup(db: ClientelaDatabase, options: ExportOptions = {}): Promise<Backup> {
  options.onProgress?.({ phase: 'read', done: 0, total: 1 });
  const { updates, blobs, user } = await db.transaction('r', db.updates, db.blobs, db.kv, async () => ({
    updates: await db.updates.orderBy('seq').toArray(),
    blobs: await db.blobs.toArray(),
    user: (await db.kv.get('localUser'))?.value as BackupUser | undefined,
  }));
  const logs = new Map<string, Uint8Array[]>();
  for (const update of updates) {
    const log = logs.get(update.doc) ?? [];
    log.push(update.data);
    logs.set(update.doc, log);
  }
  const docs: BackupDoc[] = [];
  const ids = [...logs.keys()].sort(docOrder);
  for (const [index, id] of ids.entries()) {
    const log = logs.get(id)!;
    docs.push({ id, update: log.length === 1 ? log[0] : Y.mergeUpdates(log) });
    options.onProgress?.({ phase: 'pack', done: index + 1, total: ids.length });
    if (index % 8 === 7) await yieldToBrowser();
  }
  return {
    schemaVersion: schemaVersionOf(docs),
    createdAt: (options.now ?? new Date()).toISOString(),
    app: BACKUP_APP,
    user: user && typeof user.id === 'string' ? { id: user.id, name: String(user.name ?? '') } : undefined,
    docs,
    blobs,
  };
}

/** The backup file of a backup in memory: JSON, gzipped unless `compress` is false. */
export async function encodeBackup(backup: Backup, options: ExportOptions = {}): Promise<Uint8Array> {
  const head = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: backup.schemaVersion,
    createdAt: backup.createdAt,
    app: backup.app,
    ...(backup.user ? { user: backup.user } : {}),
  });
  // Parts, not one string: a large base would pass the engine's string length limit.
  const parts: string[] = [head.slice(0, -1), ',"docs":[\n'];
  for (const [index, doc] of backup.docs.entries()) {
    if (index > 0) parts.push(',\n');
    // The checksum catches a changed byte that would still decode (a letter inside a name).
    parts.push(JSON.stringify({ id: doc.id, sha256: await sha256Hex(doc.update), update: bytesToBase64(doc.update) }));
  }
  parts.push('\n],"blobs":[\n');
  backup.blobs.forEach((blob, index) => {
    if (index > 0) parts.push(',\n');
    parts.push(JSON.stringify(blobEntry(blob)));
  });
  parts.push('\n]}\n');
  if (options.compress === false) return new Uint8Array(await new Blob(parts).arrayBuffer());
  options.onProgress?.({ phase: 'compress', done: 0, total: 1 });
  return gzip(parts);
}

/** The whole export: the base's backup file, ready to download. */
export async function exportBackup(db: ClientelaDatabase, options: ExportOptions = {}): Promise<Uint8Array> {
  return encodeBackup(await readBackup(db, options), options);
}

/** The download name of a backup made at `date` (local day): clientela-backup-YYYY-MM-DD.json(.gz). */
export function backupFileName(date: Date, compressed = true): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `clientela-backup-${day}.json${compressed ? '.gz' : ''}`;
}

function blobEntry(blob: StoredBlob): Record<string, unknown> {
  return { hash: blob.hash, type: blob.type, size: blob.size, created: blob.created, data: bytesToBase64(blob.data) };
}

/** org first, then prefs, then books: a reader sees the schema before the records. */
function docOrder(a: string, b: string): number {
  const rank = (id: string) => (id === ORG_DOC_ID ? 0 : id.startsWith('prefs:') ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function schemaVersionOf(docs: BackupDoc[]): number {
  const org = docs.find((doc) => doc.id === ORG_DOC_ID);
  if (!org) return 0;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, org.update);
  const version = orgSchemaVersion(doc);
  doc.destroy();
  return version;
}

/** Lets the page paint between long steps (progress bar, clicks). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
