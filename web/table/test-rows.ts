/** Test helpers: projection rows and a column context without a browser or an engine. */
import type { Row } from '../engine/rows';
import { builtinFields, type FieldValue, type SectionId } from '../schema/fields';
import type { ColumnContext } from './columns';

let counter = 0;

/** A projection row of `section` with the given values. */
export function makeRow(section: SectionId, v: Record<string, FieldValue>, id = `r${++counter}`): Row {
  return { id, section, shard: 'book:test:0', v, created: 0, updated: 0, by: 'u', seq: 0 };
}

/** A context with an English collator; refs resolve through `names`. */
export function testContext(names: Record<string, string> = {}, locale = 'en'): ColumnContext {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return {
    refName: (id) => names[id] ?? '',
    userName: (id) => names[id] ?? id,
    compare: collator.compare,
    collationKey: `test-${locale}-${++counter}`,
  };
}

/** The built-in fields of organizations (what most table tests use). */
export const orgFields = builtinFields('orgs');

/** A seeded pseudo-random generator (Park–Miller), so random tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}
