/**
 * One tab at a time works on the base. Two tabs would each hold their own copy of the
 * documents in memory and overwrite each other's projection, so the base is guarded by a
 * Web Lock; a second tab says where the base is open and can take it over.
 */

const LOCK_NAME = 'clientela:base';
const CHANNEL_NAME = 'clientela:tabs';

/** The held lock of the base; released when the tab closes or hands the base over. */
export interface BaseLock {
  release(): void;
}

/** Takes the lock if no other tab holds it; null when another tab has the base open. */
export function tryAcquireBaseLock(): Promise<BaseLock | null> {
  return requestLock(true);
}

/** Waits for the lock (after asking the tab that holds it to hand it over). */
export async function acquireBaseLock(): Promise<BaseLock> {
  return (await requestLock(false))!;
}

function requestLock(ifAvailable: boolean): Promise<BaseLock | null> {
  const locks = globalThis.navigator?.locks;
  // Without the Web Locks API (very old browsers) one tab cannot be enforced: proceed.
  if (!locks) return Promise.resolve({ release() {} });
  return new Promise((resolve, reject) => {
    locks
      .request(LOCK_NAME, { ifAvailable }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch(reject);
  });
}

/** Asks the tab holding the base to hand it over. */
export function requestTakeOver(): void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage({ type: 'take-over' });
  channel.close();
}

/** Calls `handOver` when another tab asks for the base; returns an unsubscribe function. */
export function onTakeOverRequest(handOver: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'take-over') handOver();
  };
  return () => channel.close();
}
