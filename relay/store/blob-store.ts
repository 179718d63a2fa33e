/**
 * Blobs (photos, attachments) in the relay database, content-addressed by SHA-256: kept in SQLite so the
 * daily backup and restore carry them with the documents that reference them. Each upload also records
 * the document it was uploaded for, which lets that document's readers fetch it before a record refers to it.
 */
import type { Db } from './database';

/** Stored blobs and who uploaded them for which document. */
export interface BlobStore {
  /** Stores bytes under their hash (once) and records the upload for `docId`. */
  put(hash: string, data: Uint8Array, docId: string, userId: string): { created: boolean };
  /** The bytes of a blob, or null. */
  get(hash: string): Uint8Array | null;
  /** Whether the blob was uploaded for `docId`. */
  uploadedFor(hash: string, docId: string): boolean;
}

/** Creates the blob store on an open database. */
export function createBlobStore(db: Db): BlobStore {
  const insertBlob = db.prepare<[string, Buffer, number, number]>('INSERT OR IGNORE INTO blobs (hash, data, bytes, at) VALUES (?, ?, ?, ?)');
  const insertUpload = db.prepare<[string, string, string, number]>(
    'INSERT OR IGNORE INTO blob_uploads (hash, doc_id, user_id, at) VALUES (?, ?, ?, ?)',
  );
  const getBlob = db.prepare<[string], { data: Buffer }>('SELECT data FROM blobs WHERE hash = ?');
  const upload = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM blob_uploads WHERE hash = ? AND doc_id = ?');
  const putAll = db.transaction((hash: string, data: Uint8Array, docId: string, userId: string) => {
    const now = Date.now();
    const created = insertBlob.run(hash, Buffer.from(data.buffer, data.byteOffset, data.byteLength), data.byteLength, now).changes > 0;
    insertUpload.run(hash, docId, userId, now);
    return { created };
  });
  return {
    put: (hash, data, docId, userId) => putAll(hash, data, docId, userId),
    get(hash) {
      const row = getBlob.get(hash);
      return row ? new Uint8Array(row.data) : null;
    },
    uploadedFor: (hash, docId) => (upload.get(hash, docId)?.n ?? 0) > 0,
  };
}
