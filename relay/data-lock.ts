/**
 * One process at a time works on a data folder's documents: `serve` for as long as it runs, `import` while it
 * writes. Both hold `DIR/relay.lock` (created exclusively, holding the pid), so an import never writes beside a
 * running relay, whose live rooms would not see the new updates and whose next compaction would write a snapshot
 * covering them without their content (the import would be lost), and a relay never starts mid-import.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a lock holder is doing, shown to the process that is refused. */
export type LockPurpose = 'serve' | 'import';

/** The data folder is held by another live process. */
export class DataLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; purpose: string },
  ) {
    super(
      holder.purpose === 'serve'
        ? `The relay is running on ${dataDir} (pid ${holder.pid}): stop it first, then run this again.`
        : `Another command ("${holder.purpose}", pid ${holder.pid}) is working on ${dataDir}: wait for it to finish.`,
    );
    this.name = 'DataLockedError';
  }
}

/** The lock file of a data folder. */
export function lockPath(dataDir: string): string {
  return join(resolve(dataDir), 'relay.lock');
}

/** Takes the data folder's lock for this process; throws DataLockedError while another live process holds it. Returns the release. */
export function acquireDataLock(dataDir: string, purpose: LockPurpose): () => void {
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataLockedError(resolve(dataDir), holder);
      // Unreadable and fresh: its holder created it a moment ago and is still writing its pid.
      if (!holder && Date.now() - modifiedAt(path) < 10_000) throw new DataLockedError(resolve(dataDir), { pid: 0, purpose: 'unknown' });
      // A lock left by a process that died (power cut, SIGKILL) holds nothing any more.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}: it keeps reappearing.`);
}

function readHolder(path: string): { pid: number; purpose: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; purpose?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, purpose: String(parsed.purpose ?? 'unknown') } : null;
  } catch {
    return null;
  }
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
