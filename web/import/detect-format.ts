/**
 * Recognises a file's format from its first bytes, not its name: an XLSX renamed .csv is still
 * XLSX, and an old binary .xls or random bytes get a clear refusal instead of garbage records.
 */
import { problem, type ImportProblem } from './problems';

/** The formats the import reads. */
export type FileFormat = 'csv' | 'vcard' | 'xlsx' | 'ods';

/** Detection outcome: a format, or the fatal problem that stops the file. */
export type Detection = { format: FileFormat } | { problem: ImportProblem };

/** How many leading bytes detection needs (zip directory names sit in the first entries). */
export const DETECT_BYTES = 64 * 1024;

/** Detects the format of a file from its first bytes (at most DETECT_BYTES are looked at). */
export function detectFormat(head: Uint8Array): Detection {
  if (head.length === 0) return { problem: problem('empty', 'fatal') };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return detectZip(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { problem: problem('oldExcel', 'fatal') };
  const binaryAt = binaryOffset(head);
  if (binaryAt >= 0) return { problem: problem('binary', 'fatal', {}, { offset: binaryAt }) };
  return { format: looksLikeVCard(head) ? 'vcard' : 'csv' };
}

function detectZip(head: Uint8Array): Detection {
  const latin = latin1(head);
  if (latin.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return { format: 'ods' };
  if (latin.includes('[Content_Types].xml') && latin.includes('xl/')) return { format: 'xlsx' };
  return { problem: problem('unsupportedZip', 'fatal') };
}

/** vCard when a BEGIN:VCARD line comes first, after at most a few stray lines. */
function looksLikeVCard(head: Uint8Array): boolean {
  const text = latin1(head.subarray(0, 4096)).replace(/\0/g, '');
  const match = /(^|[\r\n])[ \t]*BEGIN:VCARD[ \t]*(\r|\n|$)/i.exec(text);
  if (!match) return false;
  return text.slice(0, match.index).split(/\r\n|\r|\n/).filter((line) => line.trim()).length <= 3;
}

/**
 * Offset of the first byte that text never holds, or -1. UTF-16 text is recognised by its
 * zero bytes all falling on one parity, so it is not taken for binary.
 */
function binaryOffset(head: Uint8Array): number {
  if (utf16Parity(head) !== null) return -1;
  let controls = 0;
  for (let index = 0; index < head.length; index++) {
    const byte = head[index];
    if (byte === 0) return index;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) {
      controls++;
      if (controls > 8 && controls * 50 > index) return index;
    }
  }
  return -1;
}

/** 'le' or 'be' when the bytes look like BOM-less UTF-16 (zeros on one parity only). */
export function utf16Parity(head: Uint8Array): 'le' | 'be' | null {
  const sample = head.subarray(0, Math.min(head.length, 4096));
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  // UTF-16 text has zero bytes in its ASCII code units (digits, delimiters), on one side only.
  const half = sample.length / 2;
  if (oddZeros >= 4 && oddZeros > half * 0.3 && evenZeros === 0) return 'le';
  if (evenZeros >= 4 && evenZeros > half * 0.3 && oddZeros === 0) return 'be';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Bytes as a string of the same length (one char per byte): safe for ASCII markers. */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return text;
}
