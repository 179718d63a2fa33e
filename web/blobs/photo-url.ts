/** Showing a stored blob: an object URL made from its bytes, revoked when no longer shown. */
import { createResource, onCleanup, type Accessor } from 'solid-js';
import type { ClientelaDatabase } from '../storage/database';
import { getBlob } from './blob-store';

/** A reactive object URL of the blob `hash()` (undefined while loading or when absent). */
export function createBlobUrl(db: ClientelaDatabase, hash: Accessor<string | null>): Accessor<string | undefined> {
  let current: string | undefined;
  const revoke = () => {
    if (current) URL.revokeObjectURL(current);
    current = undefined;
  };
  const [url] = createResource(hash, async (key) => {
    const blob = await getBlob(db, key);
    revoke();
    if (!blob) return undefined;
    current = URL.createObjectURL(new Blob([blob.data as Uint8Array<ArrayBuffer>], { type: blob.type }));
    return current;
  });
  onCleanup(revoke);
  return () => (hash() ? url() : undefined);
}
