/**
 * Crash safety: the relay killed with SIGKILL in the middle of 1,000 writes loses none it had acknowledged.
 * Acknowledged = the writer received a sync step 1 from the relay whose state vector covers the write
 * (see sync/ack-watch.ts); each write here is one new map key, so write i has clock i.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { connect, makeAdmin, makeUser, startRelay, synced, waitFor, type Client, type RelayProcess, removeTempDataDirs } from './harness';
import { watchRelayState } from '../../web/sync/ack-watch';

const relays: RelayProcess[] = [];
const clients: Client[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const r of relays) await r.stop();
  removeTempDataDirs();
});

describe('crash safety', () => {
  it('SIGKILL in the middle of 1,000 writes, restart: every acknowledged write is there', async () => {
    const first = await startRelay();
    relays.push(first);
    const admin = await makeAdmin(first);
    const ann = await makeUser(first, admin, 'ann', 'manager');
    const docId = `book:${ann.id}:0`;
    const writer = connect(first, docId, ann.token);
    clients.push(writer);
    let acked = 0;
    watchRelayState(writer.provider as never, (sv) => (acked = Math.max(acked, sv.get(writer.doc.clientID) ?? 0)));
    await synced(writer);
    const map = writer.doc.getMap<number>('m');
    let killedAt = -1;
    for (let i = 0; i < 1000; i++) {
      map.set(`k${i}`, i);
      if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 1));
      if (killedAt < 0 && i >= 400) {
        first.child.kill('SIGKILL');
        killedAt = i;
      }
    }
    await first.kill();
    await waitFor(() => !writer.provider.wsconnected, 'writer sees the relay gone');
    writer.provider.disconnect();
    const ackedWhenKilled = acked;
    console.log(JSON.stringify({ killedAt, ackedWhenKilled }));
    expect(killedAt).toBeGreaterThan(0);
    expect(ackedWhenKilled).toBeGreaterThan(50);
    expect(ackedWhenKilled).toBeLessThan(1000);

    const second = await startRelay({ dataDir: first.dataDir });
    relays.push(second);
    const reader = connect(second, docId, ann.token);
    clients.push(reader);
    await synced(reader);
    const stored = reader.doc.getMap<number>('m');
    const missing = [];
    for (let i = 0; i < ackedWhenKilled; i++) if (stored.get(`k${i}`) !== i) missing.push(i);
    expect(missing).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(ackedWhenKilled);
    console.log(JSON.stringify({ storedAfterRestart: stored.size }));
  });
});
