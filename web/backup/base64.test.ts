import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('backup: base64', () => {
  it('matches Node for every length remainder and random bytes (seeded)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) & 255;
    for (const length of [0, 1, 2, 3, 4, 5, 100, 30_001]) {
      const bytes = Uint8Array.from({ length }, random);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('abc')).toThrow();
    expect(() => base64ToBytes('ab*d')).toThrow();
    expect(() => base64ToBytes('a===')).toThrow();
  });
});
