/**
 * Registers the Workbox service worker that keeps the app shell available offline, and tells
 * the UI when a new version is waiting.
 */
import { Workbox } from 'workbox-window';

/** Registers /sw.js (production builds only); calls `onUpdate` when a new version is ready. */
export function registerServiceWorker(onUpdate: (activate: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    onUpdate(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  void workbox.register();
}
