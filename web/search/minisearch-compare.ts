/**
 * The same rows and queries through MiniSearch, configured for the same semantics (folded
 * words, prefix match, typo tolerance from 4 letters, words ANDed, section filter): the
 * measured reason web/search uses its own compact index (README, Performance).
 */
import MiniSearch from 'minisearch';
import type { Row } from '../engine/rows';
import { rowTerms } from './row-terms';
import { foldText } from './normalize';

/** Figures of MiniSearch on one set of rows and queries. */
export interface MiniSearchFigures {
  buildMs: number;
  jsonMB: number;
  loadJsonMs: number;
  queryTimes: number[];
  /** Heap held by the loaded index, by the caller's measure. */
  heapMB: number;
}

/** Builds, persists, reloads and queries MiniSearch as the app would need it. */
export function measureMiniSearch(rows: Row[], queries: { text: string; section: string }[], heapNowMB: () => number): MiniSearchFigures {
  const options = {
    fields: ['text'],
    storeFields: [] as string[],
    processTerm: (term: string) => foldText(term),
    searchOptions: {
      prefix: true,
      combineWith: 'AND' as const,
      fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
    },
  };
  let started = performance.now();
  const index = new MiniSearch<{ id: string; text: string; section: string }>(options);
  for (const row of rows) {
    const { terms, phones } = rowTerms(row);
    index.add({ id: row.id, text: `${terms.join(' ')} ${phones}`, section: row.section });
  }
  const buildMs = performance.now() - started;
  const sectionOf = new Map(rows.map((row) => [row.id, row.section]));
  let json = JSON.stringify(index);
  const heapBefore = heapNowMB();
  started = performance.now();
  const loaded = MiniSearch.loadJSON<{ id: string; text: string; section: string }>(json, options);
  const loadJsonMs = performance.now() - started;
  const jsonMB = (json.length * 2) / 2 ** 20;
  json = '';
  const heapMB = heapNowMB() - heapBefore + jsonMB;
  const queryTimes: number[] = [];
  for (const query of queries) {
    const begin = performance.now();
    loaded.search(query.text, { filter: (result) => sectionOf.get(String(result.id)) === query.section });
    queryTimes.push(performance.now() - begin);
  }
  return { buildMs, jsonMB, loadJsonMs, queryTimes, heapMB };
}
