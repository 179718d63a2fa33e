/**
 * The local IndexedDB database (Dexie): the one place that knows table layouts.
 * Node tests pass fake-indexeddb through `DatabaseDeps`; the browser uses the real one.
 */
import Dexie, { type Table } from 'dexie';
import type { Row } from '../engine/rows';

/** One stored Yjs update of one document (the local update log; compacted on load). */
export interface StoredUpdate {
  seq?: number;
  doc: string;
  data: Uint8Array;
}

/** One content-addressed blob (photos, later attachments), kept outside the Yjs documents. */
export interface StoredBlob {
  hash: string;
  type: string;
  size: number;
  data: Uint8Array;
  created: number;
}

/** A small key/value entry (local user, projection sequence, persisted search index parts). */
export interface KeyValue {
  key: string;
  value: unknown;
}

/**
 * One part of the projection snapshot: up to SNAPSHOT_PART_ROWS rows as one JSON string.
 * Reading a few large strings and parsing them is ~2x faster than reading 100k rows.
 */
export interface SnapshotPart {
  part: number;
  /** The projection sequence the whole snapshot covers. */
  seq: number;
  json: string;
}

/** The Dexie database of one base on this device. */
export class ClientelaDatabase extends Dexie {
  updates!: Table<StoredUpdate, number>;
  rows!: Table<Row, string>;
  blobs!: Table<StoredBlob, string>;
  kv!: Table<KeyValue, string>;
  searchIndex!: Table<KeyValue, string>;
  snapshot!: Table<SnapshotPart, number>;

  constructor(name: string, deps?: DatabaseDeps) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores({
      updates: '++seq, doc',
      rows: 'id, section, seq',
      blobs: 'hash',
      kv: 'key',
    });
    // Version 2: the persisted search index (web/search owns its rows).
    this.version(2).stores({ searchIndex: 'key' });
    // Version 3: the projection snapshot that cold start reads instead of every row.
    this.version(3).stores({ snapshot: 'part' });
    // Version 4: no index on rows.section. Nothing queried it, and every stored row paid for it
    // (an import of 100,000 rows writes 100,000 index entries fewer).
    this.version(4).stores({ rows: 'id, seq' });
  }
}

/** The IndexedDB implementation to use outside a browser (fake-indexeddb in unit tests). */
export interface DatabaseDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The default database name of the base on this device. */
export const DEFAULT_DATABASE_NAME = 'clientela';

/** Whether an error means the browser's storage quota is exhausted. */
export function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const named = error as { name?: string; inner?: { name?: string } };
  return named.name === 'QuotaExceededError' || named.inner?.name === 'QuotaExceededError';
}
