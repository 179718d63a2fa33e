/**
 * Local changes the relay has not acknowledged yet. A change made on this device is identified
 * by the Yjs client id of the document instance that made it and that client's clock after
 * the transaction; the relay has it once a state vector it sent covers that clock
 * (ack-watch.ts). Entries survive a reload (kv), so an offline reload still shows the count.
 */
import type * as Y from 'yjs';

/** One local transaction: [Yjs client id, clock after it]. */
export type ChangeMark = [client: number, clock: number];

/** Pending marks by document id, as stored in kv. */
export type PendingMarks = Record<string, ChangeMark[]>;

/** Local changes per document not yet covered by the relay's state vector. */
export class PendingChanges {
  private readonly marks = new Map<string, ChangeMark[]>();
  private readonly listeners = new Set<() => void>();

  /** Adds stored marks (read back from kv); malformed entries are ignored. */
  merge(stored: PendingMarks): void {
    let added = false;
    for (const [docId, list] of Object.entries(stored)) {
      if (!Array.isArray(list)) continue;
      const valid = list.filter(isMark);
      if (valid.length === 0) continue;
      this.marks.set(docId, (this.marks.get(docId) ?? []).concat(valid));
      added = true;
    }
    if (added) this.changed();
  }

  /** Number of local changes waiting for the relay. */
  count(): number {
    let total = 0;
    for (const list of this.marks.values()) total += list.length;
    return total;
  }

  /** Documents with changes waiting for the relay. */
  docs(): string[] {
    return [...this.marks.keys()];
  }

  /** Whether a document has changes waiting for the relay. */
  has(docId: string): boolean {
    return this.marks.has(docId);
  }

  /** Notes one local transaction of `docId`. */
  add(docId: string, mark: ChangeMark): void {
    const list = this.marks.get(docId) ?? [];
    list.push(mark);
    this.marks.set(docId, list);
    this.changed();
  }

  /** Drops the marks a relay state vector covers; returns whether any was dropped. */
  acknowledge(docId: string, relayState: Map<number, number>): boolean {
    return this.keepOnly(docId, ([client, clock]) => (relayState.get(client) ?? 0) < clock);
  }

  /**
   * Drops marks the local document does not hold (the change never reached this device's
   * store, e.g. a crash between the two writes): the relay could never acknowledge them.
   */
  dropUnstored(docId: string, doc: Y.Doc): boolean {
    const local = doc.store.clients;
    return this.keepOnly(docId, ([client, clock]) => {
      const structs = local.get(client);
      if (!structs || structs.length === 0) return false;
      const last = structs[structs.length - 1];
      return last.id.clock + last.length >= clock;
    });
  }

  /** Forgets every mark of a document this device no longer holds (the relay will never take them). */
  forget(docId: string): boolean {
    return this.keepOnly(docId, () => false);
  }

  /** Everything, as stored in kv. */
  toJSON(): PendingMarks {
    return Object.fromEntries(this.marks);
  }

  /** Called whenever the marks change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keepOnly(docId: string, keep: (mark: ChangeMark) => boolean): boolean {
    const list = this.marks.get(docId);
    if (!list) return false;
    const kept = list.filter(keep);
    if (kept.length === list.length) return false;
    if (kept.length === 0) this.marks.delete(docId);
    else this.marks.set(docId, kept);
    this.changed();
    return true;
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** The mark of a transaction made on this device, or null when it added nothing of its own. */
export function localChangeMark(doc: Y.Doc, transaction: Y.Transaction): ChangeMark | null {
  // Remote and stored state arrives through applyUpdate (transaction.local is false).
  if (!transaction.local) return null;
  const after = transaction.afterState.get(doc.clientID) ?? 0;
  const before = transaction.beforeState.get(doc.clientID) ?? 0;
  return after > before ? [doc.clientID, after] : null;
}

function isMark(value: unknown): value is ChangeMark {
  return Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && Number.isInteger(value[1]);
}
