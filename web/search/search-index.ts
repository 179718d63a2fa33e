/**
 * The quick-search index: an inverted index of folded words (terms) with prefix and typo-
 * tolerant lookup, plus a substring scan of phone digits. Plain data, no DOM: it runs in the
 * search worker and in Node tests and benches.
 *
 * Rows live in numbered slots. A slot keeps its row id for the whole life of the index object,
 * so a result can cross the worker boundary as a bitmap over slots (one byte per slot) instead
 * of thousands of id strings; the client keeps the slot → id table (see assignedSlots()).
 * Slots freed by removals are reused only after the index was persisted and loaded again.
 *
 * Persisted form (PersistedIndex): a handful of strings and typed arrays, so loading 100k rows
 * is a few splits and typed-array views instead of rebuilding objects per posting.
 */
import { phoneDigits } from './normalize';
import { foldedWords, rowTerms, type IndexRow } from './row-terms';

/** Bump when the persisted layout or the way rows are turned into terms changes. */
export const INDEX_FORMAT_VERSION = 1;

/** The index as stored in the `searchIndex` table. */
export interface PersistedIndex {
  format: number;
  /** The projection sequence the index covers: rows with a higher Row.seq must be caught up. */
  seq: number;
  /** Section ids by code - 1 (slot section codes are 1-based; 0 = free slot). */
  sections: string[];
  /** Row id of every slot joined by '\n' ('' for a free slot). */
  ids: string;
  /** Section code of every slot. */
  slotSections: Uint8Array;
  /** Phone digits of every slot joined by '\n'. */
  phones: string;
  /** Every term, sorted, joined by '\n'. */
  terms: string;
  /** Number of slots listed for each term, in term order. */
  counts: Uint32Array;
  /** The slots of every term, concatenated in term order. */
  postings: Uint32Array;
}

/** Matching rows of one query: bits[slot] is 1 for a match. */
export interface SlotMatches {
  bits: Uint8Array;
  count: number;
}

/** One word of a parsed query. */
interface QueryWord {
  text: string;
  /** Maximum edit distance tried when the exact prefix finds nothing (0: no typo tolerance). */
  typos: number;
  /** For a run of ≥ 3 digits: the digit runs looked for inside phone numbers (see phoneRuns). */
  phoneRuns: string[];
}

/** A parsed query: words ANDed; phoneRuns, when any, also match phones containing one. */
interface QueryPlan {
  words: QueryWord[];
  phoneRuns: string[];
}

/** Digits of a full national number after a trunk prefix (0 722…, 8 916…) or of an international one. */
const FULL_NUMBER_DIGITS = 7;

/**
 * The runs to look for in stored phone digits for a typed run: the run itself and, for a
 * whole number typed in the other form than it was stored in, its national part: `0722 000 111`
 * also finds `+40 722 000 111` and `+40 722 000 111` also finds `0722 000 111`.
 */
export function phoneRuns(typed: string): string[] {
  const digits = phoneDigits(typed);
  if (digits.length < MIN_PHONE_RUN) return [];
  const runs = [digits];
  const international = /^\s*(\+|00)/.test(typed) ? digits.replace(/^00/, '') : null;
  if (international !== null) {
    // Country codes have 1 to 3 digits; what follows is the national number without its trunk 0.
    for (let code = 1; code <= 3; code++) if (international.length - code >= FULL_NUMBER_DIGITS) runs.push(international.slice(code));
  } else if (digits.length >= FULL_NUMBER_DIGITS + 1 && /^[08]/.test(digits)) runs.push(digits.slice(1));
  return [...new Set(runs)];
}

const MIN_PHONE_RUN = 3;
/** Batches of at least this many changed and removed rows are applied in one pass (applyBatch). */
const BULK_BATCH = 2000;
const MAX_QUERY_WORDS = 32;
const PHONE_QUERY = /^[\d\s()+\-./]+$/;
const DIGITS = /^\d+$/;

/** Edit distance forgiven for a word of this length: none below 4 letters, 1 up to 7, then 2. */
export function typosAllowed(word: string): number {
  if (DIGITS.test(word)) return 0;
  if (word.length >= 8) return 2;
  return word.length >= 4 ? 1 : 0;
}

