/**
 * The main thread's side of the import worker: promises and an async stream of record batches
 * over its messages. An AbortSignal cancels across the boundary (the worker stops reading and the
 * call rejects with an AbortError at once); progress arrives as the engine's ImportProgress.
 */
import type { FieldDef } from '../../schema/fields';
import type { ImportRecord } from '../import-record';
import type { MessageTable } from '../problems';
import type { PreviewRow } from '../preview';
import type { FileAnalysis, ImportProgress } from '../read-file';
import type { FromImportWorker, RecordRequest, ToImportWorker } from './protocol';

/** The part of a Worker the client uses (an in-process stand-in in Node tests). */
export interface ImportWorkerLike {
  postMessage(message: ToImportWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromImportWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Cancel and progress of one call. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/** What analyzeFile is told: the user's encoding/delimiter, the base's fields (custom ones too), the UI messages. */
export interface AnalyzeChoices {
  encoding?: string;
  delimiter?: string;
  fields?: FieldDef[];
  messages?: MessageTable;
}

/** The worker's passes, callable from the wizard. */
export interface ImportClient {
  /** analyzeFile in the worker; `encoding`/`delimiter` override the detection. */
  analyze(file: Blob, name: string, choices?: AnalyzeChoices, options?: CallOptions): Promise<FileAnalysis>;
  /** previewRows in the worker: the first `limit` rows as they will be stored. */
  preview(file: Blob, name: string, request: RecordRequest, limit?: number, options?: CallOptions): Promise<PreviewRow[]>;
  /** readRecords in the worker, batch by batch. */
  records(file: Blob, name: string, request: RecordRequest, options?: CallOptions): AsyncGenerator<ImportRecord[]>;
  /** Stops the worker. */
  dispose(): void;
}

/** The error a cancelled call rejects with. */
export function abortedError(): Error {
  return new DOMException('The import was cancelled.', 'AbortError');
}

/** Whether an error is a cancel (ours or the engine's). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

type Listener = (message: FromImportWorker) => void;

function startWorker(): ImportWorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }) as unknown as ImportWorkerLike;
}

/** Starts an import worker (or wraps the given stand-in). */
export function createImportClient(worker: ImportWorkerLike = startWorker()): ImportClient {
  let nextId = 1;
  const listeners = new Map<number, Listener>();
  worker.onmessage = (event) => listeners.get(event.data.id)?.(event.data);
  worker.onerror = (event) => {
    const failure: FromImportWorker = { type: 'error', id: 0, name: 'Error', message: event.message || 'The import worker failed.' };
    for (const [id, listener] of [...listeners]) listener({ ...failure, id });
  };
  const failureOf = (message: { name: string; message: string }) => (message.name === 'AbortError' ? abortedError() : Object.assign(new Error(message.message), { name: message.name }));

  /** Sends one request and resolves with the answer `pick` accepts. */
  const call = <T,>(request: (id: number) => ToImportWorker, pick: (message: FromImportWorker) => T | undefined, options: CallOptions = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (options.signal?.aborted) return reject(abortedError());
      const id = nextId++;
      const finish = () => {
        listeners.delete(id);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel', id });
        finish();
        reject(abortedError());
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      listeners.set(id, (message) => {
        if (message.type === 'progress') return options.onProgress?.(message.progress);
        if (message.type === 'error') {
          finish();
          return reject(failureOf(message));
        }
        const value = pick(message);
        if (value === undefined) return;
        finish();
        resolve(value);
      });
      worker.postMessage(request(id));
    });

  return {
    analyze: (file, name, choices = {}, options) =>
      call((id) => ({ type: 'analyze', id, file, name, ...choices }), (message) => (message.type === 'analysis' ? message.analysis : undefined), options),
    preview: (file, name, request, limit = 20, options) =>
      call((id) => ({ type: 'preview', id, file, name, limit, ...request }), (message) => (message.type === 'preview' ? message.rows : undefined), options),
    async *records(file, name, request, options = {}) {
      if (options.signal?.aborted) throw abortedError();
      const id = nextId++;
      const queue: FromImportWorker[] = [];
      let wake: (() => void) | null = null;
      const push = (message: FromImportWorker) => {
        queue.push(message);
        wake?.();
        wake = null;
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel', id });
        push({ type: 'error', id, name: 'AbortError', message: 'cancelled' });
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      listeners.set(id, (message) => (message.type === 'progress' ? options.onProgress?.(message.progress) : push(message)));
      worker.postMessage({ type: 'records', id, file, name, ...request });
      try {
        for (;;) {
          if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const message = queue.shift()!;
          if (message.type === 'batch') {
            worker.postMessage({ type: 'taken', id });
            yield message.records;
          }
          else if (message.type === 'done') return;
          else if (message.type === 'error') throw failureOf(message);
        }
      } finally {
        listeners.delete(id);
        options.signal?.removeEventListener('abort', onAbort);
        // A consumer that stops early (break, throw) must stop the worker's reading too.
        if (queue.length > 0 || !options.signal?.aborted) worker.postMessage({ type: 'cancel', id });
      }
    },
    dispose: () => {
      worker.terminate();
      listeners.clear();
    },
  };
}
