/**
 * Collation ranks of distinct strings, kept across recomputes: sorting 100k rows then compares
 * integers instead of calling Intl.Collator.compare ~1.7M times. New strings are merged into
 * the sorted list (sort the few new ones, one linear merge), so an edit does not re-collate
 * the whole column.
 */

import { foldText } from '../search/normalize';

/** A growing, collation-sorted dictionary of strings with a rank for each. */
export class CollationRanks {
  /** Every string seen, in collation order (a new array after each merge; never mutated). */
  sorted: readonly string[] = [];
  private ranks = new Map<string, number>();

  constructor(private readonly compare: (a: string, b: string) => number) {}

  /** The collator's order, with ties (equal under the collator) broken by code units: a total order. */
  private readonly total = (a: string, b: string): number => this.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

  /** The rank of a string added before, or -1. */
  rank(text: string): number {
    return this.ranks.get(text) ?? -1;
  }

  /** Adds the strings not seen yet; ranks of known strings may shift (order is preserved). */
  add(strings: Iterable<string>): void {
    const fresh = new Set<string>();
    for (const text of strings) if (!this.ranks.has(text)) fresh.add(text);
    if (fresh.size === 0) return;
    const incoming = presortByFoldedText([...fresh]).sort(this.total);
    const merged: string[] = new Array(this.sorted.length + incoming.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < incoming.length) {
      merged[k++] = this.total(this.sorted[i], incoming[j]) <= 0 ? this.sorted[i++] : incoming[j++];
    }
    while (i < this.sorted.length) merged[k++] = this.sorted[i++];
    while (j < incoming.length) merged[k++] = incoming[j++];
    const ranks = new Map<string, number>();
    for (let index = 0; index < merged.length; index++) ranks.set(merged[index], index);
    this.sorted = merged;
    this.ranks = ranks;
  }
}

/**
 * Orders strings by a cheap folded key (lower case, no accents) before the collator's sort.
 * The collator's order is nearly that one, and V8's sort (TimSort) is adaptive: on 100k
 * distinct tax ids and phones it then needs ~99k collator calls instead of ~1.5M (0.19 s
 * instead of 0.55 s, same order). The collator still decides the final order.
 */
export function presortByFoldedText(strings: string[]): string[] {
  const keyed = strings.map((text) => ({ key: NON_ASCII.test(text) ? foldText(text) : text.toLowerCase(), text }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.text);
}

const NON_ASCII = /[^\x00-\x7f]/;

const dictionaries = new Map<string, CollationRanks>();

/** The shared dictionary for `key` (section, field, language): it outlives each recompute. */
export function sharedRanks(key: string, compare: (a: string, b: string) => number): CollationRanks {
  let found = dictionaries.get(key);
  if (!found) {
    found = new CollationRanks(compare);
    dictionaries.set(key, found);
  }
  return found;
}
