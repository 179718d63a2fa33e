import { describe, expect, it } from 'vitest';
import { sortIndices, type RankKey } from './sorting';
import { seededRandom } from './test-rows';

const key = (ranks: number[], desc = false): RankKey => ({ rank: Int32Array.from(ranks), count: Math.max(0, ...ranks) + 1, desc });

describe('sorting rows by ranks', () => {
  it('sorts ascending and descending by one key, blanks last both ways', () => {
    const ranks = [2, -1, 0, 1];
    expect([...sortIndices(Int32Array.from([0, 1, 2, 3]), [key(ranks)])]).toEqual([2, 3, 0, 1]);
    expect([...sortIndices(Int32Array.from([0, 1, 2, 3]), [key(ranks, true)])]).toEqual([0, 3, 2, 1]);
  });

  it('a second key orders rows that tie on the first; ties on all keys keep their order', () => {
    const city = key([1, 0, 1, 0, 1]);
    const revenue = key([5, 3, 2, 3, 9], true);
    expect([...sortIndices(Int32Array.from([0, 1, 2, 3, 4]), [city, revenue])]).toEqual([1, 3, 4, 0, 2]);
  });

  it('sorts only the given subset of rows', () => {
    expect([...sortIndices(Int32Array.from([3, 1]), [key([0, 3, 2, 1])])]).toEqual([3, 1]);
  });

  it('the packed and the comparator paths both match a reference sort (seeded random, 3 keys)', () => {
    const random = seededRandom(3);
    const n = 3000;
    const make = (distinct: number, desc: boolean): RankKey => ({
      rank: Int32Array.from({ length: n }, () => Math.floor(random() * (distinct + 1)) - 1),
      count: distinct,
      desc,
    });
    const keys = [make(5, false), make(40, true), make(7, false)];
    // Declaring far more ranks than used forces the comparator path; the order must not change.
    const wide = keys.map((entry) => ({ ...entry, count: 2 ** 20 }));
    const slot = (k: RankKey, row: number) => (k.rank[row] < 0 ? Infinity : k.desc ? -k.rank[row] : k.rank[row]);
    const reference = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      for (const k of keys) if (slot(k, a) !== slot(k, b)) return slot(k, a) < slot(k, b) ? -1 : 1;
      return a - b;
    });
    const indices = Int32Array.from({ length: n }, (_, i) => i);
    expect([...sortIndices(indices, keys)]).toEqual(reference);
    expect([...sortIndices(indices, wide)]).toEqual(reference);
  });

  it('no keys leaves the order as it was', () => {
    expect([...sortIndices(Int32Array.from([2, 0, 1]), [])]).toEqual([2, 0, 1]);
  });
});