/** Splits a query into words; null when it holds nothing to search for. */
function parseQuery(query: string): QueryPlan | null {
  const words = foldedWords(query).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const digits = PHONE_QUERY.test(query) ? phoneDigits(query) : '';
  return {
    words: words.map((text) => ({ text, typos: typosAllowed(text), phoneRuns: DIGITS.test(text) ? phoneRuns(words.length === 1 ? query : text) : [] })),
    // "0722 000 111" is one number typed with spaces: also match it as one run of digits.
    phoneRuns: words.length > 1 && digits.length >= MIN_PHONE_RUN ? phoneRuns(query) : [],
  };
}

/** The in-memory search index of one base. */
export class SearchIndex {
  private slotIds: string[] = [];
  private slotCodes = new Uint8Array(1024);
  private slotPhones: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private freeSlots: number[] = [];
  /**
   * Terms in sorted order. The slots of sortedTerms[i] are lists[i] when set (terms changed
   * since loading), else basePostings[baseStart[i] .. baseStart[i] + baseCount[i]) (the
   * loaded form, used as is: loading creates no object per term).
   */
  private sortedTerms: string[] = [];
  private lists: (number[] | undefined)[] = [];
  private baseStart: Uint32Array = new Uint32Array(0);
  private baseCount: Uint32Array = new Uint32Array(0);
  private basePostings: Uint32Array = new Uint32Array(0);
  /** Terms not yet merged into sortedTerms (merged before the next query). */
  private readonly pendingTerms = new Map<string, number[]>();
  private termsRemoved = false;
  /** Terms of each slot, for updates and removals; built lazily for a loaded index. */
  private forward: (string[] | undefined)[] | null = [];
  private phoneText: string | null = null;
  private phoneStarts = new Int32Array(1);
  private readonly sectionCodes = new Map<string, number>();
  private sectionNames: string[] = [];
  private assigned: number[] = [];

  /** Restores an index from its persisted form; null when the form is of another version. */
  static load(stored: PersistedIndex): SearchIndex | null {
    if (stored.format !== INDEX_FORMAT_VERSION) return null;
    const index = new SearchIndex();
    const slotCount = stored.slotSections.length;
    index.slotIds = slotCount === 0 ? [] : stored.ids.split('\n');
    index.slotPhones = slotCount === 0 ? [] : stored.phones.split('\n');
    if (index.slotIds.length !== slotCount || index.slotPhones.length !== slotCount) return null;
    index.slotCodes = new Uint8Array(Math.max(1024, slotCount * 2));
    index.slotCodes.set(stored.slotSections);
    for (let slot = slotCount - 1; slot >= 0; slot--) {
      const id = index.slotIds[slot];
      if (id === '') index.freeSlots.push(slot);
      else index.slotOf.set(id, slot);
    }
    index.sectionNames = [...stored.sections];
    stored.sections.forEach((section, position) => index.sectionCodes.set(section, position + 1));
    index.sortedTerms = stored.terms === '' ? [] : stored.terms.split('\n');
    if (index.sortedTerms.length !== stored.counts.length) return null;
    index.lists = new Array(index.sortedTerms.length);
    index.baseCount = stored.counts;
    index.baseStart = new Uint32Array(stored.counts.length);
    let offset = 0;
    for (let term = 0; term < stored.counts.length; term++) {
      index.baseStart[term] = offset;
      offset += stored.counts[term];
    }
    if (offset !== stored.postings.length) return null;
    index.basePostings = stored.postings;
    index.forward = null;
    return index;
  }

  /** Number of rows in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Number of slots (the length of a result bitmap). */
  get slotCount(): number {
    return this.slotIds.length;
  }

  /** Whether the row is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Row ids by slot ('' for a free slot): the client's slot table. */
  slotTable(): readonly string[] {
    return this.slotIds;
  }

  /** Slots given to new rows since the last call (their ids are in slotTable()). */
  takeAssignedSlots(): number[] {
    const assigned = this.assigned;
    this.assigned = [];
    return assigned;
  }

