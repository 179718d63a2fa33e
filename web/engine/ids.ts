/** Ids of records, users and documents. Random ids so many users can create records offline. */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn 4 KB at a time: one getRandomValues call per id cost ~10 µs, a
// second per 100,000 imported records.
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

/** A new random id (16 base-36 characters, ~82 bits), safe to create offline on any device. */
export function newId(length = 16): string {
  if (poolUsed + length > pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  let id = '';
  for (let index = 0; index < length; index++) id += ALPHABET[pool[poolUsed++] % 36];
  return id;
}

/** The id of the company's schema and settings document. */
export const ORG_DOC_ID = 'org';

/** The id of shard `n` of the book owned by `ownerId`. */
export function bookDocId(ownerId: string, shard: number): string {
  return `book:${ownerId}:${shard}`;
}

/** The id of a user's personal document (saved views, preferences). */
export function prefsDocId(userId: string): string {
  return `prefs:${userId}`;
}

/** The owner and shard number of a book document id, or null when the id is not a book. */
export function parseBookDocId(docId: string): { ownerId: string; shard: number } | null {
  const match = /^book:(.+):(\d+)$/.exec(docId);
  return match ? { ownerId: match[1], shard: Number(match[2]) } : null;
}
