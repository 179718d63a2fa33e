/** Signing out of the office relay: the device goes back to its own local base. */
import { clearSession } from '../sync/session';
import type { SyncHandle } from '../sync/sync-status';
import { reloadAt } from './finish-entry';

/**
 * Ends the session on the relay (its sockets close), forgets it here and reloads into the
 * local base. Unsent changes stay in the account's own IndexedDB base and go out after the
 * next sign-in. Offline, the relay cannot be told: the token is still forgotten here.
 */
export async function signOut(sync: SyncHandle): Promise<void> {
  try {
    await sync.api.logout();
  } catch {
    // Unreachable relay or an already ended session: signing out here must still work.
  }
  await sync.stop().catch(() => undefined);
  clearSession();
  reloadAt('#/');
}
