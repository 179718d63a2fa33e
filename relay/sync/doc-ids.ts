/** Document ids: `org`, `prefs:<userId>`, `book:<ownerId>:<n>`; the relay routes and authorizes by them. */

/** A parsed document id. */
export type DocRef =
  | { kind: 'org' }
  | { kind: 'prefs'; userId: string }
  | { kind: 'book'; ownerId: string; shard: number };

const PART = /^[A-Za-z0-9_-]{1,64}$/;
const SHARD = /^(0|[1-9][0-9]{0,5})$/;

/** Parses a document id; null when it is not one of the three shapes (so it is refused). */
export function parseDocId(id: string): DocRef | null {
  if (id === 'org') return { kind: 'org' };
  const parts = id.split(':');
  if (parts[0] === 'prefs' && parts.length === 2 && PART.test(parts[1])) return { kind: 'prefs', userId: parts[1] };
  if (parts[0] === 'book' && parts.length === 3 && PART.test(parts[1]) && SHARD.test(parts[2])) {
    return { kind: 'book', ownerId: parts[1], shard: Number(parts[2]) };
  }
  return null;
}

/** The id of a user's book shard. */
export function bookId(ownerId: string, shard: number): string {
  return `book:${ownerId}:${shard}`;
}

/** The id of a user's preferences document. */
export function prefsId(userId: string): string {
  return `prefs:${userId}`;
}
