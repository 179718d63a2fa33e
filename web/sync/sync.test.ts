/**
 * The app's sync against a real relay child process: account engines on fake-indexeddb, stock
 * y-websocket providers over `ws`. Convergence, pending count and acknowledgement across a relay
 * restart, read-only refusal, see-only-own, fresh join over HTTP, rights changes without reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, connect, makeTeam, makeUser, removeTempDataDirs, startRelay, synced, type Client, type RelayProcess, type TestTeam } from '../../relay/test/harness';
import { LOCAL_ORIGIN, ReadOnlyError } from '../engine/engine';
import { createRecord, logEvent, updateField } from '../engine/commands';
import { bookRecords } from '../engine/rows';
import { bookDocId } from '../engine/ids';
import { getBlob, putBlob } from '../blobs/blob-store';
import { ClientelaDatabase, DEFAULT_DATABASE_NAME } from '../storage/database';
import { freshIndexedDB } from '../engine/test-support';
import { Engine } from '../engine/engine';
import { closeDevice, eventually, openDevice, restartRelay, type Device } from './sync-test-support';
import { SYNC_KEYS } from './sync-store';

let relay: RelayProcess;
let team: TestTeam;
const devices: Device[] = [];
const clients: Client[] = [];

async function device(user: TestTeam[keyof TestTeam], options?: Parameters<typeof openDevice>[2]): Promise<Device> {
  const opened = await openDevice(relay, user, options);
  devices.push(opened);
  await opened.sync.ready;
  return opened;
}

async function shut(d: Device): Promise<void> {
  devices.splice(devices.indexOf(d), 1);
  await closeDevice(d);
}

beforeAll(async () => {
  relay = await startRelay();
  team = await makeTeam(relay);
});

afterAll(async () => {
  for (const d of devices.splice(0)) await closeDevice(d).catch(() => undefined);
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

/** Ann and the admin, each on a device of its own relay; what they do offline is done with that relay stopped. */
interface OfflinePair {
  ann: Device;
  admin: Device;
  /** Stops the relay and waits until both devices know they are offline. */
  goOffline(): Promise<void>;
  /** Starts the relay again on the same data. */
  comeBack(): Promise<void>;
}

async function withOfflinePair(body: (pair: OfflinePair) => Promise<void>): Promise<void> {
  const own = await startRelay();
  const ownTeam = await makeTeam(own);
  const ann = await openDevice(own, ownTeam.ann);
  const admin = await openDevice(own, ownTeam.admin);
  let running: RelayProcess = own;
  try {
    await Promise.all([ann.sync.ready, admin.sync.ready]);
    await body({
      ann,
      admin,
      async goOffline() {
        await running.stop();
        await eventually(() => ann.sync.status().connection !== 'connected' && admin.sync.status().connection !== 'connected', 'both offline');
      },
      async comeBack() {
        running = await restartRelay(running);
      },
    });
  } finally {
    await closeDevice(ann);
    await closeDevice(admin);
    await running.stop();
  }
}

