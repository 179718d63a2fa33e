/** Which documents get a socket, within the pool's bound. */

/** Why a document wants a socket, most important first. */
export interface LiveDemand {
  /** org and this user's prefs: schema and views change under the user's eyes. */
  always: readonly string[];
  /** Documents with local changes the relay has not acknowledged. */
  pending: readonly string[];
  /** Shards the app loaded (being read or edited). */
  inUse: readonly string[];
  /** Shards synced in a short pass (changed on the relay since the last look). */
  passes: readonly string[];
}

/**
 * The documents to keep live: by priority, without duplicates or excluded ones, at most `max`.
 * (The relay closes a user's sockets past its own limit, default 64, with 4429.)
 */
export function chooseLive(demand: LiveDemand, max: number, excluded: ReadonlySet<string>): string[] {
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const list of [demand.always, demand.pending, demand.inUse, demand.passes]) {
    for (const docId of list) {
      if (chosen.length >= max) return chosen;
      if (seen.has(docId) || excluded.has(docId)) continue;
      seen.add(docId);
      chosen.push(docId);
    }
  }
  return chosen;
}
