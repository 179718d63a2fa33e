/**
 * Book documents for the relay bench, in the app's layout (web/engine/rows.ts): shards
 * `book:<owner>:<n>` of at most 10k records, each record a Y.Map of metadata (`$…`) and field
 * values in `records`; edits as the app's updateFields writes them (field + `$updated` + `$by`).
 */
import * as Y from 'yjs';
import { bookRecords, META } from '../web/engine/rows';
import { bookDocId } from '../web/engine/ids';
import { SHARD_CAPACITY } from '../web/engine/engine';
import { generateOrganizations, seededRandom, type Random } from './generate';
import type { FieldValue } from '../web/schema/fields';

/** Fields the bench edits: text fields most records have, plus revenue. */
export const EDITED_FIELDS = ['name', 'city', 'notes', 'address', 'category', 'group', 'cooperation', 'revenue'] as const;

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A record id shaped like the app's (16 base-36 characters), from a seeded source. */
export function seededId(random: Random): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[random.int(36)];
  return id;
}

/** The shards of one owner's book and the ids of the records in each. */
export interface Book {
  docs: Map<string, Y.Doc>;
  ids: Map<string, string[]>;
}

/** Builds `count` generated organizations into the owner's book shards (10k records per shard). */
export function buildBook(ownerId: string, count: number, seed: number): Book {
  const values = generateOrganizations(count, seed);
  const random = seededRandom(seed + 1000);
  const docs = new Map<string, Y.Doc>();
  const ids = new Map<string, string[]>();
  const created = Date.UTC(2026, 0, 1);
  for (let start = 0, shard = 0; start < count; start += SHARD_CAPACITY, shard++) {
    const docId = bookDocId(ownerId, shard);
    const doc = new Y.Doc();
    const shardIds: string[] = [];
    doc.transact(() => {
      const records = bookRecords(doc);
      for (const record of values.slice(start, start + SHARD_CAPACITY)) {
        const map = new Y.Map<unknown>();
        map.set(META.section, 'orgs');
        map.set(META.created, created);
        map.set(META.updated, created);
        map.set(META.by, ownerId);
        for (const [field, value] of Object.entries(record)) map.set(field, value);
        const id = seededId(random);
        records.set(id, map);
        shardIds.push(id);
      }
    });
    docs.set(docId, doc);
    ids.set(docId, shardIds);
  }
  return { docs, ids };
}

/** Sets one field of a record as the app's updateFields does: one transaction with `$updated` and `$by`. */
export function editField(doc: Y.Doc, recordId: string, field: string, value: FieldValue, userId: string): void {
  doc.transact(() => {
    const record = bookRecords(doc).get(recordId);
    if (!record) throw new Error(`record ${recordId} is not in this shard`);
    record.set(field, value);
    record.set(META.updated, Date.now());
    record.set(META.by, userId);
  });
}

/** One planned edit: where, which field, which value. */
export interface PlannedEdit {
  docId: string;
  recordId: string;
  field: string;
  value: FieldValue;
}

/** `count` seeded random field edits spread over every record of a book; `tag` makes each side's values distinct. */
export function planEdits(book: Book, count: number, seed: number, tag: string): PlannedEdit[] {
  const random = seededRandom(seed);
  const shards = [...book.ids.entries()];
  const edits: PlannedEdit[] = [];
  for (let i = 0; i < count; i++) {
    const [docId, ids] = shards[random.int(shards.length)];
    const field = EDITED_FIELDS[random.int(EDITED_FIELDS.length)];
    const value: FieldValue = field === 'revenue' ? Math.round(random.next() * 1e7) / 100 : `${field} ${tag}${i}`;
    edits.push({ docId, recordId: ids[random.int(ids.length)], field, value });
  }
  return edits;
}
