/**
 * A new device joining a book through a bounded pool of providers: at most `pool` shards sync at
 * once; a shard's provider closes once it has synced and the next shard starts. Done when every
 * shard is synced and the device holds every record; then the read model's rows are built from
 * the records (rowFromRecord, what the app's projection does before the list shows).
 * `measureFreshJoin` runs it in a child process of its own (relay-join-child.ts), so the new
 * device's heap holds only its own documents, as on a real laptop.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as Y from 'yjs';
import { bookRecords, rowFromRecord } from '../web/engine/rows';
import { connectCounted, newCounter, until, wireBytes } from './relay-clients';

/** What the join needs to know. */
export interface JoinRequest {
  syncUrl: string;
  /** The relay's origin for GET /api/docs/state. */
  httpUrl: string;
  /** `http`: each shard's state over HTTP (compressed), then a socket syncs the difference, as the app does; `socket`: the socket sync alone. */
  via: 'http' | 'socket';
  token: string;
  docIds: string[];
  pool: number;
  expectedRecords: number;
}

/** What the join measured. */
export interface JoinResult {
  /** Until every shard synced and every record is held. */
  syncedMs: number;
  /** ...plus building the projection rows of every record. */
  rowsMs: number;
  records: number;
  /** Bytes received: TCP bytes of the sockets plus the HTTP bodies as sent (compressed). */
  receivedBytes: number;
  sentBytes: number;
}

/** Fetches a document's whole state over HTTP into `doc`; returns the body's bytes as sent (gzip). */
export async function fetchState(httpUrl: string, docId: string, token: string, doc: Y.Doc): Promise<number> {
  const download = async (): Promise<{ body: Uint8Array | null; sent: number }> => {
    const response = await fetch(`${httpUrl}/api/docs/state?doc=${encodeURIComponent(docId)}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate' },
    });
    if (response.status === 204) return { body: null, sent: 0 };
    if (!response.ok) throw new Error(`GET state of ${docId}: ${response.status} ${await response.text()}`);
    const body = new Uint8Array(await response.arrayBuffer());
    return { body, sent: Number(response.headers.get('content-length') ?? body.byteLength) };
  };
  // A GET is safe to repeat, as browsers do when a reused connection turns out closed.
  let result: { body: Uint8Array | null; sent: number } | null = null;
  for (let attempt = 1; result === null; attempt++) {
    try {
      result = await download();
    } catch (error) {
      if (attempt >= 3) throw error;
      process.stderr.write(`fresh join: GET state of ${docId} failed (${String(error)}), retrying\n`);
    }
  }
  const { body, sent } = result;
  if (body) Y.applyUpdate(doc, body);
  return sent;
}

/** Joins the shards in this process with at most `pool` providers open. */
export async function joinInThisProcess(request: JoinRequest): Promise<JoinResult> {
  const counter = newCounter();
  const docs = new Map(request.docIds.map((docId) => [docId, new Y.Doc()]));
  const queue = [...request.docIds];
  let httpBytes = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let docId = queue.shift(); docId !== undefined; docId = queue.shift()) {
      if (request.via === 'http') {
        const bytes = await fetchState(request.httpUrl, docId, request.token, docs.get(docId)!);
        httpBytes += bytes;
      }
      const provider = connectCounted(request.syncUrl, docId, request.token, docs.get(docId)!, counter);
      try {
        await until(() => provider.synced, `${docId} to sync`, 120_000, 1);
      } finally {
        provider.destroy();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.pool, request.docIds.length) }, worker));
  const held = () => [...docs.values()].reduce((sum, doc) => sum + bookRecords(doc).size, 0);
  await until(() => held() >= request.expectedRecords, `${request.expectedRecords} records`, 10_000, 1);
  const syncedMs = performance.now() - started;
  let rows = 0;
  for (const [docId, doc] of docs) {
    for (const [id, record] of bookRecords(doc)) if (rowFromRecord(id, record, docId)) rows += 1;
  }
  const rowsMs = performance.now() - started;
  if (rows !== request.expectedRecords) throw new Error(`fresh join built ${rows} rows, expected ${request.expectedRecords}`);
  const wire = wireBytes(counter);
  return { syncedMs, rowsMs, records: rows, receivedBytes: wire.received + httpBytes, sentBytes: wire.sent };
}

/** Runs the join in a child process (a separate device) and returns what it measured. */
export function measureFreshJoin(request: JoinRequest): Promise<JoinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'relay-join-child.ts'), JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`fresh join process exited with ${code}: ${stderr.trim()}`));
      if (stderr.trim()) process.stderr.write(stderr);
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as JoinResult);
      } catch {
        reject(new Error(`fresh join process printed no result: ${stdout} ${stderr}`));
      }
    });
  });
}