describe('two managers', () => {
  it('converge with both field edits kept after both were offline', { timeout: 60_000 }, () =>
    withOfflinePair(async ({ ann, admin, goOffline, comeBack }) => {
      const id = await createRecord(ann.engine, 'orgs', { name: 'Acme', city: 'Lyon' });
      await eventually(() => ann.sync.status().savedOnRelay && admin.engine.rows.has(id), 'record reaches the admin');
      // The admin opens the card and edits it later: the shard is in use on his device too.
      await admin.engine.loadDoc(ann.engine.rows.get(id)!.shard);

      // Both offline (the relay is down): each edits a different field of the same client.
      await goOffline();
      await updateField(ann.engine, id, 'city', 'Paris');
      await updateField(admin.engine, id, 'name', 'Acme Ltd');
      expect(ann.sync.status().pendingChanges).toBe(1);
      expect(admin.sync.status().pendingChanges).toBe(1);

      await comeBack();
      const merged = (d: Device) => d.engine.rows.get(id)?.v;
      await eventually(() => merged(ann)?.name === 'Acme Ltd' && merged(admin)?.city === 'Paris', 'merge on both devices', 15_000);
      expect(merged(ann)).toMatchObject({ name: 'Acme Ltd', city: 'Paris' });
      expect(merged(admin)).toMatchObject({ name: 'Acme Ltd', city: 'Paris' });
      await eventually(() => ann.sync.status().savedOnRelay && admin.sync.status().savedOnRelay, 'both saved');
    }));

  it('planning calls on the same client while offline, both keep their call, on both devices', { timeout: 60_000 }, () =>
    withOfflinePair(async ({ ann, admin, goOffline, comeBack }) => {
      const acme = await createRecord(ann.engine, 'orgs', { name: 'Acme' });
      await eventually(() => ann.sync.status().savedOnRelay && admin.engine.rows.has(acme), 'client reaches the admin');
      await goOffline();
      const tomorrow = Date.now() + 86_400_000;
      const annCall = await logEvent(ann.engine, { kind: 'call', status: 'planned', start: tomorrow, subject: 'Offer', org: acme });
      const adminCall = await logEvent(admin.engine, { kind: 'call', status: 'planned', start: tomorrow + 3_600_000, subject: 'Follow-up', org: acme });
      await comeBack();
      const callsAbout = (d: Device) => [...d.engine.rows.values()].filter((row) => row.section === 'events' && row.v.org === acme).map((row) => row.id).sort();
      await eventually(() => callsAbout(ann).length === 2 && callsAbout(admin).length === 2, 'both calls on both devices', 15_000);
      expect(callsAbout(ann)).toEqual([annCall, adminCall].sort());
      expect(callsAbout(admin)).toEqual(callsAbout(ann));
      expect(admin.engine.rows.get(annCall)!.v).toMatchObject({ subject: 'Offer', status: 'planned', assignee: ann.engine.user.id });
    }));
});

describe('pending changes and acknowledgement', () => {
  it('count up while the relay is stopped, survive a reload, and reach 0 with savedOnRelay after its restart', { timeout: 60_000 }, async () => {
    const own = await startRelay();
    const ownTeam = await makeTeam(own);
    const d = await openDevice(own, ownTeam.ann);
    await d.sync.ready;
    const id = await createRecord(d.engine, 'orgs', { name: 'Offline Co' });
    await eventually(() => d.sync.status().savedOnRelay, 'first record saved');
    expect(d.sync.status().connection).toBe('connected');

    await own.stop();
    await eventually(() => ['offline', 'reconnecting'].includes(d.sync.status().connection), 'offline status');
    for (const city of ['Lyon', 'Nice', 'Metz']) await updateField(d.engine, id, 'city', city);
    await eventually(() => d.sync.status().pendingChanges === 3, 'three pending');
    expect(d.sync.status().savedOnRelay).toBe(false);

    // A reload while offline shows the same count.
    await closeDevice(d);
    const reloaded = await openDevice(own, ownTeam.ann, { deps: d.deps, account: d.account });
    await reloaded.sync.ready;
    await eventually(() => reloaded.sync.status().pendingChanges === 3, 'pending after reload');
    expect(reloaded.sync.status().connection).toBe('offline');

    const restarted = await restartRelay(own);
    try {
      await eventually(() => reloaded.sync.status().pendingChanges === 0, 'acknowledged after restart', 15_000);
      expect(reloaded.sync.status().savedOnRelay).toBe(true);
      await eventually(() => reloaded.sync.status().connection === 'connected', 'connected again');
      // What the relay acknowledged is really there: a fresh device of the admin reads it.
      const other = await openDevice(restarted, ownTeam.admin);
      await other.sync.ready;
      await eventually(() => other.engine.rows.get(id)?.v.city === 'Metz', 'the last offline edit on another device');
      await closeDevice(other);
    } finally {
      await closeDevice(reloaded);
      await restarted.stop();
    }
  });
});

describe('read-only', () => {
  it("a viewer's engine refuses local writes, and a forced write is answered by refused 4403", async () => {
    const ann = await device(team.ann);
    const id = await createRecord(ann.engine, 'orgs', { name: 'Viewer Test' });
    const shard = ann.engine.rows.get(id)!.shard;
    await eventually(() => ann.sync.status().savedOnRelay, 'saved');
    const vic = await device(team.vic);
    await eventually(() => vic.engine.rows.has(id), 'viewer receives the record');
    expect(vic.engine.canWrite(shard)).toBe(false);
    await expect(updateField(vic.engine, id, 'name', 'Changed')).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(createRecord(vic.engine, 'orgs', { name: 'Mine' })).rejects.toBeInstanceOf(ReadOnlyError);

    const { doc } = await vic.engine.loadDoc(shard);
    doc.transact(() => bookRecords(doc).get(id)!.set('name', 'Forced'), LOCAL_ORIGIN);
    await eventually(() => vic.sync.status().refused !== null, 'refused');
    expect(vic.sync.status().refused).toMatchObject({ docId: shard, code: 4403 });
    expect(vic.sync.status().savedOnRelay).toBe(false);
    // The forced write never reached the manager.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ann.engine.rows.get(id)?.v.name).toBe('Viewer Test');
    await shut(vic);
    await shut(ann);
  });
});

