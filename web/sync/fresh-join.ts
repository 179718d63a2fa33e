/**
 * Fresh join: documents this device never synced are fetched whole over HTTP (one compressed
 * request each, a few at a time) instead of through a socket's sync step, then the sockets only
 * exchange what changed since.
 */
import * as Y from 'yjs';
import type { Engine } from '../engine/engine';
import { RelayApiError, type RelayApi } from './relay-api';

/** Transaction origin of state fetched from the relay over HTTP: stored and projected, not undoable. */
export const RELAY_STATE_ORIGIN = 'relay-state';

/** How many documents are fetched at once. */
export const FETCH_PARALLEL = 4;

/** What a fresh join did. */
export interface FreshJoinResult {
  /** Documents whose state is now on this device (fetched, or empty on the relay). */
  fetched: string[];
  /** Documents the relay could not give over HTTP: a socket pass syncs them instead. */
  failed: string[];
}

/**
 * Fetches each document's state from the relay and applies it to the engine's document.
 * `onRemaining` is told how many are left. Stops early (the rest failed) when the relay is unreachable.
 */
export async function fetchDocStates(engine: Engine, api: RelayApi, docIds: readonly string[], onRemaining: (left: number) => void, onFetched: (docId: string) => void = () => undefined): Promise<FreshJoinResult> {
  const queue = [...docIds];
  const fetched: string[] = [];
  const failed: string[] = [];
  let left = queue.length;
  let unreachable = false;
  onRemaining(left);
  const worker = async () => {
    for (let docId = queue.shift(); docId !== undefined; docId = queue.shift()) {
      try {
        if (unreachable) throw new RelayApiError(0, 'unreachable', 'relay unreachable');
        const state = await api.docState(docId);
        if (state) {
          const { doc } = await engine.loadDoc(docId);
          Y.applyUpdate(doc, state, RELAY_STATE_ORIGIN);
        }
        fetched.push(docId);
        onFetched(docId);
      } catch (error) {
        if (error instanceof RelayApiError && error.status === 0) unreachable = true;
        failed.push(docId);
      }
      onRemaining(--left);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_PARALLEL, queue.length) }, worker));
  return { fetched, failed };
}
