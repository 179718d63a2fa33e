/**
 * One live document on the relay: its Y.Doc, awareness and connected peers. Updates are committed to the
 * store first (group commit per tick) and only then applied, broadcast and acknowledged.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocStore } from '../store/doc-store';
import { encodeAwareness, encodeStep1, encodeUpdate } from './protocol';
import type { Logger } from '../log';

/** A connected client as the room sees it. */
export interface RoomPeer {
  readonly userId: string;
  /** Awareness client ids this peer announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  send(frame: Uint8Array): void;
  /** Sends the relay's acknowledgement frame (a sync step 1 with its committed state vector). */
  sendState(frame: Uint8Array): void;
  /** Closes the peer's socket (used when its updates could not be stored). */
  close(code: number, reason: string): void;
}

/** Room limits and compaction thresholds. */
export interface RoomOptions {
  /** Compact into a snapshot after this many updates beyond the last snapshot. */
  compactEvery: number;
  /** ...or after this many bytes of updates beyond the last snapshot. */
  compactBytes: number;
  /** A document may not hold more than this many bytes (snapshot + updates after it). */
  maxDocBytes: number;
}

/** Something that follows a live document's committed state (the relay's record index). */
export interface RoomWatcher {
  /** Starts following a loaded document at `seq`; null when this document does not interest it. */
  watch(docId: string, doc: Y.Doc, seq: number): RoomWatch | null;
}

/** One followed document. */
export interface RoomWatch {
  /** Updates up to `seq` are committed and applied to the document. */
  committed(seq: number): void;
  /** The room unloads. */
  dispose(): void;
}

interface Pending {
  peer: RoomPeer;
  update: Uint8Array;
  /** Told whether the update was committed (and applied). */
  done?: (stored: boolean) => void;
}

