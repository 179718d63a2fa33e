/**
 * PLACEHOLDER implementation (the search work replaces it with a Web Worker + MiniSearch):
 * the contract is `createSearchClient(engine)` and the SearchClient interface below.
 */
import type { Engine } from '../engine/engine';
import type { SectionId } from '../schema/fields';
import { foldText } from './normalize';

/** Quick search over the projection, off the main thread. */
export interface SearchClient {
  /** Ids of the records of `section` matching `query`; null when the query is blank (no filter). */
  search(query: string, section: SectionId): Promise<ReadonlySet<string> | null>;
  /** Resolves once queries are answered from the full index. */
  ready: Promise<void>;
  /** Stops the worker and listeners. */
  dispose(): void;
}

/** Starts the search of an open base. */
export function createSearchClient(engine: Engine): SearchClient {
  return {
    async search(query, section) {
      const words = foldText(query).split(/\s+/).filter(Boolean);
      if (words.length === 0) return null;
      const ids = new Set<string>();
      for (const row of engine.rows.values()) {
        if (row.section !== section) continue;
        const text = foldText(JSON.stringify(row.v));
        if (words.every((word) => text.includes(word))) ids.add(row.id);
      }
      return ids;
    },
    ready: Promise.resolve(),
    dispose() {},
  };
}
