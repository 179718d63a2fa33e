/**
 * Photos (and later attachments) travel beside the documents: records hold a blob's hash, the
 * bytes go through the relay's blob API with the rights of the book that references them.
 * Uploads the blobs this device has and the relay was not given yet; fetches the ones synced
 * records reference and this device lacks.
 */
import type { Engine } from '../engine/engine';
import type { Row } from '../engine/rows';
import { getBlob, isBlobHash, sha256Hex } from '../blobs/blob-store';
import { RelayApiError, type RelayApi } from './relay-api';

/** The blobs a row references, with the document that holds the row. */
export function blobRefs(row: Row): { hash: string; docId: string }[] {
  const refs: { hash: string; docId: string }[] = [];
  for (const value of Object.values(row.v)) if (isBlobHash(value)) refs.push({ hash: value, docId: row.shard });
  return refs;
}

/** The key under which an upload is remembered. */
export function uploadKey(hash: string, docId: string): string {
  return `${hash} ${docId}`;
}

/** The MIME type of image bytes, from their first bytes (the relay keeps bytes only). */
export function sniffImageType(data: Uint8Array): string {
  const ascii = (from: number, to: number) => String.fromCharCode(...data.subarray(from, to));
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 3) === 'GIF') return 'image/gif';
  return 'application/octet-stream';
}

/** Outcome of one blob pass. */
export interface BlobPassResult {
  uploaded: number;
  downloaded: number;
  /** References left for the next pass (relay unreachable, or the blob is not there yet). */
  retry: Row[];
}

/**
 * Uploads and fetches the blobs `rows` reference. `uploaded` holds the `hash doc` pairs the
 * relay already has (updated here); `onUploaded` persists it.
 */
export async function syncBlobs(engine: Engine, api: RelayApi, rows: readonly Row[], uploaded: Set<string>, onUploaded: () => void): Promise<BlobPassResult> {
  const result: BlobPassResult = { uploaded: 0, downloaded: 0, retry: [] };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    let retry = false;
    for (const { hash, docId } of blobRefs(row)) {
      try {
        const local = await getBlob(engine.db, hash);
        if (local) {
          if (uploaded.has(uploadKey(hash, docId)) || !engine.canWrite(docId)) continue;
          await api.putBlob(docId, hash, local.data);
          uploaded.add(uploadKey(hash, docId));
          onUploaded();
          result.uploaded++;
        } else {
          const data = await api.getBlob(docId, hash);
          // Not there yet (its uploader is offline): asked again next pass.
          if (!data) {
            retry = true;
            continue;
          }
          if ((await sha256Hex(data)) !== hash) continue;
          await engine.db.blobs.put({ hash, type: sniffImageType(data), size: data.byteLength, data, created: Date.now() });
          result.downloaded++;
        }
      } catch (error) {
        retry = true;
        if (error instanceof RelayApiError && error.status === 0) {
          result.retry.push(...rows.slice(index));
          return result;
        }
      }
    }
    if (retry) result.retry.push(row);
  }
  return result;
}
