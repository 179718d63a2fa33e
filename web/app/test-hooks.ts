/**
 * A narrow window hook for end-to-end tests and the bench: lets them wait until the base is
 * open, read engine figures and (bench) fill a base fast through the command an import uses.
 * It changes nothing by itself: every change is an explicit call from a test.
 */
import type { Base } from './base';
import { createRecords, type FieldValues } from '../engine/commands';
import type { SectionId } from '../schema/fields';

/** What the bench calls in the page (the app's modules are bundled, so it cannot import them). */
export interface BenchHooks {
  /**
   * Creates records as one command, as an import does. Resolves once they are in the
   * projection; they reach IndexedDB in the background (await base.engine.flush() for that),
   * so a bench can prepare the next batch while the browser writes the last one.
   */
  createRecords(section: SectionId, list: FieldValues[]): Promise<number>;
  /** Number of live (not deleted) records of a section in the projection. */
  rowCount(section: SectionId): number;
}

/** What the app publishes on window once the base is open. */
export interface TestHooks {
  base: Base;
  bench: BenchHooks;
}

declare global {
  interface Window {
    /** Set once the base is open (e2e tests and bench wait for it). */
    __clientela?: TestHooks;
  }
}

/** Publishes the open base on window for tests and the bench. */
export function exposeTestHooks(base: Base): void {
  const { engine } = base;
  window.__clientela = {
    base,
    bench: {
      async createRecords(section, list) {
        return (await createRecords(engine, section, list)).length;
      },
      rowCount(section) {
        let count = 0;
        for (const row of engine.rows.values()) if (row.section === section && !row.deleted) count++;
        return count;
      },
    },
  };
}
