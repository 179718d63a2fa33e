/** The relay's rights on documents, as the engine takes them (engine.setDocAccess). */
import type { DocAccess } from '../engine/engine';
import { bookDocId } from '../engine/ids';
import type { Account, DocListing } from './relay-api';
import { accessTo } from '../../relay/auth/access';
import { parseDocId } from '../../relay/sync/doc-ids';

/**
 * Whether a document the relay does not list yet may be written: decided by the relay's own
 * rights table (an Administrator may fill a colleague's book that has no records yet).
 */
export function writableUnlisted(user: Account): (docId: string) => boolean {
  return (docId) => {
    const ref = parseDocId(docId);
    return ref !== null && accessTo(user, ref) === 'read-write';
  };
}

/**
 * The book shards this device holds that the user may no longer open at all (his rights shrank:
 * "see only own" switched on). Decided by the relay's rights table, never by a listing's gaps,
 * so a book the relay merely has not listed yet is never taken for a revoked one.
 */
export function revokedBooks(user: Account, heldDocIds: Iterable<string>): string[] {
  if (user.disabled) return [];
  const revoked: string[] = [];
  for (const docId of heldDocIds) {
    const ref = parseDocId(docId);
    if (ref?.kind === 'book' && accessTo(user, ref) === 'none') revoked.push(docId);
  }
  return revoked;
}

/** How many of his own book shards a View-only user is told he may only read before they exist. */
const OWN_SHARDS_GUARDED = 16;

/**
 * The access map of a full /api/docs listing. Documents the relay does not list yet are
 * read-write in the engine (a manager's new shard), except a View-only user's own book, which
 * he could never write: it is marked read so the app refuses before the relay has to.
 */
export function accessMap(user: Account, docs: readonly DocListing[]): Map<string, DocAccess> {
  const access = new Map<string, DocAccess>();
  if (user.role === 'viewer' || user.disabled) {
    for (let shard = 0; shard < OWN_SHARDS_GUARDED; shard++) access.set(bookDocId(user.id, shard), 'read');
  }
  for (const doc of docs) access.set(doc.id, doc.access);
  return access;
}
