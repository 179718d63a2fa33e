/** The storage interface of documents, so a second store (Postgres) can replace SQLite without touching sync. */

/** What is needed to rebuild a document: the newest snapshot and the updates after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The seq of the newest update (0 when the document is new). */
  seq: number;
}

/** One update to append, with who sent it. */
export interface NewUpdate {
  update: Uint8Array;
  userId: string;
}

/** A row of the audit trail: who sent which change, when. */
export interface AuditEntry {
  seq: number;
  userId: string;
  at: number;
  bytes: number;
}

/** A logged update with its audit row (for per-record history). */
export interface LoggedUpdate extends AuditEntry {
  update: Uint8Array;
}

/** A document's place in the change order (for "what changed since"). */
export interface DocVersion {
  docId: string;
  seq: number;
  /** Position in the store-wide change order; a client's cursor is the largest one it has seen. */
  change: number;
}

/** Size of what a document load has to replay beyond its snapshot. */
export interface DocGrowth {
  snapshotBytes: number;
  pendingUpdates: number;
  pendingBytes: number;
}

/** Durable, append-only storage of documents. Every method resolves only once the data is committed. */
export interface DocStore {
  /** The newest snapshot and the updates after it. */
  load(docId: string): Promise<StoredDoc>;
  /** Appends updates atomically (all or none); resolves with their seqs once committed. */
  append(docId: string, updates: NewUpdate[]): Promise<number[]>;
  /** Stores a snapshot covering every update up to `coversSeq`; the updates stay as the audit trail. */
  compact(docId: string, snapshot: Uint8Array, coversSeq: number): Promise<void>;
  /** How much a load replays beyond the snapshot. */
  growth(docId: string): Promise<DocGrowth>;
  /** Every stored document's version, or only those changed after `cursor`. */
  versions(sinceChange?: number): Promise<{ cursor: number; docs: DocVersion[] }>;
  /** The audit trail of a document, oldest first. */
  audit(docId: string, options?: { afterSeq?: number; limit?: number }): Promise<AuditEntry[]>;
  /** The logged updates themselves with their audit rows, oldest first. */
  loggedUpdates(docId: string, options?: { afterSeq?: number; limit?: number }): Promise<LoggedUpdate[]>;
}
