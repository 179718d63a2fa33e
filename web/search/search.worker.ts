/// <reference lib="webworker" />
/** The search worker: wires the worker logic (worker-core.ts) to the Worker global. */
import { ClientelaDatabase } from '../storage/database';
import { createWorkerCore } from './worker-core';
import type { ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const core = createWorkerCore({
  post: (message, transfer) => self.postMessage(message, transfer ?? []),
  openDatabase: (name) => new ClientelaDatabase(name),
});

self.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