/** A loaded document with its peers; create with `DocRoom.open`. */
export class DocRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  private queue: Pending[] = [];
  private queuedBytes = 0;
  private flushChain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private seq = 0;
  private storedBytes = 0;
  private pendingUpdates = 0;
  private pendingBytes = 0;
  private watch: RoomWatch | null = null;
  private relayWrites: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly docId: string,
    private readonly store: DocStore,
    private readonly options: RoomOptions,
    private readonly log: Logger,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (origin && typeof origin === 'object' && this.peers.has(origin as RoomPeer)) {
        const peer = origin as RoomPeer;
        for (const id of [...added, ...updated]) peer.awarenessIds.add(id);
        for (const id of removed) peer.awarenessIds.delete(id);
      }
      const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      for (const peer of this.peers) peer.send(frame);
    });
  }

  /** Loads a document from the store (newest snapshot + later updates). */
  static async open(docId: string, store: DocStore, options: RoomOptions, log: Logger, watcher?: RoomWatcher): Promise<DocRoom> {
    const room = new DocRoom(docId, store, options, log);
    const stored = await store.load(docId);
    const growth = await store.growth(docId);
    Y.transact(room.doc, () => {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(room.doc, update);
        } catch (error) {
          log('doc-update-unreadable', { docId, error: String(error) });
        }
      }
    });
    // Listened to only now: with a listener Yjs encodes every transaction's update, and the load's one
    // (the whole document, ~0.3 s for 10k records) would go to no one.
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const frame = encodeUpdate(update);
      for (const peer of room.peers) if (peer !== origin) peer.send(frame);
    });
    room.seq = stored.seq;
    room.storedBytes = growth.snapshotBytes + growth.pendingBytes;
    room.pendingUpdates = growth.pendingUpdates;
    room.pendingBytes = growth.pendingBytes;
    try {
      room.watch = watcher?.watch(docId, room.doc, room.seq) ?? null;
    } catch (error) {
      log('room-watch-failed', { docId, error: String(error) });
    }
    return room;
  }

  /** The seq of the newest committed update. */
  get latestSeq(): number {
    return this.seq;
  }

  /** The relay's acknowledgement frame: a sync step 1 with the committed state vector. */
  stateFrame(): Uint8Array {
    return encodeStep1(Y.encodeStateVector(this.doc));
  }

  /** Whether accepting `bytes` more would pass the document's size limit. */
  wouldOverflow(bytes: number): boolean {
    return this.storedBytes + this.queuedBytes + bytes > this.options.maxDocBytes;
  }

  /** Queues a validated update from a writer; it is committed, then applied, broadcast and acknowledged. */
  submit(peer: RoomPeer, update: Uint8Array, done?: (stored: boolean) => void): void {
    this.queue.push({ peer, update, done });
    this.queuedBytes += update.byteLength;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushChain = this.flushChain.then(() => this.flush());
    });
  }

  /**
   * The relay's own change to this document (org set-up, a user's name): `change` runs on a scratch copy
   * of the committed state, and what it wrote goes through the same path as a client's update (logged
   * under `userId`, committed, then applied and broadcast). Resolves with whether anything changed, once
   * committed; rejects (nothing written) when `change` throws. Relay writes run one after the other.
   */
  write(userId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      const scratch = new Y.Doc();
      try {
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
        const updates: Uint8Array[] = [];
        scratch.on('update', (update: Uint8Array) => updates.push(update));
        change(scratch);
        if (updates.length === 0) return false;
        const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
        const writer: RoomPeer = { userId, awarenessIds: new Set(), send() {}, sendState() {}, close() {} };
        await new Promise<void>((resolve, reject) =>
          this.submit(writer, update, (stored) => (stored ? resolve() : reject(new Error(`the relay's change to ${this.docId} could not be stored`)))),
        );
        return true;
      } finally {
        scratch.destroy();
      }
    };
    const result = this.relayWrites.then(run, run);
    this.relayWrites = result.catch(() => undefined);
    return result;
  }

  /** Removes a peer and the awareness states it announced. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /** Waits for queued updates, compacts what is beyond the snapshot, and frees the document. */
  async close(): Promise<void> {
    await this.flushChain;
    if (this.queue.length > 0) await this.flush();
    if (this.pendingUpdates > 0) await this.compact();
    this.watch?.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = await this.store.append(
        this.docId,
        batch.map(({ peer, update }) => ({ update, userId: peer.userId })),
      );
    } catch (error) {
      // Not stored, so not applied: the senders reconnect and resend (their edits are still local).
      this.log('store-append-failed', { docId: this.docId, error: String(error) });
      for (const peer of new Set(batch.map((p) => p.peer))) peer.close(1011, 'store failed');
      for (const { done } of batch) done?.(false);
      return;
    }
    this.seq = seqs[seqs.length - 1];
    for (const { peer, update } of batch) {
      try {
        Y.applyUpdate(this.doc, update, peer);
      } catch (error) {
        this.log('doc-update-unreadable', { docId: this.docId, seq: this.seq, error: String(error) });
      }
      this.pendingUpdates += 1;
      this.pendingBytes += update.byteLength;
      this.storedBytes += update.byteLength;
    }
    try {
      this.watch?.committed(this.seq);
    } catch (error) {
      this.log('room-watch-failed', { docId: this.docId, error: String(error) });
    }
    for (const { done } of batch) done?.(true);
    const ack = this.stateFrame();
    for (const peer of new Set(batch.map((p) => p.peer))) if (this.peers.has(peer)) peer.sendState(ack);
    if (this.pendingUpdates >= this.options.compactEvery || this.pendingBytes >= this.options.compactBytes) {
      await this.compact();
    }
  }

  private async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compact(this.docId, snapshot, this.seq);
    } catch (error) {
      this.log('store-compact-failed', { docId: this.docId, error: String(error) });
      return;
    }
    this.pendingUpdates = 0;
    this.pendingBytes = 0;
    this.storedBytes = snapshot.byteLength;
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
