/**
 * Offline merge through the relay: two clients hold the same synced book (100k records in 10k
 * shards), go offline, each makes seeded random field edits, reconnect at once. Measures the time
 * until both hold the same state vector on every shard and the payload bytes each side sent and
 * received on its sockets, then proves convergence (equal JSON) and that every edit survived
 * (one-side edits everywhere, same-field conflicts resolved to one of the two values).
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { api, type RelayProcess, type TestUser } from '../relay/test/harness';
import { relayCovers, watchRelayState } from '../web/sync/ack-watch';
import { bookRecords } from '../web/engine/rows';
import { editField, planEdits, type Book, type PlannedEdit } from './relay-base';
import { connectCounted, newCounter, resetCounter, sameStateVector, until, wireBytes, type WireCounter } from './relay-clients';
import type { FieldValue } from '../web/schema/fields';

/** One side of the merge: a device with a provider per shard. */
export interface Side {
  user: TestUser;
  docs: Map<string, Y.Doc>;
  providers: WebsocketProvider[];
  counter: WireCounter;
}

/** What the merge measured. */
export interface MergeResult {
  applyMs: number;
  a: WireCounter;
  b: WireCounter;
  /** Null when converged; otherwise what differs. */
  divergence: string | null;
  conflicts: number;
  /** Per side, the bytes of its offline changes as one update per shard, and of those the delete-set part. */
  offline: Record<'a' | 'b', { update: number; deleteSet: number }>;
  /** Per side, the TCP bytes its sockets sent and received during the merge (compressed, as on the network). */
  wire: Record<'a' | 'b', { sent: number; received: number }>;
}

function openSide(relay: RelayProcess, user: TestUser, docs: Map<string, Y.Doc>): Side {
  const counter = newCounter();
  const providers = [...docs.entries()].map(([docId, doc]) => connectCounted(relay.syncUrl, docId, user.token, doc, counter));
  return { user, docs, providers, counter };
}

/** Uploads the owner's book (A) and syncs it to a second device (B); resolves once both hold it all. */
export async function syncTwoSides(relay: RelayProcess, book: Book, owner: TestUser, other: TestUser, progress: (message: string) => void): Promise<[Side, Side]> {
  const a = openSide(relay, owner, book.docs);
  const acknowledged = a.providers.map(() => false);
  a.providers.forEach((provider, index) => {
    const doc = [...book.docs.values()][index];
    // ack-watch types the provider's private handler table loosely; the stock provider has it.
    watchRelayState(provider as never, (state) => (acknowledged[index] = relayCovers(state, doc)));
  });
  await until(() => acknowledged.every(Boolean), 'the relay to acknowledge the whole base', 600_000, 20);
  progress(`merge: base stored on the relay (A sent ${(a.counter.sent / 1e6).toFixed(1)} MB)`);
  const bDocs = new Map([...book.docs.keys()].map((docId) => [docId, new Y.Doc()]));
  const b = openSide(relay, other, bDocs);
  await until(() => [...book.docs.keys()].every((docId) => sameStateVector(book.docs.get(docId)!, bDocs.get(docId)!)), 'the second device to hold the base', 600_000, 20);
  progress(`merge: second device synced (received ${(b.counter.received / 1e6).toFixed(1)} MB)`);
  // A duplicate check makes the relay finish indexing the base first (it writes every noted record before
  // answering), so the merge below is measured on its own, not behind the tail of the 100k-record upload.
  const indexing = performance.now();
  const check = await api(relay, 'POST', '/api/duplicates', { phone: '0700 000 000' }, owner.token);
  if (check.status !== 200) throw new Error(`duplicate check failed: ${JSON.stringify(check.body)}`);
  progress(`merge: relay's duplicate index complete (${Math.round(performance.now() - indexing)} ms more)`);
  return [a, b];
}

