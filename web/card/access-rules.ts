/**
 * What the signed-in user may do with records, decided from his account and the relay's rights on
 * each book shard (relay/auth/access.ts is the authority; these rules only keep the UI from offering
 * an edit the relay would refuse). Pure: no Solid, no engine.
 */
import { parseBookDocId } from '../engine/ids';
import type { Account, Role } from '../sync/relay-api';

/** The parts of an account the rules read; null = the local base kept on this device only. */
export type Viewer = Pick<Account, 'role' | 'seeOnlyOwn'> | null;

/** Whether a record of a shard may be edited: never by View-only, otherwise when the relay lets him write the shard. */
export function canEditRecord(viewer: Viewer, canWriteShard: boolean): boolean {
  if (viewer?.role === 'viewer') return false;
  return canWriteShard;
}

/** Whether new records may be added (to the user's own book). */
export function canCreateRecords(viewer: Viewer, canWriteOwnShard: boolean): boolean {
  return canEditRecord(viewer, canWriteOwnShard);
}

/** Whether every record in `shards` may be edited (Delete / Restore on a selection). */
export function canEditAll(viewer: Viewer, shards: Iterable<string>, canWriteDoc: (docId: string) => boolean): boolean {
  if (viewer?.role === 'viewer') return false;
  for (const shard of shards) if (!canWriteDoc(shard)) return false;
  return true;
}

const WRITES_EVERY_BOOK: readonly Role[] = ['admin', 'senior'];

/**
 * Whether the user may hand a record to another manager. Handing over writes the source shard and
 * the colleague's book; the relay lets only Administrators and Senior managers write a colleague's
 * book, and "see only own" keeps them out of it entirely. The local base has no colleagues.
 */
export function mayHandOver(viewer: Viewer, canWriteSource: boolean): boolean {
  if (!viewer || viewer.seeOnlyOwn || !WRITES_EVERY_BOOK.includes(viewer.role)) return false;
  return canWriteSource;
}

/** The owner (user id) of the book a shard belongs to, or null for a document that is not a book. */
export function ownerOfShard(shard: string): string | null {
  return parseBookDocId(shard)?.ownerId ?? null;
}

/** A user a record can be handed to. */
export interface HandOverTarget {
  id: string;
  name: string;
}

/**
 * The users a record owned by `ownerId` can be handed to: everyone named in the org except the
 * owner; when the accounts are known (an admin sees them), View-only and disabled accounts are left
 * out because they never own a book. Sorted by name with `compare`.
 */
export function handOverTargets(
  names: ReadonlyMap<string, string>,
  ownerId: string | null,
  accounts: readonly Pick<Account, 'id' | 'name' | 'role' | 'disabled'>[] | null,
  compare: (a: string, b: string) => number,
): HandOverTarget[] {
  const targets = new Map<string, string>();
  if (accounts) {
    for (const account of accounts) if (account.role !== 'viewer' && !account.disabled) targets.set(account.id, names.get(account.id) ?? account.name);
  } else {
    for (const [id, name] of names) targets.set(id, name);
  }
  if (ownerId !== null) targets.delete(ownerId);
  return [...targets].map(([id, name]) => ({ id, name })).sort((a, b) => compare(a.name, b.name) || a.id.localeCompare(b.id));
}
