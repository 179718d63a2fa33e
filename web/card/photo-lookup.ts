/** Reads a stored photo for exports and print views (vCards, printed cards). */
import { getBlob } from '../blobs/blob-store';
import type { PhotoData } from '../export/write-vcard';

/** A lookup of photos by blob hash; a photo not on this device is left out (undefined). */
export function photoLookup(db: Parameters<typeof getBlob>[0]): (hash: string) => Promise<PhotoData | undefined> {
  return async (hash) => {
    const blob = await getBlob(db, hash);
    return blob ? { type: blob.type, data: blob.data } : undefined;
  };
}
