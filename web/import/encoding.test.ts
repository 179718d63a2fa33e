import { describe, expect, it } from 'vitest';
import { decodeChunks, detectEncoding, scoreDecoding } from './encoding';

const encode = (text: string, encoding: 'windows-1251' | 'windows-1252' | 'koi8-r'): Uint8Array => {
  // Build legacy bytes by inverting TextDecoder's table for the characters used.
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return new Uint8Array([...text].map((char) => table.get(char)!));
};

async function collect(chunks: Uint8Array[], encoding: string, bom = 0): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const part of decodeChunks(source(), encoding, bom)) text += part;
  return text;
}

describe('encoding detection', () => {
  it('a BOM decides: UTF-8, UTF-16LE and UTF-16BE', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), true)).toMatchObject({ encoding: 'utf-8', bomLength: 3, evidence: 'bom' });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), true)).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x41]), true)).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
  });
  it('UTF-16 without BOM is recognised by its zero bytes', () => {
    const bytes = new Uint8Array([...'Name;Phone\n'].flatMap((char) => [char.charCodeAt(0), 0]));
    expect(detectEncoding(bytes, true).encoding).toBe('utf-16le');
  });
  it('valid UTF-8 is UTF-8, even when the sample cuts a character in half', () => {
    const bytes = new TextEncoder().encode('Ștefănescu;Иванов');
    expect(detectEncoding(bytes, true).evidence).toBe('utf8-valid');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false).encoding).toBe('utf-8');
  });
  it('Russian in Windows-1251 is told from Windows-1252 and KOI8-R', () => {
    const guess = detectEncoding(encode('Фамилия;Имя\nИванов;Пётр\nСидорова;Анна\n', 'windows-1251'), true);
    expect(guess.encoding).toBe('windows-1251');
    expect(guess.alternatives.map((alternative) => alternative.encoding)).toEqual(expect.arrayContaining(['windows-1252', 'koi8-r']));
  });
  it('Russian in KOI8-R is recognised as KOI8-R', () => {
    expect(detectEncoding(encode('Фамилия;Имя\nИванов;Пётр\nСидорова;Анна\n', 'koi8-r'), true).encoding).toBe('koi8-r');
  });
  it('German and Spanish in Windows-1252 stay Windows-1252', () => {
    expect(detectEncoding(encode('Name;Straße\nMüller;Königsallee\nPeña;Añón\n', 'windows-1252'), true).encoding).toBe('windows-1252');
  });
  it('words made only of accented letters score below real words', () => {
    expect(scoreDecoding('Óñîëüöåâ')).toBeLessThan(scoreDecoding('Усольцев'));
  });
});

describe('streamed decoding', () => {
  it('a UTF-8 character split across chunks is joined, at every split point', async () => {
    const bytes = new TextEncoder().encode('Ана;Ștefan;東京');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)], 'utf-8')).toBe('Ана;Ștefan;東京');
    }
  });
  it('the BOM is skipped even when split over chunks', async () => {
    expect(await collect([new Uint8Array([0xef]), new Uint8Array([0xbb, 0xbf, 0x41])], 'utf-8', 3)).toBe('A');
  });
  it('UTF-16LE surrogate pairs split across chunks decode', async () => {
    const bytes = new Uint8Array([0x3d, 0xd8, 0x00, 0xde, 0x41, 0x00]);
    expect(await collect([bytes.subarray(0, 3), bytes.subarray(3)], 'utf-16le')).toBe('😀A');
  });
});
