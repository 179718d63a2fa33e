/**
 * The import worker's work, apart from the worker global so Node tests can run it in-process:
 * each request runs the engine's pass (analyzeFile, previewRows, readRecords) over a blobSource
 * of the File, reports progress at most every 100 ms, and stops when its cancel arrives.
 */
import { previewRows } from '../preview';
import { analyzeFile, readRecords, type ImportProgress } from '../read-file';
import { blobSource } from '../source';
import type { FromImportWorker, ToImportWorker } from './protocol';

/** Handles the messages of one worker; `post` sends an answer back. */
export function createImportHandler(post: (message: FromImportWorker) => void): (message: ToImportWorker) => void {
  const running = new Map<number, AbortController>();
  const progressOf = (id: number) => {
    let last = 0;
    return (progress: ImportProgress) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      post({ type: 'progress', id, progress });
    };
  };
  const run = async (id: number, work: (signal: AbortSignal) => Promise<void>) => {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      await work(controller.signal);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', id, name: controller.signal.aborted ? 'AbortError' : failure.name, message: failure.message });
    } finally {
      running.delete(id);
    }
  };
  return (message) => {
    switch (message.type) {
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'analyze':
        void run(message.id, async (signal) => {
          const analysis = await analyzeFile(blobSource(message.file, message.name), { encoding: message.encoding, delimiter: message.delimiter, fields: message.fields, messages: message.messages, signal, onProgress: progressOf(message.id) });
          post({ type: 'analysis', id: message.id, analysis });
        });
        return;
      case 'preview':
        void run(message.id, async (signal) => {
          const rows = await previewRows(blobSource(message.file, message.name), message.analysis, { mapping: message.mapping, readings: message.readings, messages: message.messages, limit: message.limit, signal });
          post({ type: 'preview', id: message.id, rows });
        });
        return;
      case 'records':
        void run(message.id, async (signal) => {
          const source = blobSource(message.file, message.name);
          for await (const records of readRecords(source, message.analysis, { mapping: message.mapping, readings: message.readings, messages: message.messages, signal, onProgress: progressOf(message.id) })) {
            if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
            post({ type: 'batch', id: message.id, records });
          }
          post({ type: 'done', id: message.id });
        });
        return;
    }
  };
}
