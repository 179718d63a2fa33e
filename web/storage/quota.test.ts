import { describe, expect, it } from 'vitest';
import { freshIndexedDB, openTestEngine } from '../engine/test-support';
import type { Engine, StorageProblem } from '../engine/engine';
import * as commands from '../engine/commands';
import { isQuotaError } from './database';

/** Makes the next `times` writes of the update log fail as a full disk does. */
function failUpdateWrites(engine: Engine, times: number, error: () => Error = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')): void {
  const table = engine.db.updates;
  const original = table.bulkAdd.bind(table);
  let left = times;
  table.bulkAdd = ((...args: Parameters<typeof table.bulkAdd>) => {
    if (left > 0) {
      left--;
      return Promise.reject(error());
    }
    return original(...args);
  }) as typeof table.bulkAdd;
}

function collectProblems(engine: Engine): (StorageProblem | null)[] {
  const problems: (StorageProblem | null)[] = [];
  engine.onStorageProblem((problem) => problems.push(problem));
  return problems;
}

describe('storage: a full disk', () => {
  it('a quota error is recognised directly and when Dexie wraps it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new DOMException('blocked', 'VersionError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it("a write failing with QuotaExceededError is reported as a 'quota' problem", async () => {
    const engine = await openTestEngine();
    const problems = collectProblems(engine);
    failUpdateWrites(engine, 1);
    await commands.createRecord(engine, 'orgs', { name: 'Too much' });
    await expect(engine.flush()).rejects.toThrow(/quota/i);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe('quota');
    await engine.close();
  });

  it('another failure is reported as a write problem with its message', async () => {
    const engine = await openTestEngine();
    const problems = collectProblems(engine);
    failUpdateWrites(engine, 1, () => new DOMException('The database connection is closing.', 'InvalidStateError'));
    await commands.createRecord(engine, 'orgs', { name: 'X' });
    await expect(engine.flush()).rejects.toThrow();
    expect(problems[0]).toMatchObject({ kind: 'write', message: expect.stringContaining('closing') });
    await engine.close();
  });

  it('the failed edit stays pending in memory and on screen, and everything saved before is intact', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const saved = await commands.createRecord(engine, 'orgs', { name: 'Saved before', city: 'Cluj' });
    await engine.flush();
    const updatesBefore = await engine.db.updates.toArray();
    const rowsBefore = await engine.db.rows.toArray();

    failUpdateWrites(engine, 1);
    const pending = await commands.createRecord(engine, 'orgs', { name: 'Typed when the disk was full' });
    await commands.updateField(engine, saved, 'city', 'Iași');
    await expect(engine.flush()).rejects.toThrow();

    expect(engine.hasUnsavedChanges()).toBe(true);
    expect(engine.rows.get(pending)?.v.name).toBe('Typed when the disk was full');
    expect(engine.rows.get(saved)?.v.city).toBe('Iași');
    expect(await engine.db.updates.toArray()).toEqual(updatesBefore);
    expect(await engine.db.rows.toArray()).toEqual(rowsBefore);
    await engine.close();
  });

  it('a later retry that succeeds stores the edit once, clears the problem, and it survives a reopen', async () => {
    const deps = freshIndexedDB();
    const engine = await openTestEngine({ deps });
    const problems = collectProblems(engine);
    failUpdateWrites(engine, 2);
    const id = await commands.createRecord(engine, 'people', { firstName: 'Ana', lastName: 'Pop' });
    await expect(engine.flush()).rejects.toThrow();
    await expect(engine.flush()).rejects.toThrow();
    const logBefore = await engine.db.updates.count();

    await engine.flush();
    expect(engine.hasUnsavedChanges()).toBe(false);
    expect(problems.map((problem) => problem?.kind ?? null)).toEqual(['quota', 'quota', null]);
    // The retried updates are written once, not once per attempt.
    const bookUpdates = await engine.db.updates.where('doc').equals(engine.rows.get(id)!.shard).count();
    expect(bookUpdates).toBe(1);
    expect(await engine.db.updates.count()).toBeGreaterThan(logBefore);
    expect((await engine.db.rows.get(id))?.v).toEqual({ firstName: 'Ana', lastName: 'Pop' });
    await engine.close();

    const reopened = await openTestEngine({ deps });
    expect(reopened.rows.get(id)?.v).toEqual({ firstName: 'Ana', lastName: 'Pop' });
    await reopened.close();
  });

  it('a failed background save does not surface as an unhandled rejection', async () => {
    const engine = await openTestEngine();
    const problems = collectProblems(engine);
    failUpdateWrites(engine, 1);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    await commands.createRecord(engine, 'orgs', { name: 'Background' });
    // Let the engine's own scheduled flush run and fail.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', onUnhandled);
    expect(problems[0]?.kind).toBe('quota');
    expect(unhandled).toEqual([]);
    await engine.flush();
    expect(engine.hasUnsavedChanges()).toBe(false);
    await engine.close();
  });
});

describe('storage: a failed write is retried by itself', () => {
  it('after a quota failure the engine tries again without a new edit, and the edit is stored', async () => {
    const engine = await openTestEngine();
    engine.retryDelayMs = 20;
    const problems = collectProblems(engine);
    failUpdateWrites(engine, 1);
    const id = await commands.createRecord(engine, 'orgs', { name: 'Retried' });
    await expect(engine.flush()).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(engine.hasUnsavedChanges()).toBe(false);
    expect(problems.at(-1)).toBeNull();
    expect((await engine.db.rows.get(id))?.v.name).toBe('Retried');
    await engine.close();
  });
});
