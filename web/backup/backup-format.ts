/**
 * The full-backup file: every Yjs document of the base (its merged update log) and every blob,
 * in one versioned JSON file, usually gzipped. Layout (one document or blob per line, so the
 * file stays readable and a damaged line is easy to find):
 *
 *   {"format":"clientela-backup","version":1,"schemaVersion":2,"createdAt":"…","app":"…",
 *    "user":{"id":"…","name":"…"},"docs":[
 *   {"id":"org","sha256":"<hex of the update>","update":"<base64 of Y.mergeUpdates of the log>"},
 *   …],"blobs":[
 *   {"hash":"…","type":"image/jpeg","size":1234,"created":1700000000000,"data":"<base64>"},
 *   …]}
 */
import { en } from '../i18n/messages/en';
import type { StoredBlob } from '../storage/database';

/** The `format` marker of a backup file. */
export const BACKUP_FORMAT = 'clientela-backup';

/** The file layout version this app writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** One document of the base: its id and its whole state as one Yjs update. */
export interface BackupDoc {
  id: string;
  update: Uint8Array;
}

/** The local user of the device that made the backup (the owner of its books and prefs). */
export interface BackupUser {
  id: string;
  name: string;
}

/** A whole base in memory, as exported or as read back from a file. */
export interface Backup {
  /** Schema version of the base (the org document's, see web/engine/migrations.ts). */
  schemaVersion: number;
  /** When the backup was made (ISO 8601). */
  createdAt: string;
  /** The app and version that wrote it. */
  app: string;
  user?: BackupUser;
  docs: BackupDoc[];
  blobs: StoredBlob[];
}

/** What a checked backup holds, for the confirmation before a restore. */
export interface BackupSummary {
  createdAt: string;
  app: string;
  schemaVersion: number;
  docs: number;
  /** Records in the books, trash excluded. */
  records: number;
  blobs: number;
}

/** Progress of a long backup job: `done` of `total` steps of the current phase. */
export interface BackupProgress {
  phase: 'read' | 'pack' | 'compress' | 'check';
  done: number;
  total: number;
}

/** What can be wrong with a backup file; each code has a message `backup.error.<code>`. */
export type BackupErrorCode =
  | 'empty'
  | 'notText'
  | 'notJson'
  | 'otherFormat'
  | 'gzip'
  | 'truncated'
  | 'json'
  | 'version'
  | 'schema'
  | 'field'
  | 'noOrg'
  | 'duplicateDoc'
  | 'doc'
  | 'docIncomplete'
  | 'docChecksum'
  | 'blob';

/** What a value of the file should have been (message `backup.expected.<kind>`). */
export type ExpectedKind = 'number' | 'list' | 'text' | 'object' | 'base64' | 'checksum';

/** The message key of an expected kind of value. */
export function expectedKey(kind: ExpectedKind): `backup.expected.${ExpectedKind}` {
  return `backup.expected.${kind}`;
}

/** The message key of an error code. */
export function backupErrorKey(code: BackupErrorCode): `backup.error.${BackupErrorCode}` {
  return `backup.error.${code}`;
}

/**
 * A backup file that cannot be restored, with what is wrong and where. `code` and `params`
 * are translated by the UI; the message is the English text (for logs and tests).
 */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: BackupErrorCode, params: Record<string, string | number> = {}) {
    const filled = localizedParams(params, (kind) => en[expectedKey(kind)]);
    const template: string = en[backupErrorKey(code)];
    super(template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in filled ? String(filled[name]) : whole)));
    this.name = 'BackupError';
    this.code = code;
    this.params = params;
  }
}

/** Error parameters with the expected kind of value put in words by `describe`. */
export function localizedParams(params: Record<string, string | number>, describe: (kind: ExpectedKind) => string): Record<string, string | number> {
  return typeof params.expected === 'string' ? { ...params, expected: describe(params.expected as ExpectedKind) } : params;
}
