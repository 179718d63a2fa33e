/**
 * Bench clients of the relay: the stock y-websocket provider over `ws` with its payload bytes
 * counted per direction, state-vector comparison, and CPU / memory of the relay child process
 * read from /proc (process.cpuUsage only sees its own process).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/**
 * Bytes per direction: `sent` / `received` count WebSocket message payloads (as the application sees
 * them, before compression); `sockets` are the TCP sockets underneath, read by `wireBytes` for what
 * really crossed the network (permessage-deflate, frame headers and the upgrade included).
 */
export interface WireCounter {
  sent: number;
  received: number;
  sockets: Set<Socket>;
  /** Each socket's [read, written] byte counts at the last reset. */
  baseline: Map<Socket, [number, number]>;
  /** The messages themselves, kept while `keep` is set (to size them compressed after the timed part). */
  sentFrames: Uint8Array[];
  receivedFrames: Uint8Array[];
  keep: boolean;
}

/** A fresh counter at zero. */
export function newCounter(): WireCounter {
  return { sent: 0, received: 0, sockets: new Set(), baseline: new Map(), sentFrames: [], receivedFrames: [], keep: false };
}

/** TCP bytes the counter's sockets sent and received since its last reset (closed sockets keep their counts). */
export function wireBytes(counter: WireCounter): { sent: number; received: number } {
  let sent = 0;
  let received = 0;
  for (const socket of counter.sockets) {
    const [read, written] = counter.baseline.get(socket) ?? [0, 0];
    sent += socket.bytesWritten - written;
    received += socket.bytesRead - read;
  }
  return { sent, received };
}

/** Sets a counter back to zero and starts (or stops) keeping the messages. */
export function resetCounter(counter: WireCounter, keep: boolean): void {
  counter.sent = counter.received = 0;
  counter.baseline = new Map([...counter.sockets].map((socket) => [socket, [socket.bytesRead, socket.bytesWritten]]));
  counter.sentFrames = [];
  counter.receivedFrames = [];
  counter.keep = keep;
}

/** Bytes of the kept messages each deflated on its own: an upper bound of what permessage-deflate would send. */
export function deflatedBytes(frames: Uint8Array[]): number {
  return frames.reduce((sum, frame) => sum + deflateRawSync(frame).byteLength, 0);
}

/** A `ws` WebSocket class that adds every message it sends or receives to `counter`. */
function countingWebSocket(counter: WireCounter): new (address: string, protocols?: string | string[]) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      // ws keeps its TCP socket in a private field; the bench reads its byte counts only.
      this.once('open', () => counter.sockets.add((this as unknown as { _socket: Socket })._socket));
      this.on('message', (data: WebSocket.RawData) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data);
        counter.received += bytes.byteLength;
        if (counter.keep) counter.receivedFrames.push(bytes);
      });
    }

    // ws's send has two overloads; the y-websocket provider only ever passes one Uint8Array.
    override send(data: Uint8Array): void {
      counter.sent += data.byteLength;
      if (counter.keep) counter.sentFrames.push(data);
      super.send(data);
    }
  };
}

/** The stock WebsocketProvider on one document (`syncUrl` as RelayProcess.syncUrl), its traffic counted into `counter`. */
export function connectCounted(syncUrl: string, docId: string, token: string, doc: Y.Doc, counter: WireCounter, connect = true): WebsocketProvider {
  return new WebsocketProvider(syncUrl, docId, doc, {
    params: { token },
    WebSocketPolyfill: countingWebSocket(counter) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    connect,
  });
}

/** Whether two documents hold the same state vector (every change of one is in the other). */
export function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  const left = Y.encodeStateVector(a);
  const right = Y.encodeStateVector(b);
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}

/** Resolves once `predicate` holds (polled every `everyMs`); rejects with `what` after `timeoutMs`. */
export async function until(predicate: () => boolean, what: string, timeoutMs: number, everyMs = 2): Promise<void> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const CLOCK_TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process in MB, from /proc/<pid>/status. */
export function processRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}
