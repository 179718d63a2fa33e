/**
 * Records inside book documents and their projection rows.
 *
 * A book shard Y.Doc holds `records: Y.Map<recordId, Y.Map<key, value>>`. Keys starting with
 * `$` are record metadata (see META); every other key is a field id whose value is the
 * field's whole value, so concurrent edits of different fields of one record both survive.
 */
import * as Y from 'yjs';
import type { FieldValue, SectionId } from '../schema/fields';

/** Metadata keys of a record map. */
export const META = {
  section: '$section',
  created: '$created',
  updated: '$updated',
  by: '$by',
  deleted: '$deleted',
  batch: '$batch',
} as const;

/** One record as the read model holds it: what lists sort, filter, search and total on. */
export interface Row {
  id: string;
  section: SectionId;
  /** The book document the record lives in. */
  shard: string;
  /** Field values by field id. */
  v: Record<string, FieldValue>;
  created: number;
  updated: number;
  /** User id of the last editor. */
  by: string;
  /** Set when the record is in the trash (soft-deleted, restorable). */
  deleted?: number;
  /** The import batch that created or last merged the record. */
  batch?: string;
  /** Projection write sequence: lets the search index catch up with rows written after it. */
  seq: number;
}

/** The `records` map of a book document. */
export function bookRecords(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('records');
}

/** Builds the projection row of one record map (seq is set when the row is written). */
export function rowFromRecord(id: string, record: Y.Map<unknown>, shard: string): Row | null {
  const section = record.get(META.section);
  if (typeof section !== 'string') return null;
  const v: Record<string, FieldValue> = {};
  for (const [key, value] of record.entries()) {
    if (key.startsWith('$')) continue;
    v[key] = (value instanceof Y.AbstractType ? value.toJSON() : value) as FieldValue;
  }
  const deleted = record.get(META.deleted);
  const batch = record.get(META.batch);
  return {
    id,
    section: section as SectionId,
    shard,
    v,
    created: numberOr(record.get(META.created), 0),
    updated: numberOr(record.get(META.updated), 0),
    by: String(record.get(META.by) ?? ''),
    deleted: typeof deleted === 'number' ? deleted : undefined,
    batch: typeof batch === 'string' ? batch : undefined,
    seq: 0,
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
