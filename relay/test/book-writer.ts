/** Test helper: a stock y-websocket client on a book that writes records like the app and waits for the relay's acknowledgement. */
import * as Y from 'yjs';
import { api, connect, synced, waitFor, type Client, type RelayProcess, type TestUser } from './harness';
import { relayCovers, watchRelayState } from '../../web/sync/ack-watch';

/** A connected writer on one document. */
export interface BookWriter {
  client: Client;
  /** Runs `change` as one transaction on the book's `records` map and resolves once the relay committed it. */
  change(change: (records: Y.Map<Y.Map<unknown>>) => void): Promise<void>;
  /** Creates (or replaces) a record from plain field values, acknowledged. */
  put(recordId: string, values: Record<string, unknown>): Promise<void>;
}

/** Opens a writer on `docId` as `user`. */
export async function openWriter(relay: RelayProcess, user: TestUser, docId: string): Promise<BookWriter> {
  const client = connect(relay, docId, user.token);
  let relayState = new Map<number, number>();
  watchRelayState(client.provider as never, (sv) => (relayState = sv));
  await synced(client);
  const records = client.doc.getMap<Y.Map<unknown>>('records');
  const change = async (fn: (records: Y.Map<Y.Map<unknown>>) => void) => {
    client.doc.transact(() => fn(records));
    await waitFor(() => relayCovers(relayState, client.doc), `acknowledgement in ${docId}`);
  };
  return {
    client,
    change,
    put: (recordId, values) => change((r) => r.set(recordId, new Y.Map<unknown>(Object.entries(values)))),
  };
}

/**
 * Waits until the relay logged `seq` updates of a document. Needed after a pure deletion, which does not
 * advance the state vector and so is "acknowledged" at once (see the README's acknowledgement limitation).
 */
export async function waitForLoggedSeq(relay: RelayProcess, user: TestUser, docId: string, seq: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const answer = await api(relay, 'GET', `/api/audit?doc=${encodeURIComponent(docId)}`, undefined, user.token);
    if ((answer.body?.entries?.length ?? 0) >= seq) return;
    if (Date.now() - started > 5000) throw new Error(`${docId} never reached seq ${seq}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
