/**
 * The import worker's handler behind the Worker interface, in the same thread: for Node tests of
 * the client (the browser e2e runs the real worker). Messages are delivered asynchronously and
 * cloned like postMessage clones them (the File itself is passed as is, as a real worker shares it).
 */
import type { ImportWorkerLike } from './import-client';
import type { FromImportWorker, ToImportWorker } from './protocol';
import { createImportHandler } from './worker-handler';

/** A stand-in worker running createImportHandler; `received` lists what it was sent. */
export function inProcessWorker(): ImportWorkerLike & { received: ToImportWorker[] } {
  const clone = <T extends object>(message: T): T => {
    if (!('file' in message)) return structuredClone(message);
    const { file, ...rest } = message as T & { file: Blob };
    return { ...structuredClone(rest), file } as T;
  };
  const worker: ImportWorkerLike & { received: ToImportWorker[] } = {
    received: [],
    onmessage: null,
    onerror: null,
    postMessage(message) {
      worker.received.push(message);
      setTimeout(() => handle(clone(message)), 0);
    },
    terminate() {
      worker.onmessage = null;
    },
  };
  const handle = createImportHandler((message: FromImportWorker) => {
    const copy = clone(message);
    setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<FromImportWorker>), 0);
  });
  return worker;
}
