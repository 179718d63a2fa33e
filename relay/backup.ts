/** Consistent copies of the relay database (SQLite online backup) and restoring one. */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { databasePath, openDatabase, REQUIRED_TABLES, type Db } from './store/database';

/** The folder where backups go by default. */
export function backupDir(dataDir: string): string {
  return join(resolve(dataDir), 'backups');
}

/** Writes a consistent copy of the database to `file` (default: backups/relay-<time>.sqlite); works while the relay runs. */
export async function backupDatabase(db: Db, dataDir: string, file?: string): Promise<string> {
  const target = resolve(file ?? join(backupDir(dataDir), `relay-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`));
  mkdirSync(dirname(target), { recursive: true });
  await db.backup(target);
  return target;
}

/** Deletes all but the newest `keep` files in the backups folder; returns the deleted paths. */
export function pruneBackups(dataDir: string, keep: number): string[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => /^relay-.*\.sqlite$/.test(name))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || b.localeCompare(a));
  const removed = files.slice(keep);
  for (const path of removed) rmSync(path);
  return removed;
}

/** Why `file` is not a usable relay backup, or null when it is. */
export function backupProblem(file: string): string | null {
  if (!existsSync(file)) return `${file} does not exist`;
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `${file} is damaged (integrity check: ${String(integrity)})`;
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) return `${file} is not a relay backup (missing tables: ${missing.join(', ')})`;
    return null;
  } catch (error) {
    return `${file} is not a SQLite database (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    db?.close();
  }
}

/**
 * Replaces the data folder's database with a backup. The relay must be stopped. The replaced database is
 * kept beside it (relay.sqlite.before-restore-<time>) so a wrong restore can be undone.
 */
export async function restoreDatabase(dataDir: string, file: string): Promise<{ kept: string | null }> {
  const source = resolve(file);
  const problem = backupProblem(source);
  if (problem) throw new Error(problem);
  const target = databasePath(dataDir);
  mkdirSync(dirname(target), { recursive: true });
  let kept: string | null = null;
  if (existsSync(target)) {
    // Fold the WAL into the file first, so the kept copy is complete on its own.
    const current = openDatabase(dataDir);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    copyFileSync(target, kept);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
  openDatabase(dataDir).close();
  return { kept };
}