/** Takes both sides offline, edits on each, reconnects both at once and measures the merge. */
export async function measureMerge(a: Side, b: Side, book: Book, editsPerSide: number, seed: number, progress: (message: string) => void): Promise<MergeResult> {
  for (const provider of [...a.providers, ...b.providers]) provider.disconnect();
  await until(() => [...a.providers, ...b.providers].every((provider) => provider.ws === null), 'both sides to be offline', 10_000, 10);
  const stateBefore = new Map([...a.docs].map(([docId, doc]) => [docId, Y.encodeStateVector(doc)]));
  const editsA = planEdits(book, editsPerSide, seed + 101, 'a');
  const editsB = planEdits(book, editsPerSide, seed + 202, 'b');
  for (const edit of editsA) editField(a.docs.get(edit.docId)!, edit.recordId, edit.field, edit.value, a.user.id);
  for (const edit of editsB) editField(b.docs.get(edit.docId)!, edit.recordId, edit.field, edit.value, b.user.id);
  const offlineBytes = (side: Side, state: Map<string, Uint8Array>) => {
    let update = 0;
    let deleteSet = 0;
    for (const [docId, doc] of side.docs) {
      const diff = Y.encodeStateAsUpdate(doc, state.get(docId));
      update += diff.byteLength;
      deleteSet += Y.diffUpdate(diff, Y.encodeStateVector(doc)).byteLength;
    }
    return { update, deleteSet };
  };
  const offline = { a: offlineBytes(a, stateBefore), b: offlineBytes(b, stateBefore) };
  progress(`merge: ${editsPerSide} offline edits on each side; reconnecting both`);
  resetCounter(a.counter, true);
  resetCounter(b.counter, true);
  const docIds = [...a.docs.keys()];
  const started = performance.now();
  for (const provider of [...a.providers, ...b.providers]) provider.connect();
  let applyMs = NaN;
  try {
    await until(() => docIds.every((docId) => sameStateVector(a.docs.get(docId)!, b.docs.get(docId)!)), 'both sides to converge', 60_000, 1);
    applyMs = performance.now() - started;
  } catch (error) {
    return { applyMs, a: { ...a.counter }, b: { ...b.counter }, divergence: String(error), conflicts: 0, offline, wire: { a: wireBytes(a.counter), b: wireBytes(b.counter) } };
  }
  // Let the relay's trailing acknowledgements arrive so the byte counts are complete.
  await new Promise((resolve) => setTimeout(resolve, 500));
  a.counter.keep = b.counter.keep = false;
  const wire = { a: wireBytes(a.counter), b: wireBytes(b.counter) };
  const { divergence, conflicts } = checkMerged(a, b, editsA, editsB);
  return { applyMs, a: { ...a.counter }, b: { ...b.counter }, divergence, conflicts, offline, wire };
}

/** Null when both sides hold equal JSON and every edit survived as the merge rules say; else what differs. */
export function checkMerged(a: Side, b: Side, editsA: PlannedEdit[], editsB: PlannedEdit[]): { divergence: string | null; conflicts: number } {
  for (const docId of a.docs.keys()) {
    // Through bookRecords: Doc.toJSON leaves out top-level types this copy never asked for by name.
    const left = canonicalJson(bookRecords(a.docs.get(docId)!).toJSON());
    if (left !== canonicalJson(bookRecords(b.docs.get(docId)!).toJSON())) return { divergence: `${docId}: the two sides hold different JSON`, conflicts: 0 };
  }
  // The last value each side wrote per (record, field).
  const last = (edits: PlannedEdit[]) => new Map(edits.map((edit) => [`${edit.docId}\u0000${edit.recordId}\u0000${edit.field}`, edit]));
  const lastA = last(editsA);
  const lastB = last(editsB);
  const read = (edit: PlannedEdit): FieldValue => bookRecords(a.docs.get(edit.docId)!).get(edit.recordId)!.get(edit.field) as FieldValue;
  let conflicts = 0;
  for (const [key, edit] of lastA) {
    const other = lastB.get(key);
    const value = read(edit);
    if (other) {
      conflicts += 1;
      if (value !== edit.value && value !== other.value) return { divergence: `conflict on ${key} kept neither value`, conflicts };
    } else if (value !== edit.value) return { divergence: `A's edit of ${key} was lost`, conflicts };
  }
  for (const [key, edit] of lastB) {
    if (!lastA.has(key) && read(edit) !== edit.value) return { divergence: `B's edit of ${key} was lost`, conflicts };
  }
  return { divergence: null, conflicts };
}

/** JSON with object keys sorted: a Y.Map's key order is the order keys arrived on that device, not content. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

/** Closes a side's sockets and frees its documents. */
export function closeSide(side: Side): void {
  for (const provider of side.providers) provider.destroy();
  for (const doc of side.docs.values()) doc.destroy();
}