describe('see only own records', () => {
  it("a see-only-own manager's engine never loads a colleague's book", async () => {
    const ann = await device(team.ann);
    const annRecord = await createRecord(ann.engine, 'orgs', { name: 'Ann Client' });
    await eventually(() => ann.sync.status().savedOnRelay, 'saved');
    const bob = await device(team.bob);
    const bobRecord = await createRecord(bob.engine, 'orgs', { name: 'Bob Client' });
    await eventually(() => bob.sync.status().savedOnRelay, 'bob saved');
    await bob.sync.syncNow();
    const listed = (await bob.sync.api.listDocs()).docs.map((doc) => doc.id);
    expect(listed.some((docId) => docId.startsWith(`book:${team.ann.id}:`))).toBe(false);
    expect([...bob.engine.loadedDocs().keys()].some((docId) => docId.includes(team.ann.id))).toBe(false);
    expect(bob.engine.rows.has(annRecord)).toBe(false);
    expect(bob.engine.rows.has(bobRecord)).toBe(true);
    const fetched = (await bob.engine.db.kv.get(SYNC_KEYS.fetched))?.value as string[];
    expect(fetched.some((docId) => docId.includes(team.ann.id))).toBe(false);
    await shut(bob);
    await shut(ann);
  });
});

describe('fresh join', () => {
  it('fetches a base of several shards over HTTP, counting down docsToFetch', async () => {
    const owner = team.admin;
    const shards = [0, 1, 2].map((n) => `book:${owner.id}:${n}`);
    for (const [n, docId] of shards.entries()) {
      const c = connect(relay, docId, owner.token);
      clients.push(c);
      await synced(c);
      c.doc.transact(() => {
        for (let i = 0; i < 50; i++) {
          const record = new Y.Map<unknown>();
          record.set('$section', 'orgs');
          record.set('name', `Shard ${n} client ${i}`);
          bookRecords(c.doc).set(`join-${n}-${i}`, record);
        }
      });
      await eventually(() => c.provider.wsconnected, 'connected');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const joined = await device(team.admin);
    for (const n of [0, 1, 2]) expect(joined.engine.rows.get(`join-${n}-49`)?.v.name).toBe(`Shard ${n} client 49`);
    const counts = joined.statuses.map((status) => status.docsToFetch);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(3);
    expect(joined.sync.status().docsToFetch).toBe(0);
    const fetched = (await joined.engine.db.kv.get(SYNC_KEYS.fetched))?.value as string[];
    expect(fetched).toEqual(expect.arrayContaining(shards));
    // Fetched shards are not kept on sockets: the pool stays small.
    expect(joined.sync.liveDocs().length).toBeLessThanOrEqual(8);
    await shut(joined);
  });
});

describe('rights change', () => {
  it('takes effect without reload: a manager made View-only turns read-only, and back', async () => {
    const ann = await device(team.ann);
    const id = await createRecord(ann.engine, 'orgs', { name: 'Rights Co' });
    const shard = ann.engine.rows.get(id)!.shard;
    await eventually(() => ann.sync.status().savedOnRelay, 'saved');
    const roles: string[] = [];
    ann.sync.onUser((user) => roles.push(user.role));
    const demoted = await api(relay, 'PATCH', `/api/users/${team.ann.id}`, { role: 'viewer' }, team.admin.token);
    expect(demoted.status).toBe(200);
    await eventually(() => !ann.engine.canWrite(shard) && ann.sync.user().role === 'viewer', 'read-only after demotion');
    await expect(updateField(ann.engine, id, 'name', 'No')).rejects.toBeInstanceOf(ReadOnlyError);
    await api(relay, 'PATCH', `/api/users/${team.ann.id}`, { role: 'manager' }, team.admin.token);
    await eventually(() => ann.engine.canWrite(shard) && ann.sync.user().role === 'manager', 'writable again');
    expect(roles).toEqual(['viewer', 'manager']);
    await updateField(ann.engine, id, 'name', 'Rights Co 2');
    await eventually(() => ann.sync.status().savedOnRelay, 'saved after promotion');
    await shut(ann);
  });
});

describe('rights shrink', () => {
  it('"see only own" switched on removes colleagues\' books from the device; switched off brings them back', { timeout: 40_000 }, async () => {
    const ada = await device(team.admin);
    const id = await createRecord(ada.engine, 'orgs', { name: 'Private Co' });
    const shard = ada.engine.rows.get(id)!.shard;
    await eventually(() => ada.sync.status().savedOnRelay, 'saved');
    const cleo = await makeUser(relay, team.admin, 'cleo', 'manager');
    const colleague = await device(cleo);
    await eventually(() => colleague.engine.rows.has(id), "Ada's client reaches Cleo");

    await api(relay, 'PATCH', `/api/users/${cleo.id}`, { seeOnlyOwn: true }, team.admin.token);
    await eventually(() => !colleague.engine.rows.has(id), "Ada's client leaves Cleo's device", 15_000);
    expect(await colleague.engine.db.updates.where('doc').equals(shard).count()).toBe(0);
    expect(colleague.engine.loadedDocs().has(shard)).toBe(false);

    await api(relay, 'PATCH', `/api/users/${cleo.id}`, { seeOnlyOwn: false }, team.admin.token);
    await eventually(() => colleague.engine.rows.get(id)?.v.name === 'Private Co', 'back after the rights return', 15_000);
    await shut(colleague);
    await shut(ada);
  });
});

describe('bounded pool', () => {
  it('never has more sockets than maxLive, and still gets every pending shard acknowledged', { timeout: 40_000 }, async () => {
    const ann = await device(team.ann, { sync: { maxLive: 3 } });
    const shards = [10, 11, 12, 13, 14].map((n) => bookDocId(team.ann.id, n));
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, ann.sync.liveDocs().length)), 5);
    try {
      await ann.engine.run(shards, (docs) => {
        docs.forEach((doc, index) => {
          const record = new Y.Map<unknown>();
          record.set('$section', 'orgs');
          record.set('name', `Pool client ${index}`);
          bookRecords(doc).set(`pool-${index}`, record);
        });
      });
      expect(ann.sync.status().pendingChanges).toBe(5);
      await eventually(() => ann.sync.status().savedOnRelay, 'every shard acknowledged', 20_000);
    } finally {
      clearInterval(sampler);
    }
    expect(most).toBeLessThanOrEqual(3);
    const admin = await device(team.admin);
    await eventually(() => [0, 1, 2, 3, 4].every((index) => admin.engine.rows.has(`pool-${index}`)), 'all five shards on another device');
    await shut(admin);
    await shut(ann);
  });
});

