/**
 * Gzip through the platform's CompressionStream (browsers and Node 20 have it), so the app
 * needs no compression library.
 */

/** Whether bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gzips `parts` (strings or bytes) as one stream, without joining them into one string first. */
export function gzip(parts: (string | Uint8Array)[]): Promise<Uint8Array> {
  return pipe(new Blob(parts as BlobPart[]).stream(), new CompressionStream('gzip'));
}

/** Gunzips `bytes`; rejects when the data is damaged or cut short. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(new Blob([bytes as BlobPart]).stream(), new DecompressionStream('gzip'));
}

async function pipe(source: ReadableStream<Uint8Array>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = source.pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(output).arrayBuffer());
}
