/** Keeping the newest N automatic backups. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDir, pruneBackups } from './backup';
import { removeTempDataDirs, tempDataDir } from './test/harness';

describe('pruneBackups', () => {
  it('keeps the newest N backups and leaves other files alone', () => {
    const data = tempDataDir();
    const dir = backupDir(data);
    mkdirSync(dir, { recursive: true });
    for (let day = 1; day <= 5; day++) {
      const file = join(dir, `relay-2026-11-0${day}.sqlite`);
      writeFileSync(file, 'x');
      utimesSync(file, day * 86400, day * 86400);
    }
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    expect(pruneBackups(data, 2).map((p) => p.slice(dir.length + 1)).sort()).toEqual([
      'relay-2026-11-01.sqlite',
      'relay-2026-11-02.sqlite',
      'relay-2026-11-03.sqlite',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'relay-2026-11-04.sqlite', 'relay-2026-11-05.sqlite']);
    removeTempDataDirs();
  });
});
