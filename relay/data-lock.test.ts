import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataLock, DataLockedError, lockPath } from './data-lock';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('data folder lock', () => {
  it('is held with the pid and purpose, and released by its holder', () => {
    const dir = folder();
    const release = acquireDataLock(dir, 'import');
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'import' });
    release();
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('refuses a second holder while a live process holds it, naming what it does', () => {
    const dir = folder();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: process.ppid, purpose: 'serve' }));
    expect(() => acquireDataLock(dir, 'import')).toThrow(DataLockedError);
    expect(() => acquireDataLock(dir, 'import')).toThrow(`The relay is running on ${dir} (pid ${process.ppid}): stop it first`);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = folder();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: deadPid(), purpose: 'serve' }));
    const release = acquireDataLock(dir, 'import');
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    release();
  });
});
