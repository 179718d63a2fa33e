/** Test harness: the relay as a real child process on a free port, plus clients (stock y-websocket provider, raw sockets). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createRequire } from 'node:module';
import type WebSocketType from 'ws';
import { WebsocketProvider } from 'y-websocket';

const REPO = join(import.meta.dirname, '..', '..');
// Loaded by file path: under Vitest the solid plugin adds the `browser` condition, and `ws` exports a stub there.
const WebSocket = createRequire(import.meta.url)(join(REPO, 'node_modules', 'ws', 'index.js')) as typeof WebSocketType;
type WebSocket = WebSocketType;

/** A relay child process. */
export interface RelayProcess {
  port: number;
  /** The HTTPS port (0 when started with --no-https). */
  httpsPort: number;
  dataDir: string;
  httpUrl: string;
  /** The URL the y-websocket client takes (`/sync`; it appends the document id). */
  syncUrl: string;
  /** The first-start admin invite token (empty when the data folder already had users). */
  adminInvite: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

const tempDirs: string[] = [];

/** A fresh temporary data folder (removed by `removeTempDataDirs`). */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-test-'));
  tempDirs.push(dir);
  return dir;
}

/** Removes the temporary data folders this test file created (call after its relays stopped). */
export function removeTempDataDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Starts `relay/cli.ts serve --port 0` on a data folder and waits for its listening line. */
export async function startRelay(options: { dataDir?: string; args?: string[] } = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const child = spawn(
    process.execPath,
    // RELAY_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the relay under test.
    [...(process.env.RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'relay/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--app', join(dataDir, 'no-app'), '--backup-hours', '0', '--https-port', '0', ...(options.args ?? [])],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /"event":"listening".*?"port":(\d+)/.exec(output);
      if (match && (/"event":"admin-invite"/.test(output) || /Clientela is running/.test(output))) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}:\n${output}`)));
  });
  const invite = /"event":"admin-invite".*?#\/invite\/([A-Za-z0-9_-]+)/.exec(output);
  const https = /"event":"listening-https".*?"port":(\d+)/.exec(output);
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    port,
    httpsPort: https ? Number(https[1]) : 0,
    dataDir,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    adminInvite: invite ? invite[1] : '',
    child,
    output: () => output,
    stop: signal('SIGTERM'),
    kill: signal('SIGKILL'),
  };
}

/** An API answer. */
export interface ApiAnswer {
  status: number;
  // The tests read arbitrary JSON shapes; each test asserts the fields it needs.
  body: any;
}

/** Calls the relay's JSON API. */
export async function api(relay: RelayProcess, method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer> {
  const response = await fetch(relay.httpUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A logged-in test user. */
export interface TestUser {
  id: string;
  name: string;
  token: string;
}

/** Accepts the first-start invite as the Administrator "admin". */
export async function makeAdmin(relay: RelayProcess): Promise<TestUser> {
  const answer = await api(relay, 'POST', '/api/invites/accept', { token: relay.adminInvite, name: 'admin', password: 'admin-password' });
  if (answer.status !== 201) throw new Error(`admin invite failed: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.user.id, name: 'admin', token: answer.body.token };
}

/** Invites and signs up a user with a role (by the admin). */
export async function makeUser(relay: RelayProcess, admin: TestUser, name: string, role: string, seeOnlyOwn = false): Promise<TestUser> {
  const invite = await api(relay, 'POST', '/api/invites', { role, seeOnlyOwn }, admin.token);
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const answer = await api(relay, 'POST', '/api/invites/accept', { token: invite.body.token, name, password: `${name}-password` });
  if (answer.status !== 201) throw new Error(`accept failed: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.user.id, name, token: answer.body.token };
}

/** A stock y-websocket client on one document, with the close events it saw. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** Connects the stock WebsocketProvider (Node, `ws` as WebSocket) to a document. */
export function connect(relay: RelayProcess, docId: string, token: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(relay.syncUrl, docId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once `predicate` holds (polled), or rejects with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits for the provider's first sync with the relay. */
export function synced(client: Client, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, 'sync', timeoutMs);
}

/** A raw socket that records every frame it receives and how it closed. */
export interface RawSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  receivedBytes: () => number;
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<boolean>;
}

/** Opens a raw WebSocket (no Yjs client) to a sync URL. */
export function rawSocket(url: string): RawSocket {
  const ws = new WebSocket(url);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('close', () => resolve(false));
  });
  return { ws, frames, receivedBytes: () => frames.reduce((n, f) => n + f.byteLength, 0), closed, opened };
}

/** A seeded pseudo-random generator (mulberry32), so failures replay. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a relay CLI command to completion. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'relay/cli.ts', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The office the rights tests use: an Administrator, manager ann, manager bob who sees only
 * his own records, and viewer vic. */
export interface TestTeam {
  admin: TestUser;
  ann: TestUser;
  bob: TestUser;
  vic: TestUser;
}

/** Creates the TestTeam accounts on a running relay. */
export async function makeTeam(relay: RelayProcess): Promise<TestTeam> {
  const admin = await makeAdmin(relay);
  const ann = await makeUser(relay, admin, 'ann', 'manager');
  const bob = await makeUser(relay, admin, 'bob', 'manager', true);
  const vic = await makeUser(relay, admin, 'vic', 'viewer');
  return { admin, ann, bob, vic };
}
