/**
 * The search worker run in-process behind the WorkerLike interface, with structured cloning
 * and asynchronous delivery as a real Worker has: for Node tests and Node benches.
 */
import { ClientelaDatabase, type DatabaseDeps } from '../storage/database';
import type { FromWorker, ToWorker } from './protocol';
import type { WorkerLike } from './search-client';
import { createWorkerCore, type WorkerCore } from './worker-core';

/** A WorkerLike running worker-core in this thread; `sent` logs what the worker posted. */
export interface LocalWorker extends WorkerLike {
  core: WorkerCore;
  sent: FromWorker[];
}

/** Starts the in-process worker on IndexedDB `deps` (fake-indexeddb in tests). */
export function createLocalWorker(deps: DatabaseDeps, persistDelayMs = 20, compactAfterRows?: number): LocalWorker {
  const worker: LocalWorker = {
    onmessage: null,
    onerror: null,
    sent: [],
    postMessage(message: ToWorker) {
      worker.core.handle(structuredClone(message));
    },
    terminate() {
      worker.core.dispose();
    },
    core: createWorkerCore({
      post(message, transfer) {
        const copy = structuredClone(message, { transfer: transfer ?? [] });
        worker.sent.push(copy);
        setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<FromWorker>), 0);
      },
      openDatabase: (name) => new ClientelaDatabase(name, deps),
      persistDelayMs,
      compactAfterRows,
    }),
  };
  return worker;
}
