/** The relay owns the org document: it sets it up, migrates it, refuses a newer one and writes users' names live. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, connect, makeTeam, makeUser, removeTempDataDirs, startRelay, synced, waitFor, type Client, type RelayProcess, type TestTeam } from './harness';
import { fieldKey, orgFields, orgMeta, orgUsers } from '../../web/schema/org-doc';
import { SCHEMA_VERSION } from '../../web/engine/migrations';
import { RELAY_USER_ID } from '../org/org-owner';
import { openDatabase } from '../store/database';

let relay: RelayProcess;
let team: TestTeam;
const clients: Client[] = [];

function client(docId: string, token: string): Client {
  const c = connect(relay, docId, token);
  clients.push(c);
  return c;
}

function closeClients(): void {
  for (const c of clients.splice(0)) c.destroy();
}

beforeAll(async () => {
  relay = await startRelay();
  team = await makeTeam(relay);
}, 60_000);

afterAll(async () => {
  closeClients();
  await relay?.stop();
  removeTempDataDirs();
});

describe('the relay sets up the org document', () => {
  it('a new data folder gets an org with the current schema version, written by the relay and logged', async () => {
    const viewer = client('org', team.vic.token);
    await synced(viewer);
    const meta = orgMeta(viewer.doc);
    expect(meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(typeof meta.get('orgId')).toBe('string');
    const audit = await api(relay, 'GET', '/api/audit?doc=org', undefined, team.admin.token);
    expect(audit.status).toBe(200);
    expect(audit.body.entries.length).toBeGreaterThan(0);
    expect(audit.body.entries.every((entry: { userId: string }) => entry.userId === RELAY_USER_ID)).toBe(true);
  });

  it("every account's display name is in the org's users map", async () => {
    const viewer = client('org', team.vic.token);
    await synced(viewer);
    const names = Object.fromEntries([...orgUsers(viewer.doc).entries()].map(([id, entry]) => [id, entry.get('name')]));
    expect(names).toEqual({ [team.admin.id]: 'admin', [team.ann.id]: 'ann', [team.bob.id]: 'bob', [team.vic.id]: 'vic' });
  });

  it('a connected client receives a new account\u2019s name as soon as the invite is accepted', async () => {
    const watcher = client('org', team.bob.token);
    await synced(watcher);
    const zed = await makeUser(relay, team.admin, 'zed', 'manager');
    // The accept answer comes after the name is committed, so it is already on its way to the watcher.
    await waitFor(() => orgUsers(watcher.doc).get(zed.id)?.get('name') === 'zed', "zed's name at bob", 2000);
  });

  it('a non-admin never needs to write the org and may not', async () => {
    const manager = client('org', team.ann.token);
    await synced(manager);
    orgMeta(manager.doc).set('schemaVersion', 1);
    await waitFor(() => manager.closes.length > 0, 'refused');
    expect(manager.closes[0].code).toBe(4403);
  });
});

describe('migration and refusal at start', { timeout: 60_000 }, () => {
  it('an org from an older app is migrated when the relay starts, through the log', async () => {
    closeClients();
    const admin = client('org', team.admin.token);
    await synced(admin);
    const legacyPhone = new Y.Map<unknown>();
    admin.doc.transact(() => {
      orgMeta(admin.doc).set('schemaVersion', 1);
      legacyPhone.set('label', 'Mobile');
      orgFields(admin.doc).set(fieldKey('orgs', 'phone'), legacyPhone);
    });
    const before = (await api(relay, 'GET', '/api/audit?doc=org', undefined, team.admin.token)).body.entries.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    closeClients();
    await relay.stop();
    relay = await startRelay({ dataDir: relay.dataDir });
    const viewer = client('org', team.vic.token);
    await synced(viewer);
    expect(orgMeta(viewer.doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(orgFields(viewer.doc).get(fieldKey('orgs', 'phones'))?.get('label')).toBe('Mobile');
    expect(orgFields(viewer.doc).has(fieldKey('orgs', 'phone'))).toBe(false);
    const entries = (await api(relay, 'GET', '/api/audit?doc=org', undefined, team.admin.token)).body.entries;
    expect(entries.length).toBeGreaterThan(before);
    expect(entries[entries.length - 1].userId).toBe(RELAY_USER_ID);
  });

  it('an org from a newer app makes the relay refuse to start with a clear message, changing nothing', async () => {
    const admin = client('org', team.admin.token);
    await synced(admin);
    orgMeta(admin.doc).set('schemaVersion', SCHEMA_VERSION + 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    closeClients();
    await relay.stop();
    const dataDir = relay.dataDir;
    const orgUpdates = () => {
      const db = openDatabase(dataDir, { readonly: true });
      try {
        return db.prepare<[], { n: number }>("SELECT count(*) AS n FROM doc_updates WHERE doc_id = 'org'").get()!.n;
      } finally {
        db.close();
      }
    };
    const logged = orgUpdates();
    await expect(startRelay({ dataDir })).rejects.toThrow(new RegExp(`relay exited with 1[\\s\\S]*newer version of Clientela \\(schema ${SCHEMA_VERSION + 5};`));
    expect(orgUpdates()).toBe(logged);
    // The other tests' relay is gone: nothing left to stop.
    relay = { ...relay, stop: async () => {} };
  });
});
