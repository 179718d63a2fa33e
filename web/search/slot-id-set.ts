/**
 * A query result as a read-only set of row ids, backed by the worker's bitmap over slots and
 * the client's slot table: building it costs nothing however many rows match, and `has(id)`
 * is one map lookup (what the table's filter calls per row).
 */

/** The client's copy of the worker's slot → id table. Slots keep their id while the worker lives. */
export class SlotTable {
  readonly ids: string[] = [];
  readonly slotOf = new Map<string, number>();

  /** Replaces the table with the worker's (ids joined by '\n', '' for free slots). */
  reset(joined: string): void {
    this.ids.length = 0;
    this.slotOf.clear();
    if (joined === '') return;
    const ids = joined.split('\n');
    for (let slot = 0; slot < ids.length; slot++) {
      this.ids.push(ids[slot]);
      if (ids[slot] !== '') this.slotOf.set(ids[slot], slot);
    }
  }

  /** Records the slots the worker gave to new rows. */
  assign(slots: readonly number[], ids: readonly string[]): void {
    slots.forEach((slot, position) => {
      const id = ids[position];
      this.ids[slot] = id;
      this.slotOf.set(id, slot);
    });
  }
}

/** The ids whose slot bit is 1. */
export class SlotIdSet implements ReadonlySet<string> {
  constructor(
    private readonly bits: Uint8Array,
    readonly size: number,
    private readonly table: SlotTable,
  ) {}

  /** Whether the row matched the query. */
  has(id: string): boolean {
    const slot = this.table.slotOf.get(id);
    return slot !== undefined && this.bits[slot] === 1;
  }

  /** Every matching id, in slot order. */
  *values(): SetIterator<string> {
    for (let slot = 0; slot < this.bits.length; slot++) if (this.bits[slot] === 1) yield this.table.ids[slot];
  }

  /** Same as values() (Set semantics). */
  keys(): SetIterator<string> {
    return this.values();
  }

  /** [id, id] pairs (Set semantics). */
  *entries(): SetIterator<[string, string]> {
    for (const id of this.values()) yield [id, id];
  }

  /** Calls `callback` for each matching id. */
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.values()) callback.call(thisArg, id, id, this);
  }

  /** Iterates the matching ids. */
  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  // The ES2025 set methods, written out: Node 20 has no Set.prototype.union to borrow.

  /** Ids in this set or in `other`. */
  union<U>(other: ReadonlySetLike<U>): Set<string | U> {
    const result = new Set<string | U>(this);
    for (const value of iterate(other)) result.add(value);
    return result;
  }

  /** Ids in both sets. */
  intersection<U>(other: ReadonlySetLike<U>): Set<string & U> {
    const result = new Set<string & U>();
    for (const id of this.values()) if (other.has(id as string & U)) result.add(id as string & U);
    return result;
  }

  /** Ids in this set and not in `other`. */
  difference<U>(other: ReadonlySetLike<U>): Set<string> {
    const result = new Set<string>();
    for (const id of this.values()) if (!other.has(id as unknown as U)) result.add(id);
    return result;
  }

  /** Ids in exactly one of the two sets. */
  symmetricDifference<U>(other: ReadonlySetLike<U>): Set<string | U> {
    const result = new Set<string | U>(this.difference(other));
    for (const value of iterate(other)) if (!this.has(value as unknown as string)) result.add(value);
    return result;
  }

  /** Whether every id is in `other`. */
  isSubsetOf(other: ReadonlySetLike<unknown>): boolean {
    for (const id of this.values()) if (!other.has(id)) return false;
    return true;
  }

  /** Whether every value of `other` is in this set. */
  isSupersetOf(other: ReadonlySetLike<unknown>): boolean {
    for (const value of iterate(other)) if (typeof value !== 'string' || !this.has(value)) return false;
    return true;
  }

  /** Whether no id is in `other`. */
  isDisjointFrom(other: ReadonlySetLike<unknown>): boolean {
    for (const id of this.values()) if (other.has(id)) return false;
    return true;
  }
}

function* iterate<T>(setLike: ReadonlySetLike<T>): Generator<T> {
  const iterator = setLike.keys();
  for (let step = iterator.next(); !step.done; step = iterator.next()) yield step.value;
}
