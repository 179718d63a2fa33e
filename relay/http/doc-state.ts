/**
 * A document's whole state as one Yjs update, for a device's fresh join over HTTP (GET /api/docs/state):
 * the stored snapshot as it is when nothing was logged after it, else the snapshot merged with the later
 * updates in a worker thread (a 10k-record shard takes ~0.5 s to merge, which must not stall the sockets).
 * Compressed answers are cached per document and seq, so many devices joining cost one compression.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deflate, gzip } from 'node:zlib';
import type { DocStore } from '../store/doc-store';
import type { Logger } from '../log';

/** A body encoding the state endpoint can answer with. */
export type StateEncoding = 'gzip' | 'deflate' | 'identity';

/** One encoded state of a document at a seq. */
export interface EncodedState {
  seq: number;
  body: Buffer;
  encoding: StateEncoding;
}

const gzipAsync = promisify(gzip);
const deflateAsync = promisify(deflate);

/** Level 6 is zlib's default: a 7.8 MB shard becomes 1.7 MB in ~0.16 s (level 1: 2.1 MB, ~0.08 s). */
const COMPRESSION_LEVEL = 6;

/** Bytes of encoded states kept in memory (the compressed 100k-record base is ~17 MB). */
const DEFAULT_CACHE_BYTES = 96 * 1024 * 1024;

// Plain JavaScript so the worker needs no TypeScript loader; it loads the relay's own Yjs by path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.yjs);
parentPort.on('message', async ({ id, parts }) => {
  try {
    const Y = await ready;
    const merged = Y.mergeUpdates(parts);
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

/** Picks the best encoding an Accept-Encoding header allows (gzip, then deflate, else identity). */
export function chooseEncoding(acceptEncoding: string | undefined): StateEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const allowed = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allowed('gzip')) return 'gzip';
  if (allowed('deflate')) return 'deflate';
  return 'identity';
}

/** Whole-document states from the store, merged off the main thread and cached compressed. */
export class DocStates {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (merged: Uint8Array) => void; reject: (error: Error) => void }>();
  private readonly cache = new Map<string, EncodedState>();
  private readonly inFlight = new Map<string, Promise<EncodedState>>();
  private cachedBytes = 0;

  constructor(
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly maxCacheBytes = DEFAULT_CACHE_BYTES,
  ) {}

  /** The document's state encoded as asked; null when the store holds nothing of it. */
  async encoded(docId: string, encoding: StateEncoding): Promise<EncodedState | null> {
    const stored = await this.store.load(docId);
    if (stored.seq === 0 && !stored.snapshot) return null;
    const key = `${encoding}\u0000${docId}`;
    const cached = this.cache.get(key);
    if (cached && cached.seq === stored.seq) {
      // Most recently used last, so eviction takes the oldest.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const flightKey = `${key}\u0000${stored.seq}`;
    let pending = this.inFlight.get(flightKey);
    if (!pending) {
      pending = this.build(stored.snapshot, stored.updates, stored.seq, encoding).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, pending);
    }
    const result = await pending;
    this.remember(key, result);
    return result;
  }

  /**
   * Compresses a freshly stored snapshot in the background (zlib's thread pool) so the next device joining
   * gets it from the cache; a later request at another seq simply builds its own.
   */
  warm(docId: string, snapshot: Uint8Array, seq: number): void {
    const key = `gzip\u0000${docId}`;
    const cached = this.cache.get(key);
    if (cached && cached.seq >= seq) return;
    const flightKey = `${key}\u0000${seq}`;
    if (this.inFlight.has(flightKey)) return;
    const pending = this.build(snapshot, [], seq, 'gzip').finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, pending);
    pending.then(
      (state) => this.remember(key, state),
      (error: unknown) => this.log('state-warm-failed', { docId, error: String(error) }),
    );
  }

  /** Stops the merge worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private async build(snapshot: Uint8Array | null, updates: Uint8Array[], seq: number, encoding: StateEncoding): Promise<EncodedState> {
    const parts = snapshot ? [snapshot, ...updates] : updates;
    const state = parts.length === 1 ? parts[0] : await this.merge(parts);
    const body =
      encoding === 'gzip'
        ? await gzipAsync(state, { level: COMPRESSION_LEVEL })
        : encoding === 'deflate'
          ? await deflateAsync(state, { level: COMPRESSION_LEVEL })
          : Buffer.from(state.buffer, state.byteOffset, state.byteLength);
    return { seq, body, encoding };
  }

  private merge(parts: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Copies, transferred: the store's buffers may be views into a larger shared pool.
      const copies = parts.map((part) => part.slice());
      worker.postMessage({ id, parts: copies }, copies.map((part) => part.buffer));
    });
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const yjs = pathToFileURL(createRequire(import.meta.url).resolve('yjs')).href;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
    worker.unref();
    worker.on('message', (message: { id: number; merged?: Uint8Array; error?: string }) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.merged) waiter.resolve(message.merged);
      else waiter.reject(new Error(`merging the document state failed: ${message.error}`));
    });
    const fail = (why: string) => {
      this.log('state-worker-failed', { error: why });
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(new Error(why));
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(String(error)));
    worker.on('exit', (code) => {
      if (this.waiting.size > 0) fail(`the state worker exited with ${code}`);
      else if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private remember(key: string, state: EncodedState): void {
    const previous = this.cache.get(key);
    if (previous && previous.seq > state.seq) return;
    if (previous) {
      this.cache.delete(key);
      this.cachedBytes -= previous.body.byteLength;
    }
    if (state.body.byteLength > this.maxCacheBytes / 4) return;
    this.cache.set(key, state);
    this.cachedBytes += state.body.byteLength;
    for (const [oldKey, old] of this.cache) {
      if (this.cachedBytes <= this.maxCacheBytes) break;
      this.cache.delete(oldKey);
      this.cachedBytes -= old.body.byteLength;
    }
  }
}

/** The store with every compaction also warming the compressed-state cache (pass this one to the rooms). */
export function warmingStatesOnCompact(store: DocStore, states: DocStates): DocStore {
  return {
    ...store,
    async compact(docId, snapshot, coversSeq) {
      await store.compact(docId, snapshot, coversSeq);
      states.warm(docId, snapshot, coversSeq);
    },
  };
}
