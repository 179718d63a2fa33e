/**
 * The relay owns the org document (the server owns the schema and its migrations, as in tldraw's sync
 * server): it sets up a new org, migrates an old one and writes each account's display name, through the
 * live room so the change is logged, committed and broadcast like any client's update. Non-administrators
 * never need to write the org.
 */
import { NewerSchemaError } from '../../web/engine/migrations';
import { putOrgUser, setUpOrgDoc } from '../../web/engine/org-setup';
import { ORG_DOC_ID } from '../../web/engine/ids';
import type { SyncServer } from '../sync/sync-server';
import type { Logger } from '../log';

/** The user id the relay's own changes carry in the audit trail (real user ids start with `u`). */
export const RELAY_USER_ID = 'relay';

/** The accounts whose names the org lists. */
export interface NamedAccount {
  id: string;
  name: string;
}

/**
 * Sets up or migrates the org document and lists every account's name in it. Throws NewerSchemaError,
 * having written nothing, when the org was written by a newer app: the relay must not start on it.
 */
export async function setUpOrg(sync: SyncServer, accounts: NamedAccount[], log: Logger): Promise<void> {
  let migrated = false;
  const changed = await sync.writeDoc(ORG_DOC_ID, RELAY_USER_ID, (org) => {
    migrated = setUpOrgDoc(org, RELAY_USER_ID);
    for (const account of accounts) putOrgUser(org, account.id, account.name, RELAY_USER_ID);
  });
  log('org-ready', { changed, migrated, users: accounts.length });
}

/** Writes an account's display name into the org (new account, rename); connected clients get it at once. */
export async function recordUserName(sync: SyncServer, account: NamedAccount): Promise<boolean> {
  return sync.writeDoc(ORG_DOC_ID, RELAY_USER_ID, (org) => putOrgUser(org, account.id, account.name, RELAY_USER_ID));
}

/** Whether an error means the data folder was written by a newer app. */
export function isNewerSchema(error: unknown): error is NewerSchemaError {
  return error instanceof NewerSchemaError;
}
