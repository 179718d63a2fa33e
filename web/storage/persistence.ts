/**
 * Asking the browser to keep the base (navigator.storage.persist) and reading how much room
 * is left. Until persistence is granted the browser may evict the base under disk pressure,
 * so the app shows a notice (ARCHITECTURE.md, pitfall 5).
 */

/** Whether the base is protected from eviction, after asking once if it is not yet. */
export async function ensurePersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return false;
  if (await storage.persisted()) return true;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Bytes used and available to this origin, when the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { usage, quota };
}
