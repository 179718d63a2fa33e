/** Performance marks of the engine's start-up steps (`clientela:engine:<step>`), read by the bench. */

/** Marks one start-up step on the page's performance timeline (a no-op where there is none). */
export function markStartup(step: string): void {
  globalThis.performance?.mark?.(`clientela:engine:${step}`);
}
