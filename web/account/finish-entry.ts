/** What happens after a successful sign-in, invite or reset: the account's base opens. */
import { writeSession } from '../sync/session';
import type { SessionGrant } from '../sync/relay-api';

/**
 * Stores the session and reloads at `#/`: which base opens is decided once at start, so a
 * reload is the one way to swap bases. replaceState keeps the used token out of Back.
 */
export function openAccountBase(grant: SessionGrant): void {
  writeSession(grant);
  reloadAt('#/');
}

/** Reloads the app at a hash (the base to open is chosen at start from the stored session). */
export function reloadAt(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  location.reload();
}
