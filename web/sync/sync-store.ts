/**
 * What sync remembers in the account base's kv table between sessions: the /api/docs cursor,
 * the documents fetched at least once, the pending change marks, the uploaded blobs and whether
 * the device's local base was copied in. Writes of one key are serialized so the last one wins.
 */
import type { ClientelaDatabase } from '../storage/database';
import type { PendingMarks } from './pending-changes';

/** The kv keys sync owns. */
export const SYNC_KEYS = {
  cursor: 'sync:cursor',
  fetched: 'sync:fetched',
  pending: 'sync:pending',
  uploadedBlobs: 'sync:uploaded-blobs',
  localBaseCopied: 'sync:local-base-copied',
} as const;

/** Everything sync reads at start. */
export interface SyncMemory {
  /** The /api/docs cursor after the last complete pass (null before the first). */
  cursor: number | null;
  /** Documents this device fetched from the relay at least once. */
  fetched: Set<string>;
  pending: PendingMarks;
  /** `hash doc` pairs already uploaded. */
  uploadedBlobs: Set<string>;
  localBaseCopied: boolean;
}

/** Reads what sync stored in `db`. */
export async function readSyncMemory(db: ClientelaDatabase): Promise<SyncMemory> {
  const [cursor, fetched, pending, uploaded, copied] = await db.kv.bulkGet(Object.values(SYNC_KEYS));
  return {
    cursor: typeof cursor?.value === 'number' ? cursor.value : null,
    fetched: new Set(stringArray(fetched?.value)),
    pending: pending && isRecord(pending.value) ? (pending.value as PendingMarks) : {},
    uploadedBlobs: new Set(stringArray(uploaded?.value)),
    localBaseCopied: copied?.value === true,
  };
}

/** Stores one kv value; writes of the same key run in order. */
export function createKvWriter(db: ClientelaDatabase): (key: string, value: unknown) => Promise<void> {
  const chains = new Map<string, Promise<void>>();
  const latest = new Map<string, unknown>();
  return (key, value) => {
    latest.set(key, value);
    const previous = chains.get(key) ?? Promise.resolve();
    // Coalesce: a write queued behind another stores whatever is newest when it runs.
    const next = previous
      .then(async () => {
        if (!latest.has(key)) return;
        const current = latest.get(key);
        latest.delete(key);
        await db.kv.put({ key, value: current });
      })
      .catch(() => undefined);
    chains.set(key, next);
    return next;
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
