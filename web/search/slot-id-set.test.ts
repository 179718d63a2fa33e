import { describe, expect, it } from 'vitest';
import { SlotIdSet, SlotTable } from './slot-id-set';

function setOf(ids: string, bits: number[]): SlotIdSet {
  const table = new SlotTable();
  table.reset(ids);
  return new SlotIdSet(Uint8Array.from(bits), bits.filter((bit) => bit === 1).length, table);
}

describe('search results as a set of ids over slots', () => {
  it('answers has(), size and iteration from the bitmap and the slot table', () => {
    const set = setOf('a\nb\n\nd', [1, 0, 0, 1]);
    expect(set.size).toBe(2);
    expect(set.has('a')).toBe(true);
    expect(set.has('b')).toBe(false);
    expect(set.has('')).toBe(false);
    expect([...set]).toEqual(['a', 'd']);
    expect([...set.entries()]).toEqual([['a', 'a'], ['d', 'd']]);
    const seen: string[] = [];
    set.forEach((id) => seen.push(id));
    expect(seen).toEqual(['a', 'd']);
  });

  it('follows slots the worker gives to new rows', () => {
    const table = new SlotTable();
    table.reset('a\n');
    table.assign([1, 2], ['x', 'y']);
    const set = new SlotIdSet(Uint8Array.from([0, 1, 1]), 2, table);
    expect([...set]).toEqual(['x', 'y']);
    expect(set.has('y')).toBe(true);
  });

  it('implements the set methods a ReadonlySet has', () => {
    const set = setOf('a\nb\nc', [1, 1, 0]);
    expect([...set.union(new Set(['c']))].sort()).toEqual(['a', 'b', 'c']);
    expect([...set.intersection(new Set(['b', 'c']))]).toEqual(['b']);
    expect([...set.difference(new Set(['b']))]).toEqual(['a']);
    expect([...set.symmetricDifference(new Set(['b', 'c']))].sort()).toEqual(['a', 'c']);
    expect(set.isSubsetOf(new Set(['a', 'b', 'z']))).toBe(true);
    expect(set.isSupersetOf(new Set(['a']))).toBe(true);
    expect(set.isDisjointFrom(new Set(['c']))).toBe(true);
  });
});
