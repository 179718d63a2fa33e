/** Backups: an online backup restores to identical documents; compaction keeps the audit trail. */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { connect, makeAdmin, makeUser, runCli, startRelay, synced, waitFor, type Client, type RelayProcess, type TestUser, removeTempDataDirs } from './harness';
import { relayCovers, watchRelayState } from '../../web/sync/ack-watch';

const relays: RelayProcess[] = [];
const clients: Client[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const r of relays) await r.stop();
  removeTempDataDirs();
});

/** Opens a client, runs `edit` on its doc and waits until the relay acknowledged it. */
async function edit(relay: RelayProcess, user: TestUser, docId: string, change: (doc: Y.Doc) => void): Promise<Client> {
  const c = connect(relay, docId, user.token);
  clients.push(c);
  let relayState = new Map<number, number>();
  watchRelayState(c.provider as never, (sv) => (relayState = sv));
  await synced(c);
  change(c.doc);
  await waitFor(() => relayCovers(relayState, c.doc), 'acknowledged');
  return c;
}

async function read(relay: RelayProcess, user: TestUser, docId: string): Promise<Y.Doc> {
  const c = connect(relay, docId, user.token);
  clients.push(c);
  await synced(c);
  return c.doc;
}

describe('backup and restore', () => {
  it('a backup taken while the relay runs restores to identical documents; later changes are gone', async () => {
    const relay = await startRelay();
    relays.push(relay);
    const admin = await makeAdmin(relay);
    const ann = await makeUser(relay, admin, 'ann', 'manager');
    const docIds = ['org', `book:${ann.id}:0`, `book:${ann.id}:1`];
    await edit(relay, admin, 'org', (doc) => doc.getMap('sections').set('orgs', { label: 'Organizations' }));
    await edit(relay, ann, docIds[1], (doc) => {
      const records = doc.getMap<Y.Map<unknown>>('records');
      for (let i = 0; i < 50; i++) records.set(`r${i}`, new Y.Map<unknown>(Object.entries({ name: `Client ${i}`, n: i })));
      records.delete('r7');
    });
    await edit(relay, ann, docIds[2], (doc) => doc.getText('notes').insert(0, 'Çalışkan — ünïcødé'));
    const before = new Map<string, { json: unknown; sv: Uint8Array }>();
    for (const id of docIds) {
      const doc = await read(relay, admin, id);
      before.set(id, { json: doc.toJSON(), sv: Y.encodeStateVector(doc) });
    }

    const file = join(relay.dataDir, 'manual-backup.sqlite');
    const backup = await runCli(['backup', '--data', relay.dataDir, '--to', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('"event":"backup-written"');
    await edit(relay, ann, docIds[1], (doc) => doc.getMap('records').set('after-backup', 1));

    const whileRunning = await runCli(['restore', '--data', relay.dataDir, '--from', file]);
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.stderr).toContain('stop it first');
    await relay.stop();

    const notABackup = join(relay.dataDir, 'not-a-backup.sqlite');
    writeFileSync(notABackup, 'hello');
    const bad = await runCli(['restore', '--data', relay.dataDir, '--from', notABackup]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a SQLite database');

    const restore = await runCli(['restore', '--data', relay.dataDir, '--from', file]);
    expect(restore.code).toBe(0);
    const restarted = await startRelay({ dataDir: relay.dataDir });
    relays.push(restarted);
    for (const id of docIds) {
      const doc = await read(restarted, admin, id);
      expect(doc.toJSON()).toEqual(before.get(id)!.json);
      expect(Y.encodeStateVector(doc)).toEqual(before.get(id)!.sv);
    }
  }, 60_000);

  it('compaction writes a snapshot and keeps every audit row (who sent what, when)', async () => {
    const relay = await startRelay();
    relays.push(relay);
    const admin = await makeAdmin(relay);
    const ann = await makeUser(relay, admin, 'ann', 'manager');
    const docId = `book:${ann.id}:0`;
    const c = await edit(relay, ann, docId, (doc) => doc.getMap('m').set('k-1', -1));
    let relayState = new Map<number, number>();
    watchRelayState(c.provider as never, (sv) => (relayState = sv));
    for (let i = 0; i < 600; i++) {
      c.doc.getMap('m').set(`k${i}`, i);
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor(() => relayCovers(relayState, c.doc), 'acknowledged', 10_000);
    await edit(relay, admin, docId, (doc) => doc.getMap('m').set('by-admin', 1));
    await relay.stop();
    const db = new Database(join(relay.dataDir, 'relay.sqlite'), { readonly: true });
    const audit = db.prepare('SELECT user_id AS userId, count(*) AS n, min(seq) AS first, max(seq) AS last FROM doc_updates WHERE doc_id = ? GROUP BY user_id ORDER BY n DESC').all(docId) as { userId: string; n: number; first: number; last: number }[];
    const snapshots = db.prepare('SELECT covers_seq AS covers FROM doc_snapshots WHERE doc_id = ?').all(docId) as { covers: number }[];
    const total = (db.prepare('SELECT count(*) AS n, max(seq) AS last FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number; last: number });
    db.close();
    expect(snapshots.length).toBe(1);
    expect(snapshots[0].covers).toBe(total.last);
    expect(total.n).toBe(total.last);
    expect(audit.map((a) => a.userId)).toEqual([ann.id, admin.id]);
    expect(audit[1].n).toBe(1);

    const restarted = await startRelay({ dataDir: relay.dataDir });
    relays.push(restarted);
    const doc = await read(restarted, ann, docId);
    expect(doc.getMap('m').size).toBe(602);
  }, 60_000);
});