describe('blobs', () => {
  it("uploads a record's photo and a colleague's device fetches it", async () => {
    const ann = await device(team.ann);
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7) % 256);
    bytes.set([0x89, 0x50, 0x4e, 0x47], 0);
    const hash = await putBlob(ann.engine.db, bytes, 'image/png');
    const id = await createRecord(ann.engine, 'people', { firstName: 'Photo', photo: hash });
    const shard = ann.engine.rows.get(id)!.shard;
    await eventually(() => ann.sync.status().savedOnRelay, 'saved');
    await ann.sync.syncNow();
    const uploaded = (await ann.engine.db.kv.get(SYNC_KEYS.uploadedBlobs))?.value as string[];
    expect(uploaded).toContain(`${hash} ${shard}`);
    const admin = await device(team.admin);
    await eventually(() => admin.engine.rows.has(id), 'record on the admin device');
    await admin.sync.syncNow();
    let fetched = await getBlob(admin.engine.db, hash);
    for (let tries = 0; !fetched && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fetched = await getBlob(admin.engine.db, hash);
    }
    expect(fetched?.type).toBe('image/png');
    expect([...fetched!.data]).toEqual([...bytes]);
    await shut(admin);
    await shut(ann);
  });
});

describe('first sign-in on a device with a local base', () => {
  async function localBaseWith(names: string[]) {
    const deps = freshIndexedDB();
    const local = await Engine.open({ dbName: DEFAULT_DATABASE_NAME, deps });
    const ids: string[] = [];
    for (const name of names) ids.push(await createRecord(local, 'orgs', { name }));
    await updateField(local, ids[0], 'city', 'Chișinău');
    await local.close();
    return { deps, ids };
  }

  it("copies the local records into the account's own book once, as one undoable step, leaving the local base as it was", async () => {
    const { deps, ids } = await localBaseWith(['Local One', 'Local Two']);
    const ann = await device(team.ann, { deps });
    expect(ann.engine.rows.get(ids[0])).toMatchObject({ shard: bookDocId(team.ann.id, 0), v: { name: 'Local One', city: 'Chișinău' } });
    expect(ann.engine.rows.get(ids[1])?.v.name).toBe('Local Two');
    expect(ann.engine.canUndo()).toBe(true);
    await eventually(() => ann.sync.status().savedOnRelay, 'copied records saved on the relay');
    // One undo step takes the whole copy back.
    await ann.engine.undo();
    expect(ann.engine.rows.has(ids[0]) || ann.engine.rows.has(ids[1])).toBe(false);
    await ann.engine.redo();
    await eventually(() => ann.sync.status().savedOnRelay, 'redo saved');
    const account = ann.account;
    await shut(ann);
    // A second start copies nothing again.
    const again = await device(team.ann, { deps, account });
    expect(again.engine.canUndo()).toBe(false);
    expect(again.engine.rows.get(ids[0])?.v.name).toBe('Local One');
    await shut(again);
    const local = new ClientelaDatabase(DEFAULT_DATABASE_NAME, deps);
    await local.open();
    expect(await local.rows.count()).toBe(2);
    local.close();
    // A second person signing in on the same laptop (Bob sees only his own book) does not get the first one's clients.
    const bob = await device(team.bob, { deps });
    expect(bob.engine.rows.has(ids[0]) || bob.engine.rows.has(ids[1])).toBe(false);
    await shut(bob);
  });

  it('does not create a local base where there is none', async () => {
    const deps = freshIndexedDB();
    const bob = await device(team.bob, { deps });
    const names = (await deps.indexedDB.databases()).map((entry) => entry.name);
    expect(names).not.toContain(DEFAULT_DATABASE_NAME);
    expect((await bob.engine.db.kv.get(SYNC_KEYS.localBaseCopied))?.value).toBe(true);
    await shut(bob);
  });
});

