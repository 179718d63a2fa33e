/**
 * Decodes a large XML part in slices cut right after a closing tag (`</row>`,
 * `</table:table-row>`), so a sheet bigger than the longest string a JavaScript engine can hold
 * (about 512 million characters: a full-size Excel sheet can exceed it) is still read.
 */

/** Default slice size in bytes: big enough to be fast, small enough to be far from string limits. */
export const SLICE_BYTES = 32 << 20;

function isNameByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f || byte === 0x2e || byte === 0x2d;
}

/** Whether `bytes` at `index` starts `name>` that ends a closing tag `</name>` or `</prefix:name>`. */
function endsClosingTag(bytes: Uint8Array, index: number, name: Uint8Array): boolean {
  for (let offset = 0; offset < name.length; offset++) if (bytes[index + offset] !== name[offset]) return false;
  let cursor = index - 1;
  if (bytes[cursor] === 0x3a /* : */) {
    cursor--;
    while (cursor >= 0 && isNameByte(bytes[cursor])) cursor--;
  }
  return bytes[cursor] === 0x2f /* / */ && bytes[cursor - 1] === 0x3c /* < */;
}

/** The end (exclusive) of the last closing tag `name` found in [from, to), or -1. */
function lastBoundary(bytes: Uint8Array, from: number, to: number, name: Uint8Array): number {
  for (let index = Math.min(to, bytes.length) - name.length; index >= from; index--) {
    if (bytes[index] === name[0] && endsClosingTag(bytes, index, name)) return index + name.length;
  }
  return -1;
}

/** The end of the first closing tag `name` at or after `from`, or -1. */
function nextBoundary(bytes: Uint8Array, from: number, name: Uint8Array): number {
  for (let index = from; index + name.length <= bytes.length; index++) {
    if (bytes[index] === name[0] && endsClosingTag(bytes, index, name)) return index + name.length;
  }
  return -1;
}

/** The UTF-8 text of `bytes` in slices, each ending right after a `</tagName>` (the last slice takes the rest). */
export function* xmlSlices(bytes: Uint8Array, tagName: string, sliceBytes = SLICE_BYTES): Generator<string> {
  const name = new TextEncoder().encode(`${tagName}>`);
  const decoder = new TextDecoder('utf-8');
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.length;
    if (bytes.length - start > sliceBytes) {
      end = lastBoundary(bytes, start, start + sliceBytes, name);
      if (end < 0) end = nextBoundary(bytes, start + sliceBytes, name);
      if (end < 0) end = bytes.length;
    }
    yield decoder.decode(bytes.subarray(start, end));
    start = end;
  }
}
