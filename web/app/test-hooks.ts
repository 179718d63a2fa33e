/**
 * A narrow window hook for end-to-end tests and the bench: lets them wait until the base is
 * open and read engine figures. It changes nothing by itself.
 */
import type { Base } from './base';

declare global {
  interface Window {
    /** Set once the base is open (e2e tests and bench wait for it). */
    __clientela?: { base: Base };
  }
}

/** Publishes the open base on window for tests and the bench. */
export function exposeTestHooks(base: Base): void {
  window.__clientela = { base };
}
