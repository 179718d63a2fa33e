/** Random bearer tokens (sessions, invites) and the hashes under which they are stored. */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token: 32 bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token: a database leak does not hand out working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A short random id for users (no `:`, so it fits inside document ids). */
export function newUserId(): string {
  return 'u' + randomBytes(9).toString('base64url');
}