describe('final close codes', () => {
  it('4401: a session ended on the relay shows signed-out, keeps the local base and stops reconnecting', async () => {
    const login = await api(relay, 'POST', '/api/login', { name: 'ann', password: 'ann-password' });
    expect(login.status).toBe(200);
    const session = { ...team.ann, token: login.body.token as string };
    const ann = await device(session);
    const id = await createRecord(ann.engine, 'orgs', { name: 'Before Logout' });
    await eventually(() => ann.sync.status().savedOnRelay && ann.sync.status().connection === 'connected', 'saved');
    expect((await api(relay, 'POST', '/api/logout', undefined, session.token)).status).toBe(204);
    await eventually(() => ann.sync.status().connection === 'signed-out', 'signed-out');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ann.sync.liveDocs()).toEqual([]);
    expect(ann.engine.rows.get(id)?.v.name).toBe('Before Logout');
    // Still usable offline: a change is kept and counted.
    await updateField(ann.engine, id, 'city', 'Oslo');
    expect(ann.sync.status()).toMatchObject({ connection: 'signed-out', pendingChanges: 1, savedOnRelay: false });
    await shut(ann);
  });

  it("4404: a document the user may not open is dropped from the pool, not retried", async () => {
    const bob = await device(team.bob);
    const colleagues = bookDocId(team.ann.id, 0);
    const refusals = () => relay.output().split('\n').filter((line) => line.includes('"socket-refused"') && line.includes(colleagues) && line.includes(`"userId":"${team.bob.id}"`) && line.includes('4404')).length;
    await bob.engine.loadDoc(colleagues);
    await eventually(() => !bob.sync.liveDocs().includes(colleagues) && bob.sync.status().connection === 'connected', 'dropped');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(bob.sync.liveDocs()).not.toContain(colleagues);
    expect([...bob.engine.rows.values()].some((row) => row.shard === colleagues)).toBe(false);
    const { doc } = await bob.engine.loadDoc(colleagues);
    expect(bookRecords(doc).size).toBe(0);
    // Refused once, never retried in a loop.
    expect(refusals()).toBe(1);
    await shut(bob);
  });
});
