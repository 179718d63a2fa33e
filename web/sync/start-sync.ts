/** PLACEHOLDER (replaced by the sync helper): starts syncing an open engine with the office relay. */
import type { Engine } from '../engine/engine';
import type { StoredSession } from './session';
import type { SyncHandle } from './sync-status';

/** Starts syncing `engine` with the relay at `base` ('' = this origin) under `session`. */
export function startSync(engine: Engine, session: StoredSession, base = ''): SyncHandle {
  void engine;
  void session;
  void base;
  throw new Error('startSync is not built yet');
}
