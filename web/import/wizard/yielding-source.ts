/**
 * A ByteSource that gives the event loop a turn between chunks. The engine's importRecords reads
 * the file on the thread it runs on (the main thread, where the engine lives); without a turn
 * between chunks a Blob held in memory streams as one long task and clicks (Cancel) and paints
 * wait for the whole file. Reading in the worker instead needs importRecords to accept records
 * (see the report to the lead); until then this keeps the read phase responsive.
 */
import type { ByteSource } from '../source';

/** At most this much of the file is handed on per event-loop turn. */
const SLICE_BYTES = 256 * 1024;

/** Resolves on the next macrotask (a MessageChannel is not throttled like setTimeout). */
function nextTurn(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The same bytes as `source`, with a macrotask between slices of at most SLICE_BYTES. */
export function yieldingSource(source: ByteSource): ByteSource {
  return {
    ...source,
    chunks: async function* () {
      for await (const chunk of source.chunks()) {
        for (let start = 0; start < chunk.length; start += SLICE_BYTES) {
          await nextTurn();
          yield chunk.subarray(start, start + SLICE_BYTES);
        }
      }
    },
  };
}
