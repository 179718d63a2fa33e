/**
 * Text encoding of a file: the BOM when there is one, else UTF-8 when the bytes are valid
 * UTF-8, else a legacy code page guessed from the text it would give (see scoreDecoding).
 * Only TextDecoder is used, so the same code runs in Node and in the browser.
 */
import { utf16Parity } from './detect-format';

/** The legacy code pages a guess considers, most common in the target markets first. */
export const LEGACY_ENCODINGS = ['windows-1252', 'windows-1251', 'windows-1250', 'koi8-r', 'ibm866', 'iso-8859-7'] as const;

/** Encodings the user can pick in the preview. */
export const PICKABLE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', ...LEGACY_ENCODINGS, 'shift_jis'] as const;

/** The detected encoding of a file and how sure the guess is. */
export interface EncodingGuess {
  /** WHATWG encoding label for TextDecoder. */
  encoding: string;
  /** Bytes of BOM to skip at the start. */
  bomLength: number;
  /** How the encoding was found. */
  evidence: 'bom' | 'utf8-valid' | 'ascii' | 'utf16-zeros' | 'scored';
  /** Other plausible encodings, best first, with their scores (for the picker). */
  alternatives: { encoding: string; score: number }[];
}

/** Guesses the encoding from the first bytes of a file (`complete` when that is the whole file). */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  const bom = readBom(sample);
  if (bom) return { ...bom, evidence: 'bom', alternatives: [] };
  const parity = utf16Parity(sample);
  if (parity) return { encoding: `utf-16${parity}`, bomLength: 0, evidence: 'utf16-zeros', alternatives: [] };
  if (!sample.some((byte) => byte >= 0x80)) return { encoding: 'utf-8', bomLength: 0, evidence: 'ascii', alternatives: [] };
  if (isValidUtf8(sample, complete)) return { encoding: 'utf-8', bomLength: 0, evidence: 'utf8-valid', alternatives: [] };
  const scored = LEGACY_ENCODINGS.map((encoding) => ({ encoding, score: scoreDecoding(new TextDecoder(encoding).decode(sample)) }));
  // Stable sort keeps the market order above for ties (pure Latin-1 accents vs. 1250).
  scored.sort((a, b) => b.score - a.score);
  return { encoding: scored[0].encoding, bomLength: 0, evidence: 'scored', alternatives: scored.slice(1) };
}

/** The encoding and length of a byte-order mark at the start, if any. */
export function readBom(bytes: Uint8Array): { encoding: string; bomLength: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** Whether the bytes are valid UTF-8 (a sequence cut at the end of a partial sample is fine). */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const CYRILLIC = /^[\u0400-\u04ff]+$/;
const LATIN = /^[A-Za-z\u00c0-\u024f]+$/;
const FREQUENT_RUSSIAN = new Set('оеаинтсрвлОЕАИНТСРВЛ');

/**
 * How much the decoded text looks like real words: each word holding non-ASCII letters scores
 * its length when it is plausible (one script, sane capitalisation, Latin words mostly ASCII)
 * and minus its length when not; control and unassigned characters cost more. Windows-1251
 * read as KOI8-R flips the case of every letter, read as 1252 gives words made only of
 * accented letters: both lose to the right reading.
 */
export function scoreDecoding(text: string): number {
  let score = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x80 && code < 0xa0) || code === 0xfffd) score -= 5;
    else if (code >= 0x2500 && code <= 0x259f) score -= 3; // box drawing: IBM866 read wrongly
  }
  for (const word of text.split(/[^\p{L}]+/u)) {
    if (!word || /^[\x00-\x7f]*$/.test(word)) continue;
    score += plausibleWord(word) ? word.length : -word.length;
    for (const char of word) if (FREQUENT_RUSSIAN.has(char)) score += 0.5;
  }
  return score;
}

function plausibleWord(word: string): boolean {
  const caseOk = word === word.toLowerCase() || word === word.toUpperCase() || word.slice(1) === word.slice(1).toLowerCase();
  if (!caseOk) return false;
  if (CYRILLIC.test(word)) return true;
  if (LATIN.test(word)) {
    const ascii = word.replace(/[^A-Za-z]/g, '').length;
    return word.length < 3 || ascii * 2 >= word.length;
  }
  return /^[\u0370-\u03ff]+$/.test(word);
}

/**
 * Decodes a stream of byte chunks to text chunks: a character split across two chunks is
 * joined (TextDecoder's stream mode) and the BOM is dropped.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: string, bomLength: number): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let skip = bomLength;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (skip > 0) {
      const cut = Math.min(skip, bytes.length);
      bytes = bytes.subarray(cut);
      skip -= cut;
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
