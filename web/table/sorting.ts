/**
 * Multi-key sorting over integer ranks (ColumnIndex.sortRank). Blank cells go last whatever
 * the direction, as in Excel. When the keys and the row index fit in 2^53 they are packed into
 * one float per row and sorted natively (a typed-array sort, no comparator calls); otherwise a
 * comparator over the rank arrays is used.
 */

/** One sort key over ranks: per row rank (-1 blank), the number of distinct ranks, direction. */
export interface RankKey {
  rank: Int32Array;
  /** One more than the largest rank. */
  count: number;
  desc: boolean;
}

/** The rows of `indices` in sort order (ties keep their order in `indices`). Returns a new array. */
export function sortIndices(indices: Int32Array, keys: readonly RankKey[]): Int32Array {
  if (keys.length === 0 || indices.length < 2) return indices.slice();
  const n = indices.length;
  // Base of each key: ranks 0..count-1 plus one slot for blanks (last).
  let capacity = n;
  for (const key of keys) capacity *= key.count + 1;
  if (capacity <= Number.MAX_SAFE_INTEGER) return packedSort(indices, keys);
  return comparatorSort(indices, keys);
}

/** The position of a rank in sort order for a key: direction applied, blanks last. */
function slot(key: RankKey, rank: number): number {
  if (rank < 0) return key.count;
  return key.desc ? key.count - 1 - rank : rank;
}

function packedSort(indices: Int32Array, keys: readonly RankKey[]): Int32Array {
  const n = indices.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = indices[i];
    let value = 0;
    for (const key of keys) value = value * (key.count + 1) + slot(key, key.rank[row]);
    // The position in `indices` is the last digit: it makes the sort stable and decodable.
    packed[i] = value * n + i;
  }
  packed.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = indices[packed[i] % n];
  return out;
}

function comparatorSort(indices: Int32Array, keys: readonly RankKey[]): Int32Array {
  const order = Array.from(indices);
  order.sort((a, b) => {
    for (const key of keys) {
      const difference = slot(key, key.rank[a]) - slot(key, key.rank[b]);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return Int32Array.from(order);
}