  /** Indexes a row, replacing what was indexed under its id. */
  upsert(row: IndexRow): void {
    const slot = this.slotOf.get(row.id);
    if (slot !== undefined) this.unindexTerms(slot);
    this.indexRow(row, slot ?? this.allocate(row.id));
  }

  /**
   * Applies one batch of projection changes. A large batch (a restore, a projection rebuild,
   * an import undone) drops the old postings of all its rows in one pass over the index,
   * instead of searching each row's terms' lists: 100k updates cost a second, not hours.
   */
  applyBatch(changed: readonly IndexRow[], removed: readonly string[], bulkFrom = BULK_BATCH): void {
    if (changed.length + removed.length < bulkFrom) {
      for (const id of removed) this.remove(id);
      for (const row of changed) this.upsert(row);
      return;
    }
    const drop = new Uint8Array(this.slotIds.length);
    let dropped = 0;
    // An id both removed and changed (a projection rebuild lists every id in both) ends changed.
    const changedIds = new Set(changed.map((row) => row.id));
    for (const id of removed) {
      const slot = this.slotOf.get(id);
      if (slot === undefined || changedIds.has(id)) continue;
      drop[slot] = 1;
      dropped++;
      this.slotOf.delete(id);
      this.slotIds[slot] = '';
      this.slotCodes[slot] = 0;
      this.slotPhones[slot] = '';
    }
    for (const row of changed) {
      const slot = this.slotOf.get(row.id);
      if (slot !== undefined && drop[slot] === 0) {
        drop[slot] = 1;
        dropped++;
      }
    }
    if (dropped > 0) this.dropPostings(drop);
    this.phoneText = null;
    for (const row of changed) this.indexRow(row, this.slotOf.get(row.id) ?? this.allocate(row.id));
  }

  /** Indexes a row into a slot that holds no postings. */
  private indexRow(row: IndexRow, slot: number): void {
    const { terms, phones } = rowTerms(row);
    this.slotCodes[slot] = this.sectionCode(row.section);
    for (const term of terms) this.addPosting(term, slot);
    if (this.forward) this.forward[slot] = terms;
    if (this.slotPhones[slot] !== phones) {
      this.slotPhones[slot] = phones;
      this.phoneText = null;
    }
  }

