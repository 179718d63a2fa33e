/**
 * Checking content hashes when a backup is read: a blob whose bytes do not match the hash it
 * is stored under, or a document whose bytes do not match its checksum, is damaged. Uses the
 * blob store's own hash (SHA-256, lower-case hex), so the check and the store agree.
 */
import { isBlobHash, sha256Hex } from '../blobs/blob-store';

/** Whether `hash` is the SHA-256 (lower-case hex) of `bytes`. */
export async function hashMatches(hash: string, bytes: Uint8Array): Promise<boolean> {
  return isBlobHash(hash) && (await sha256Hex(bytes)) === hash;
}
