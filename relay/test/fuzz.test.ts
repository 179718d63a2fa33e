/** Robustness: 10,000 seeded random, truncated, mutated and oversized frames close only their own sockets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { api, connect, makeAdmin, makeUser, seededRandom, startRelay, synced, waitFor, type Client, type RelayProcess, type TestUser, removeTempDataDirs } from './harness';
import { encodeAwareness, encodeStep1, encodeUpdate, MESSAGE_SYNC, SYNC_STEP2 } from '../sync/protocol';
import { CLOSE_MALFORMED, CLOSE_TOO_BIG } from '../sync/close-codes';

const FRAMES = 10_000;
const CONCURRENCY = 32;
const MAX_FRAME = 64 * 1024;
const PROBE = encodeStep1(Y.encodeStateVector(new Y.Doc()));

let relay: RelayProcess;
let admin: TestUser;
let ann: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startRelay({ args: ['--max-frame-bytes', String(MAX_FRAME), '--max-sockets-per-user', '100'] });
  admin = await makeAdmin(relay);
  ann = await makeUser(relay, admin, 'ann', 'manager');
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

/** Valid frames to cut and mutate. */
function sampleFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>('records');
  map.set('r1', new Y.Map(Object.entries({ name: 'Ådå Østergård', phone: '+40 721 000 111' })));
  doc.getArray<string>('list').insert(0, ['a', 'b', 'c']);
  map.delete('r1');
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'fuzz' } });
  const frames = [
    encodeStep1(Y.encodeStateVector(doc)),
    encodeUpdate(Y.encodeStateAsUpdate(doc)),
    encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
  ];
  awareness.destroy();
  return frames;
}

/** The seeded frame number `i`: random bytes, a truncated valid frame, a mutated one, a garbage payload or an oversized one. */
function fuzzFrame(random: () => number, samples: Uint8Array[], i: number): Uint8Array | string {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const sample = samples[Math.floor(random() * samples.length)];
  if (i % 1000 === 999) return bytes(MAX_FRAME + 1 + Math.floor(random() * 1000));
  if (i % 500 === 7) return 'a text frame';
  switch (Math.floor(random() * 4)) {
    case 0:
      return bytes(Math.floor(random() * 64));
    case 1:
      return sample.subarray(0, Math.floor(random() * sample.length));
    case 2: {
      const copy = sample.slice();
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      return copy;
    }
    default: {
      const head = [Math.floor(random() * 4), Math.floor(random() * 4)];
      return Uint8Array.from([...head, ...bytes(Math.floor(random() * 40))]);
    }
  }
}

/** A client WebSocket frame (masked with a zero key, which RFC 6455 allows) built by hand, so the fuzz costs the test little CPU. */
function wsFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const head = length < 126 ? Buffer.from([0x80 | opcode, 0x80 | length]) : length < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(length)); return b; })()]);
  return Buffer.concat([head, Buffer.alloc(4), payload]);
}

/**
 * Opens a socket over raw TCP, waits for the relay's first frame, sends one fuzz frame and a probe (a step 1,
 * answered by a step 2 that only this socket receives; broadcasts are updates).
 * Resolves with the relay's close code, 0 when the socket survived (the probe was answered), -1 when it never opened.
 */
function sendOne(port: number, path: string, frame: Uint8Array | string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let sent = false;
    let done = false;
    const finish = (code: number) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(code);
    };
    socket.on('error', () => finish(sent ? 1006 : -1));
    socket.on('close', () => finish(sent ? 1006 : -1));
    socket.on('connect', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: relay\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
    );
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        upgraded = true;
        buffer = buffer.subarray(end + 4);
      }
      while (buffer.length >= 2) {
        let length = buffer[1] & 127;
        let offset = 2;
        if (length === 126) (length = buffer.readUInt16BE(2)), (offset = 4);
        else if (length === 127) (length = Number(buffer.readBigUInt64BE(2))), (offset = 10);
        if (buffer.length < offset + length) return;
        const opcode = buffer[0] & 15;
        const payload = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        if (opcode === 8) return finish(payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
        if (opcode !== 2) continue;
        if (!sent) {
          sent = true;
          socket.write(typeof frame === 'string' ? wsFrame(1, Buffer.from(frame)) : wsFrame(2, frame));
          socket.write(wsFrame(2, PROBE));
        } else if (payload[0] === MESSAGE_SYNC && payload[1] === SYNC_STEP2) {
          return finish(0);
        }
      }
    });
  });
}

describe('malformed frames', () => {
  it('10,000 seeded random, truncated and oversized frames never crash the relay, and other sockets keep working', async () => {
    const docId = `book:${ann.id}:0`;
    const a = connect(relay, docId, ann.token);
    const b = connect(relay, docId, admin.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);

    const random = seededRandom(20261122);
    const samples = sampleFrames();
    const frames = Array.from({ length: FRAMES }, (_, i) => fuzzFrame(random, samples, i));
    const path = `/sync/book:${ann.id}:9?token=${ann.token}`;
    const codes = new Map<number, number>();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < frames.length) {
          const code = await sendOne(relay.port, path, frames[next++]);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }),
    );
    const [utime, stime] = readFileSync(`/proc/${relay.child.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).map(Number);
    const relayCpuMs = (utime + stime) * 10;
    console.log(JSON.stringify({ frames: FRAMES, ms: Date.now() - started, relayCpuMsSinceStart: relayCpuMs, closeCodes: Object.fromEntries(codes) }));

    expect(relay.child.exitCode).toBeNull();
    expect(codes.get(-1) ?? 0).toBe(0);
    expect(codes.get(CLOSE_MALFORMED) ?? 0).toBeGreaterThan(FRAMES / 2);
    expect(codes.get(CLOSE_TOO_BIG)).toBe(FRAMES / 1000);
    expect([...codes.keys()].every((code) => [0, CLOSE_MALFORMED, CLOSE_TOO_BIG].includes(code))).toBe(true);
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    a.doc.getMap('m').set('after-fuzz', 1);
    await waitFor(() => b.doc.getMap('m').get('after-fuzz') === 1, 'bystanders still sync');
    expect((await api(relay, 'GET', '/api/health')).body.ok).toBe(true);
    const fresh = connect(relay, `book:${ann.id}:9`, ann.token);
    clients.push(fresh);
    await synced(fresh);
  }, 60_000);
});