  /** Removes a row (nothing happens for an unknown id). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.unindexTerms(slot);
    this.slotOf.delete(id);
    this.slotIds[slot] = '';
    this.slotCodes[slot] = 0;
    if (this.slotPhones[slot] !== '') this.phoneText = null;
    this.slotPhones[slot] = '';
  }

  /**
   * Rows of `section` matching `query`: every word must match (AND); a word matches a term it
   * prefixes after folding case and accents; when a word of ≥ 4 letters prefixes nothing in
   * the section, terms within typosAllowed() edits of it (as a prefix) match instead; a run of
   * ≥ 3 digits also matches any phone whose digits contain it. Null when the query is blank.
   */
  search(query: string, section: string): SlotMatches | null {
    const plan = parseQuery(query);
    if (!plan) return null;
    const code = this.sectionCodes.get(section) ?? -1;
    this.ensureSortedTerms();
    const slotCount = this.slotIds.length;
    // level[slot] = how many words (in order) the slot has matched so far.
    const level = new Uint8Array(slotCount);
    let words = plan.words.length;
    for (let word = 0; word < plan.words.length; word++) {
      const { text, typos, phoneRuns: runs } = plan.words[word];
      let matched = this.markRanges([this.prefixRange(text)], level, word, code);
      for (const run of runs) matched += this.markPhones(run, level, word, code);
      if (matched === 0 && typos > 0) matched = this.markRanges(this.fuzzyRanges(text, typos), level, word, code);
      if (matched === 0) {
        words = -1;
        break;
      }
    }
    let count = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      const hit = level[slot] === words && this.slotCodes[slot] === code ? 1 : 0;
      level[slot] = hit;
      count += hit;
    }
    for (const run of plan.phoneRuns) count += this.markPhones(run, level, 0, code);
    return { bits: level, count };
  }

  /** Ids of the rows of `section` matching `query` (tests and benches; the worker sends bits). */
  searchIds(query: string, section: string): Set<string> | null {
    const matches = this.search(query, section);
    if (!matches) return null;
    const ids = new Set<string>();
    for (let slot = 0; slot < matches.bits.length; slot++) if (matches.bits[slot] === 1) ids.add(this.slotIds[slot]);
    return ids;
  }

  /** The persisted form of the index, covering projection sequence `seq`. */
  serialize(seq: number): PersistedIndex {
    this.ensureSortedTerms();
    const terms = this.sortedTerms;
    const counts = new Uint32Array(terms.length);
    let total = 0;
    for (let term = 0; term < terms.length; term++) {
      counts[term] = this.lists[term]?.length ?? this.baseCount[term];
      total += counts[term];
    }
    const postings = new Uint32Array(total);
    let offset = 0;
    for (let term = 0; term < terms.length; term++) {
      const list = this.lists[term];
      if (list) for (let i = 0; i < list.length; i++) postings[offset + i] = list[i];
      else postings.set(this.basePostings.subarray(this.baseStart[term], this.baseStart[term] + this.baseCount[term]), offset);
      offset += counts[term];
    }
    return {
      format: INDEX_FORMAT_VERSION,
      seq,
      sections: [...this.sectionNames],
      ids: this.slotIds.join('\n'),
      slotSections: this.slotCodes.slice(0, this.slotIds.length),
      phones: this.slotPhones.join('\n'),
      terms: terms.join('\n'),
      counts,
      postings,
    };
  }

  // ---- slots and postings -----------------------------------------------------------------

  private allocate(id: string): number {
    const slot = this.freeSlots.pop() ?? this.slotIds.length;
    if (slot >= this.slotCodes.length) {
      const grown = new Uint8Array(this.slotCodes.length * 2);
      grown.set(this.slotCodes);
      this.slotCodes = grown;
    }
    this.slotIds[slot] = id;
    if (this.slotPhones.length <= slot) this.slotPhones[slot] = '';
    this.slotOf.set(id, slot);
    if (this.forward) this.forward[slot] = [];
    this.assigned.push(slot);
    return slot;
  }

  private sectionCode(section: string): number {
    let code = this.sectionCodes.get(section);
    if (code === undefined) {
      if (this.sectionNames.length >= 255) throw new Error(`Search index: too many sections (adding "${section}")`);
      this.sectionNames.push(section);
      code = this.sectionNames.length;
      this.sectionCodes.set(section, code);
    }
    return code;
  }

  /**
   * Removes every posting of the slots marked in `drop`. The kept postings move to the pending
   * (hash-addressed) form, where the rows of the batch are then added as fast as in a build.
   */
  private dropPostings(drop: Uint8Array): void {
    const kept = new Map<string, number[]>();
    const keep = (term: string, slots: ArrayLike<number>, from: number, to: number): void => {
      let list: number[] | undefined;
      for (let i = from; i < to; i++) {
        const slot = slots[i];
        if (drop[slot] === 1) continue;
        (list ??= []).push(slot);
      }
      if (list) kept.set(term, list);
    };
    for (let term = 0; term < this.sortedTerms.length; term++) {
      const list = this.lists[term];
      if (list) keep(this.sortedTerms[term], list, 0, list.length);
      else keep(this.sortedTerms[term], this.basePostings, this.baseStart[term], this.baseStart[term] + this.baseCount[term]);
    }
    for (const [term, list] of this.pendingTerms) keep(term, list, 0, list.length);
    this.sortedTerms = [];
    this.lists = [];
    this.baseStart = new Uint32Array(0);
    this.baseCount = new Uint32Array(0);
    this.basePostings = new Uint32Array(0);
    this.pendingTerms.clear();
    for (const [term, list] of kept) this.pendingTerms.set(term, list);
    if (this.forward) for (let slot = 0; slot < drop.length; slot++) if (drop[slot] === 1) this.forward[slot] = [];
  }

  /** The editable slot list of a term, or undefined when the term is not indexed. */
  private listOf(term: string): number[] | undefined {
    const pending = this.pendingTerms.get(term);
    if (pending) return pending;
    const at = this.lowerBound(term);
    if (this.sortedTerms[at] !== term) return undefined;
    let list = this.lists[at];
    if (!list) {
      list = Array.from(this.basePostings.subarray(this.baseStart[at], this.baseStart[at] + this.baseCount[at]));
      this.lists[at] = list;
    }
    return list;
  }

  private addPosting(term: string, slot: number): void {
    const list = this.listOf(term);
    if (list) {
      if (list.length === 0) this.termsRemoved = true; // revived: keep the merge from dropping it
      list.push(slot);
    } else this.pendingTerms.set(term, [slot]);
  }

  private unindexTerms(slot: number): void {
    const forward = this.ensureForward();
    for (const term of forward[slot] ?? []) {
      const list = this.listOf(term);
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.termsRemoved = true;
    }
    forward[slot] = [];
  }

  /** Finishes pending work (term order, phone text) so the first query is as fast as the rest. */
  prepare(): void {
    this.ensureSortedTerms();
    this.ensurePhoneText();
  }

  /** Builds the per-slot term lists that updates and removals need (~0.2 s at 100k rows). */
  prepareForEdits(): void {
    this.ensureForward();
  }

  private ensureForward(): (string[] | undefined)[] {
    if (this.forward) return this.forward;
    const forward: (string[] | undefined)[] = new Array(this.slotIds.length);
    for (let term = 0; term < this.sortedTerms.length; term++) {
      const text = this.sortedTerms[term];
      const list = this.lists[term];
      if (list) for (const slot of list) (forward[slot] ??= []).push(text);
      else {
        const end = this.baseStart[term] + this.baseCount[term];
        for (let i = this.baseStart[term]; i < end; i++) (forward[this.basePostings[i]] ??= []).push(text);
      }
    }
    for (const [text, list] of this.pendingTerms) for (const slot of list) (forward[slot] ??= []).push(text);
    this.forward = forward;
    return forward;
  }

  /** Merges terms added since the last query into the sorted term list; drops emptied ones. */
  private ensureSortedTerms(): void {
    if (this.pendingTerms.size === 0 && !this.termsRemoved) return;
    const added = [...this.pendingTerms.keys()].sort();
    const old = this.sortedTerms;
    const length = old.length + added.length;
    const terms: string[] = [];
    const lists: (number[] | undefined)[] = [];
    const starts = new Uint32Array(length);
    const counts = new Uint32Array(length);
    let a = 0;
    let b = 0;
    while (a < old.length || b < added.length) {
      const at = terms.length;
      if (b >= added.length || (a < old.length && old[a] < added[b])) {
        const list = this.lists[a];
        if ((list ? list.length : this.baseCount[a]) > 0) {
          terms.push(old[a]);
          lists.push(list);
          starts[at] = this.baseStart[a];
          counts[at] = this.baseCount[a];
        }
        a++;
      } else {
        terms.push(added[b]);
        lists.push(this.pendingTerms.get(added[b]));
        b++;
      }
    }
    this.sortedTerms = terms;
    this.lists = lists;
    this.baseStart = starts;
    this.baseCount = counts;
    this.pendingTerms.clear();
    this.termsRemoved = false;
  }

  // ---- lookups -----------------------------------------------------------------------------

  private lowerBound(text: string): number {
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid] < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first position after `from` whose term does not start with `prefix` (galloping search). */
  private blockEnd(from: number, prefix: string): number {
    const terms = this.sortedTerms;
    let inside = from;
    let step = 1;
    let outside = from + 1;
    while (outside < terms.length && terms[outside].startsWith(prefix)) {
      inside = outside;
      step *= 2;
      outside = from + step;
    }
    outside = Math.min(outside, terms.length);
    while (outside - inside > 1) {
      const mid = (inside + outside) >>> 1;
      if (terms[mid].startsWith(prefix)) inside = mid;
      else outside = mid;
    }
    return outside;
  }

  /** Positions in sortedTerms of the terms starting with `prefix`. */
  private prefixRange(prefix: string): [number, number] {
    return [this.lowerBound(prefix), this.lowerBound(prefix + '\uffff')];
  }

  /** Raises the slots of section `code` found in the term ranges from level `word` to `word + 1`. */
  private markRanges(ranges: [number, number][], level: Uint8Array, word: number, code: number): number {
    const codes = this.slotCodes;
    let matched = 0;
    for (const [from, to] of ranges) {
      for (let term = from; term < to; term++) {
        const list = this.lists[term];
        if (list) {
          for (let i = 0; i < list.length; i++) {
            const slot = list[i];
            if (level[slot] !== word || codes[slot] !== code) continue;
            level[slot] = word + 1;
            matched++;
          }
          continue;
        }
        const base = this.basePostings;
        const end = this.baseStart[term] + this.baseCount[term];
        for (let i = this.baseStart[term]; i < end; i++) {
          const slot = base[i];
          if (level[slot] !== word || codes[slot] !== code) continue;
          level[slot] = word + 1;
          matched++;
        }
      }
    }
    return matched;
  }

  /** Same as markRanges for the slots whose phone digits contain `digits`. */
  private markPhones(digits: string, level: Uint8Array, word: number, code: number): number {
    const text = this.ensurePhoneText();
    const starts = this.phoneStarts;
    const codes = this.slotCodes;
    let matched = 0;
    let from = 0;
    for (;;) {
      const at = text.indexOf(digits, from);
      if (at < 0) break;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      const slot = lo;
      if (level[slot] === word && codes[slot] === code) {
        level[slot] = word + 1;
        matched++;
      }
      from = starts[slot + 1];
    }
    return matched;
  }

  private ensurePhoneText(): string {
    if (this.phoneText !== null && this.phoneStarts.length === this.slotPhones.length + 1) return this.phoneText;
    const starts = new Int32Array(this.slotPhones.length + 1);
    let position = 0;
    for (let slot = 0; slot < this.slotPhones.length; slot++) {
      starts[slot] = position;
      position += (this.slotPhones[slot] ?? '').length + 1;
    }
    starts[this.slotPhones.length] = position;
    this.phoneStarts = starts;
    this.phoneText = this.slotPhones.join('\n') + '\n';
    return this.phoneText;
  }

  /**
   * Ranges of terms having a prefix within `maxEdits` edits of `word`. Walks the sorted terms
   * as a trie: the edit-distance columns of a shared prefix are reused, and a whole block of
   * terms is skipped as soon as its common prefix can no longer match (or already matches).
   */
  private fuzzyRanges(word: string, maxEdits: number): [number, number][] {
    const terms = this.sortedTerms;
    const rows = word.length + 1;
    const maxDepth = word.length + maxEdits;
    // columns[depth * rows + i] = edit distance between word[0..i) and term[0..depth).
    const columns = new Int32Array((maxDepth + 1) * rows);
    for (let i = 0; i < rows; i++) columns[i] = i;
    const ranges: [number, number][] = [];
    let previous = '';
    let validDepth = 0;
    let index = 0;
    while (index < terms.length) {
      const term = terms[index];
      let depth = 0;
      const shared = Math.min(validDepth, term.length);
      while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      const limit = Math.min(term.length, maxDepth);
      let outcome: 'match' | 'dead' | 'open' = 'open';
      while (depth < limit) {
        depth++;
        const char = term.charCodeAt(depth - 1);
        const at = depth * rows;
        const before = at - rows;
        columns[at] = depth;
        let lowest = depth;
        for (let i = 1; i < rows; i++) {
          const substitute = columns[before + i - 1] + (word.charCodeAt(i - 1) === char ? 0 : 1);
          const value = Math.min(substitute, columns[before + i] + 1, columns[at + i - 1] + 1);
          columns[at + i] = value;
          if (value < lowest) lowest = value;
        }
        if (columns[at + rows - 1] <= maxEdits) {
          outcome = 'match';
          break;
        }
        if (lowest > maxEdits || depth === maxDepth) {
          outcome = 'dead';
          break;
        }
      }
      previous = term;
      if (outcome === 'open') {
        validDepth = depth;
        index++;
        continue;
      }
      const end = this.blockEnd(index, term.slice(0, depth));
      if (outcome === 'match') ranges.push([index, end]);
      validDepth = depth - 1;
      index = end;
    }
    return ranges;
  }
}
