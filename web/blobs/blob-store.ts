/**
 * Content-addressed blobs (photos, later attachments) kept outside the Yjs documents: a blob is
 * stored once under the SHA-256 of its bytes, and records reference it by that hash, so the
 * same photo added twice, undone and redone, or synced from a colleague costs one copy.
 */
import type { ClientelaDatabase, StoredBlob } from '../storage/database';

/** Lower-case hex SHA-256 of some bytes (WebCrypto: the browser's and Node's). */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether a string can be a blob hash (what a record's photo field should hold). */
export function isBlobHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/** Stores bytes under their hash unless already there; returns the hash. */
export async function putBlob(db: ClientelaDatabase, data: Uint8Array, type: string): Promise<string> {
  const hash = await sha256Hex(data);
  await db.transaction('rw', db.blobs, async () => {
    if ((await db.blobs.where('hash').equals(hash).count()) > 0) return;
    await db.blobs.add({ hash, type, size: data.byteLength, data, created: Date.now() });
  });
  return hash;
}

/** The stored blob of a hash, if this device has it. */
export async function getBlob(db: ClientelaDatabase, hash: string): Promise<StoredBlob | undefined> {
  return db.blobs.get(hash);
}
