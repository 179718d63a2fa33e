/**
 * Schema versions of the org document and the migrations between them. A base written by an
 * older app opens in a newer one with nothing lost: each migration moves data, never drops it.
 * Migrations run inside the caller's transaction (SYSTEM_ORIGIN: stored, synced, not undoable).
 */
import type * as Y from 'yjs';
import { orgMeta } from '../schema/org-doc';

/** The schema version this app writes. */
export const SCHEMA_VERSION = 1;

/** One step from `from` to `from + 1` on the org document. */
export interface OrgMigration {
  from: number;
  describe: string;
  migrate(org: Y.Doc): void;
}

/** Every org migration, oldest first. */
export const ORG_MIGRATIONS: OrgMigration[] = [];

/** Brings the org document up to SCHEMA_VERSION; a newer document is left untouched. */
export function migrateOrgDoc(org: Y.Doc): void {
  const meta = orgMeta(org);
  let version = Number(meta.get('schemaVersion') ?? SCHEMA_VERSION);
  for (const migration of ORG_MIGRATIONS) {
    if (migration.from !== version || version >= SCHEMA_VERSION) continue;
    migration.migrate(org);
    version = migration.from + 1;
    meta.set('schemaVersion', version);
  }
}

/** Brings the records of a book document up to SCHEMA_VERSION when it is loaded. */
export function migrateBookDoc(book: Y.Doc): void {
  void book;
}
