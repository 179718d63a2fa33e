/** The import worker: parses files off the main thread (see worker-handler.ts). */
import type { FromImportWorker, ToImportWorker } from './protocol';
import { createImportHandler } from './worker-handler';

const scope = self as unknown as { postMessage(message: FromImportWorker): void; onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null };
const handle = createImportHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
