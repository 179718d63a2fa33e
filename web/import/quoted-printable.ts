/** Quoted-printable (RFC 2045) as vCard 2.1 uses it: `=XX` bytes, soft line breaks `=` + EOL. */

/** Decodes quoted-printable text (one char per byte) to bytes; bad escapes are kept literally. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=(\r\n|\r|\n)/g, '');
  const bytes = new Uint8Array(joined.length);
  let length = 0;
  for (let index = 0; index < joined.length; index++) {
    const char = joined.charCodeAt(index);
    if (char === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(index + 1, index + 3))) {
      bytes[length++] = parseInt(joined.slice(index + 1, index + 3), 16);
      index += 2;
    } else bytes[length++] = char & 0xff;
  }
  return bytes.subarray(0, length);
}
