/**
 * Setting up and migrating the org document. On a device without an account the engine does it;
 * with an office relay the relay does it (the server owns the schema and its migrations), and
 * the app only reads the org it receives: non-admins may not write it at all.
 */
import * as Y from 'yjs';
import { orgMeta, orgUsers } from '../schema/org-doc';
import { assertSchemaReadable, migrateOrgDoc, SCHEMA_VERSION } from './migrations';
import { newId } from './ids';

/**
 * Gives a new org its metadata and migrates an older one to SCHEMA_VERSION, in one transaction
 * with `origin`. Throws NewerSchemaError, before writing anything, for an org from a newer app.
 * Returns whether a migration ran (records then need their projection rebuilt).
 */
export function setUpOrgDoc(org: Y.Doc, origin: unknown): boolean {
  assertSchemaReadable(org);
  const meta = orgMeta(org);
  let migrated = false;
  org.transact(() => {
    if (meta.get('schemaVersion') === undefined) {
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('orgId', newId());
      meta.set('createdAt', Date.now());
    }
    migrated = migrateOrgDoc(org) > 0;
  }, origin);
  return migrated;
}

/** Records a user's display name in the org (a no-op when it is already that name). */
export function putOrgUser(org: Y.Doc, userId: string, name: string, origin: unknown): void {
  const users = orgUsers(org);
  if (users.get(userId)?.get('name') === name) return;
  org.transact(() => {
    let entry = users.get(userId);
    if (!entry) {
      entry = new Y.Map<unknown>();
      users.set(userId, entry);
    }
    entry.set('name', name);
  }, origin);
}
