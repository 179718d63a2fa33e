import { describe, expect, it } from 'vitest';
import { ClientelaDatabase } from '../storage/database';
import { freshIndexedDB } from '../engine/test-support';
import { getBlob, isBlobHash, putBlob, sha256Hex } from './blob-store';
import { scaledSize } from './downscale';

function openDb(): ClientelaDatabase {
  return new ClientelaDatabase('blobs-test', freshIndexedDB());
}

function seededBytes(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('blobs: content-addressed by SHA-256', () => {
  it('hashes to the known SHA-256 value', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the same bytes give the same hash and are stored once', async () => {
    const db = openDb();
    const bytes = seededBytes(7, 5000);
    const first = await putBlob(db, bytes, 'image/webp');
    const second = await putBlob(db, bytes.slice(), 'image/webp');
    expect(second).toBe(first);
    expect(await db.blobs.count()).toBe(1);
    db.close();
  });

  it('different bytes get different hashes and both are kept', async () => {
    const db = openDb();
    const a = await putBlob(db, seededBytes(1, 100), 'image/jpeg');
    const b = await putBlob(db, seededBytes(2, 100), 'image/jpeg');
    expect(a).not.toBe(b);
    expect(await db.blobs.count()).toBe(2);
    db.close();
  });

  it('reads back the exact bytes, type and size under the hash', async () => {
    const db = openDb();
    const bytes = seededBytes(3, 1234);
    const hash = await putBlob(db, bytes, 'image/webp');
    expect(isBlobHash(hash)).toBe(true);
    const stored = await getBlob(db, hash);
    expect(stored?.type).toBe('image/webp');
    expect(stored?.size).toBe(1234);
    expect(new Uint8Array(stored!.data)).toEqual(bytes);
    expect(await sha256Hex(new Uint8Array(stored!.data))).toBe(hash);
    db.close();
  });

  it('storing the same photo concurrently still leaves one copy', async () => {
    const db = openDb();
    const bytes = seededBytes(9, 300);
    const hashes = await Promise.all([putBlob(db, bytes, 'image/webp'), putBlob(db, bytes, 'image/webp'), putBlob(db, bytes, 'image/webp')]);
    expect(new Set(hashes).size).toBe(1);
    expect(await db.blobs.count()).toBe(1);
    db.close();
  });

  it('a missing hash reads as undefined', async () => {
    const db = openDb();
    expect(await getBlob(db, 'f'.repeat(64))).toBeUndefined();
    db.close();
  });
});

describe('photos: downscaled to at most 512 px on the longest side', () => {
  it('keeps the aspect ratio of a large landscape photo', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 512, height: 384 });
  });
  it('scales portrait photos by their height', () => {
    expect(scaledSize(1080, 1920)).toEqual({ width: 288, height: 512 });
  });
  it('leaves small images at their size', () => {
    expect(scaledSize(300, 200)).toEqual({ width: 300, height: 200 });
  });
  it('never produces a zero side for extreme shapes', () => {
    expect(scaledSize(10000, 3)).toEqual({ width: 512, height: 1 });
  });
});
