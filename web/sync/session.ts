/**
 * The signed-in session on this device, kept in localStorage so the app knows at start, before
 * any network, whose base to open. Without one the app opens the device's local base.
 */
import type { Account, SessionGrant } from './relay-api';

const SESSION_KEY = 'clientela.session';

/** The session the app opens its account base with. */
export interface StoredSession {
  token: string;
  expiresAt: number;
  user: Account;
}

/** The stored session, or null (never signed in, signed out, or unreadable). */
export function readSession(): StoredSession | null {
  try {
    const text = localStorage.getItem(SESSION_KEY);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<StoredSession>;
    if (typeof parsed.token !== 'string' || !parsed.user || typeof parsed.user.id !== 'string') return null;
    return parsed as StoredSession;
  } catch {
    return null;
  }
}

/** Stores a session granted by login, invite or reset. */
export function writeSession(grant: SessionGrant): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify({ token: grant.token, expiresAt: grant.expiresAt, user: grant.user } satisfies StoredSession));
}

/** Updates the stored account (a role changed on the relay) keeping the token. */
export function updateSessionUser(user: Account): void {
  const current = readSession();
  if (current) localStorage.setItem(SESSION_KEY, JSON.stringify({ ...current, user }));
}

/** Forgets the session (sign out, or the relay refused the token). */
export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

/** The IndexedDB database of an account's base: one per account, apart from the local base. */
export function accountDatabaseName(userId: string): string {
  return `clientela-account-${userId}`;
}
