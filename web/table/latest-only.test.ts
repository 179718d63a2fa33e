import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('quick search: stale answers are ignored', () => {
  it('an older answer arriving after a newer one is dropped', async () => {
    const gate = latestOnly();
    const applied: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    gate.track(slow.promise, (value) => applied.push(value));
    gate.track(fast.promise, (value) => applied.push(value));
    fast.resolve('ste');
    await fast.promise;
    slow.resolve('s');
    await slow.promise;
    await Promise.resolve();
    expect(applied).toEqual(['ste']);
  });

  it('answers in order are each applied while they are the newest', async () => {
    const gate = latestOnly();
    const applied: number[] = [];
    for (const value of [1, 2]) {
      const request = Promise.resolve(value);
      gate.track(request, (answer) => applied.push(answer));
      await request;
      await Promise.resolve();
    }
    expect(applied).toEqual([1, 2]);
  });

  it('an error of a superseded request is ignored; of the newest one, reported', async () => {
    const gate = latestOnly();
    const errors: unknown[] = [];
    const old = deferred<number>();
    gate.track(old.promise, () => undefined, (error) => errors.push(error));
    const current = deferred<number>();
    gate.track(current.promise, () => undefined, (error) => errors.push(error));
    old.reject(new Error('old'));
    current.reject(new Error('new'));
    await Promise.allSettled([old.promise, current.promise]);
    await Promise.resolve();
    expect(errors.map((error) => (error as Error).message)).toEqual(['new']);
  });
});
