/** Decides, without applying it, whether an update would change a document (so no-ops are neither logged nor refused). */
import * as Y from 'yjs';

/** Whether `update` decodes as a Yjs v1 update; a malformed one must not reach the log or a document. */
export function isValidUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether applying `update` to `doc` would change it: it carries structs beyond the document's state
 * vector, or deletes something the document has not deleted (or does not have yet). A client answers
 * every sync step 1 with its state and its whole delete set; those answers are usually no-ops.
 */
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  return decodedChangesDoc(doc, Y.decodeUpdate(update));
}

/**
 * What an update from a client would do, decoding it once (a 10k-record upload takes ~0.4 s to decode):
 * `invalid` when it is not a Yjs v1 update, `no-op` when the document already has all of it, else `changes`.
 */
export function updateEffect(doc: Y.Doc, update: Uint8Array): 'invalid' | 'no-op' | 'changes' {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'invalid';
  }
  return decodedChangesDoc(doc, decoded) ? 'changes' : 'no-op';
}

function decodedChangesDoc(doc: Y.Doc, { structs, ds }: ReturnType<typeof Y.decodeUpdate>): boolean {
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    const stored = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!stored || clock + len > known) return true;
      let index = Y.findIndexSS(stored, clock);
      while (index < stored.length && stored[index].id.clock < clock + len) {
        if (!stored[index].deleted) return true;
        index += 1;
      }
    }
  }
  return false;
}
