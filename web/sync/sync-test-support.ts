/** Helpers for sync tests: account engines on fake-indexeddb synced with a real relay child process. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type WebSocketType from 'ws';
import { Engine } from '../engine/engine';
import { freshIndexedDB } from '../engine/test-support';
import type { DatabaseDeps } from '../storage/database';
import { api, startRelay, type RelayProcess, type TestUser } from '../../relay/test/harness';
import type { Account } from './relay-api';
import { startSync, type SyncController, type SyncOptions } from './start-sync';
import type { SyncStatus } from './sync-status';

// Loaded by file path: under Vitest the solid plugin adds the `browser` condition, and `ws` exports a stub there.
const WebSocket = createRequire(import.meta.url)(join(import.meta.dirname, '..', '..', 'node_modules', 'ws', 'index.js')) as typeof WebSocketType;

/** One manager's device: an account engine and its sync. */
export interface Device {
  user: TestUser;
  account: Account;
  deps: DatabaseDeps;
  engine: Engine;
  sync: SyncController;
  /** Every status the sync reported, in order. */
  statuses: SyncStatus[];
}

/** Opens `user`'s account base on a device (fresh, or `deps` to reopen one) and starts syncing with `relay`. */
export async function openDevice(relay: RelayProcess, user: TestUser, options: { deps?: DatabaseDeps; account?: Account; sync?: SyncOptions } = {}): Promise<Device> {
  const deps = options.deps ?? freshIndexedDB();
  // A reopened device knows its account already (the relay may be down).
  const account = options.account ?? ((await api(relay, 'GET', '/api/me', undefined, user.token)).body.user as Account);
  const engine = await Engine.open({ dbName: `clientela-account-${user.id}`, deps, account: { id: account.id, name: account.name } });
  engine.snapshotDelayMs = -1;
  const statuses: SyncStatus[] = [];
  const sync = startSync(engine, { token: user.token, expiresAt: Date.now() + 3_600_000, user: account }, relay.httpUrl, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    deps,
    passIntervalMs: 200,
    maxBackoffMs: 300,
    ...options.sync,
  });
  sync.onStatus((status) => statuses.push(status));
  return { user, account, deps, engine, sync, statuses };
}

/** Restarts a stopped relay on the same port and data folder (clients keep their address). */
export function restartRelay(stopped: RelayProcess): Promise<RelayProcess> {
  return startRelay({ dataDir: stopped.dataDir, args: ['--port', String(stopped.port)] });
}

/** Stops a device's sync and closes its engine (the base stays in its fake IndexedDB). */
export async function closeDevice(device: Device): Promise<void> {
  await device.sync.stop();
  await device.engine.close();
}

/** Resolves once `predicate` holds (polled), or rejects naming `what`. */
export async function eventually(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
