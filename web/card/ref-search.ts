/** Finding a record to reference by name as the user types (the ref picker's list). */
import { foldText } from '../search/normalize';

/** A record that can be picked, with its name folded once for matching. */
export interface RefCandidate {
  id: string;
  name: string;
  folded: string;
}

/** Makes a candidate of a record id and its display name. */
export function refCandidate(id: string, name: string): RefCandidate {
  return { id, name, folded: foldText(name) };
}

function smallest<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  // Keeps a sorted window of `limit` items: no full sort of thousands of matches per keystroke.
  const best: T[] = [];
  for (const item of items) {
    if (best.length === limit && compare(item, best[limit - 1]) >= 0) continue;
    let index = best.length;
    while (index > 0 && compare(item, best[index - 1]) < 0) index--;
    best.splice(index, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}

/**
 * Up to `limit` candidates whose name contains `query` (case and accents forgiven), names
 * starting with it first, each group in `compare` order.
 */
export function matchByName(candidates: RefCandidate[], query: string, limit: number, compare: (a: string, b: string) => number): RefCandidate[] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  const starts: RefCandidate[] = [];
  const contains: RefCandidate[] = [];
  for (const candidate of candidates) {
    const at = candidate.folded.indexOf(needle);
    if (at === 0) starts.push(candidate);
    else if (at > 0) contains.push(candidate);
  }
  const byName = (a: RefCandidate, b: RefCandidate) => compare(a.name, b.name);
  const first = smallest(starts, limit, byName);
  return first.length === limit ? first : [...first, ...smallest(contains, limit - first.length, byName)];
}
