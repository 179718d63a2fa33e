/** A ByteSource over a file on disk, for the CLI and Node tests (never bundled for the browser). */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from './source';

/** Streams a file from disk in 1 MiB chunks; throws (ENOENT, EACCES) when it cannot be opened. */
export async function fileSource(path: string): Promise<ByteSource> {
  const { size } = await stat(path);
  return {
    name: basename(path),
    size,
    head: async (length) => {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.min(length, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    chunks: async function* () {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield new Uint8Array(chunk as Buffer);
    },
    bytes: async () => new Uint8Array(await readFile(path)),
  };
}
