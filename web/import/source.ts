/**
 * Where the bytes of an import file come from: a Blob/File in the browser, a file on disk in
 * Node, or bytes in memory in tests. Readers ask for the head (detection) and then stream the
 * chunks as many times as they need (analysis pass, import pass) without holding the file.
 */

/** A re-readable file. */
export interface ByteSource {
  name: string;
  /** Total size in bytes, when known (progress). */
  size: number;
  /** The first `length` bytes (fewer when the file is shorter). */
  head(length: number): Promise<Uint8Array>;
  /** The whole file as a stream of chunks, from the start. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The whole file at once: only for formats that cannot be streamed (XLSX, ODS). */
  bytes(): Promise<Uint8Array>;
}

/** A source over bytes already in memory, cut into `chunkSize` chunks like a real stream. */
export function bytesSource(name: string, data: Uint8Array, chunkSize = 1 << 20): ByteSource {
  return {
    name,
    size: data.length,
    head: async (length) => data.subarray(0, length),
    chunks: async function* () {
      for (let start = 0; start < data.length; start += chunkSize) yield data.subarray(start, start + chunkSize);
    },
    bytes: async () => data,
  };
}

/** A source over a Blob or File (browser and workers; Node 20 has Blob too). */
export function blobSource(blob: Blob, name = (blob as File).name ?? 'file'): ByteSource {
  return {
    name,
    size: blob.size,
    head: async (length) => new Uint8Array(await blob.slice(0, length).arrayBuffer()),
    chunks: () => streamChunks(blob.stream()),
    bytes: async () => new Uint8Array(await blob.arrayBuffer()),
  };
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
