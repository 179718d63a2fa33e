/** Who may open which document: the one place the relay's per-document rights are decided. */
import type { Account } from './roles';
import type { DocRef } from '../sync/doc-ids';

/** What a user may do with a document; `none` means it is never sent to him. */
export type Access = 'none' | 'read' | 'read-write';

/**
 * The rights of `user` on `doc`. Rules: disabled → none. `org`: everyone reads, admins write.
 * `prefs:<u>`: only u, read-write (UI preferences, not business data, so View-only may save his own).
 * Books: "see only own" limits every role to its own books; the owner writes his own (View-only never
 * writes); Administrators and Senior managers write every book; Managers read others' books; View-only reads.
 */
export function accessTo(user: Account, doc: DocRef): Access {
  if (user.disabled) return 'none';
  switch (doc.kind) {
    case 'org':
      return user.role === 'admin' ? 'read-write' : 'read';
    case 'prefs':
      return doc.userId === user.id ? 'read-write' : 'none';
    case 'book': {
      const own = doc.ownerId === user.id;
      if (!own && user.seeOnlyOwn) return 'none';
      if (user.role === 'viewer') return 'read';
      if (own || user.role === 'admin' || user.role === 'senior') return 'read-write';
      return 'read';
    }
  }
}

/** Whether an access mode allows changing the document. */
export function canWrite(access: Access): boolean {
  return access === 'read-write';
}
