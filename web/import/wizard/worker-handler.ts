/**
 * The import worker's work, apart from the worker global so Node tests can run it in-process:
 * each request runs the engine's pass (analyzeFile, previewRows, readRecords) over a blobSource
 * of the File, reports progress at most every 100 ms, and stops when its cancel arrives.
 */
import { duplicateKeys } from '../duplicate-keys';
import { previewRows } from '../preview';
import { analyzeFile, readRecords, type ImportProgress } from '../read-file';
import { blobSource } from '../source';
import type { FromImportWorker, ToImportWorker } from './protocol';

/**
 * Batches of a records request the worker reads ahead of the main thread. The main thread
 * stores slower than the worker reads; without a limit the whole file would wait, parsed, in
 * the main thread's queue (memory would grow with the file).
 */
export const BATCHES_AHEAD = 4;

/** Handles the messages of one worker; `post` sends an answer back. */
export function createImportHandler(post: (message: FromImportWorker) => void): (message: ToImportWorker) => void {
  const running = new Map<number, AbortController>();
  const credits = new Map<number, { ahead: number; wake: (() => void) | null }>();
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
        credits.get(message.id)?.wake?.();
        return;
      case 'taken': {
        const credit = credits.get(message.id);
        if (!credit) return;
        credit.ahead--;
        credit.wake?.();
        credit.wake = null;
        return;
      }
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
          const credit = { ahead: 0, wake: null as (() => void) | null };
          credits.set(message.id, credit);
          try {
            for await (const records of readRecords(source, message.analysis, { mapping: message.mapping, readings: message.readings, messages: message.messages, signal, onProgress: progressOf(message.id) })) {
              while (credit.ahead >= BATCHES_AHEAD && !signal.aborted) await new Promise<void>((resolve) => (credit.wake = resolve));
              if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
              credit.ahead++;
              // Duplicate keys are worked out here, off the main thread, which stores meanwhile.
              for (const record of records) if (!record.problem) record.keys = duplicateKeys(record.section, record.values);
              post({ type: 'batch', id: message.id, records });
            }
            post({ type: 'done', id: message.id });
          } finally {
            credits.delete(message.id);
          }
        });
        return;
    }
  };
}
