/** The sync socket against the stock y-websocket client: authentication, convergence, read-only and no-access rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  connect,
  makeUser,
  rawSocket,
  startRelay,
  synced,
  waitFor,
  type Client,
  type RelayProcess,
  type TestUser,
  removeTempDataDirs,
  makeTeam,
} from './harness';
import {
  CLOSE_NO_ACCESS,
  CLOSE_READ_ONLY,
  CLOSE_RIGHTS_CHANGED,
  CLOSE_TOO_MANY_CONNECTIONS,
  CLOSE_UNAUTHENTICATED,
  CLOSE_MALFORMED,
  CLOSE_DOC_TOO_LARGE,
} from '../sync/close-codes';
import { relayCovers, watchRelayState } from '../../web/sync/ack-watch';
import { decodeClientMessage, encodeStep2, encodeUpdate } from '../sync/protocol';

let relay: RelayProcess;
let admin: TestUser;
let ann: TestUser; // manager
let bob: TestUser; // manager, sees only own
let vic: TestUser; // view-only
const clients: Client[] = [];

function client(docId: string, user: TestUser, doc?: Y.Doc): Client {
  const c = connect(relay, docId, user.token, doc);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  relay = await startRelay({ args: ['--max-sockets-per-user', '6', '--max-doc-bytes', '200000'] });
  ({ admin, ann, bob, vic } = await makeTeam(relay));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

describe('sync socket authentication', () => {
  it('refuses a socket without a token with 4401 and sends nothing', async () => {
    const socket = rawSocket(`${relay.syncUrl}/book:${ann.id}:0`);
    expect(await socket.closed).toMatchObject({ code: CLOSE_UNAUTHENTICATED });
    expect(socket.receivedBytes()).toBe(0);
  });

  it('refuses a socket with a wrong token with 4401 and sends nothing', async () => {
    const socket = rawSocket(`${relay.syncUrl}/book:${ann.id}:0?token=${ann.token.slice(0, -2)}xx`);
    expect(await socket.closed).toMatchObject({ code: CLOSE_UNAUTHENTICATED });
    expect(socket.receivedBytes()).toBe(0);
  });

  it('the stock provider stops reconnecting after 4401', async () => {
    const c = client(`book:${ann.id}:0`, { ...ann, token: 'not-a-token' });
    await waitFor(() => c.closes.length > 0, 'close');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(c.closes.map((e) => e.code)).toEqual([CLOSE_UNAUTHENTICATED]);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('refuses an unknown document id with 4400', async () => {
    const socket = rawSocket(`${relay.syncUrl}/secrets?token=${ann.token}`);
    expect(await socket.closed).toMatchObject({ code: CLOSE_MALFORMED });
    expect(socket.receivedBytes()).toBe(0);
  });
});

describe('convergence', () => {
  it('two clients that edited different fields of one record offline both keep their change', async () => {
    const docId = `book:${ann.id}:1`;
    const a = client(docId, ann);
    const b = client(docId, admin);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap<Y.Map<string>>('records').set('r1', new Y.Map<string>(Object.entries({ name: 'Acme', phone: '1' })));
    await waitFor(() => b.doc.getMap('records').has('r1'), 'record at b');
    b.provider.disconnect();
    (a.doc.getMap('records').get('r1') as Y.Map<string>).set('phone', '555-0100');
    (b.doc.getMap('records').get('r1') as Y.Map<string>).set('name', 'Acme Ltd');
    await new Promise((resolve) => setTimeout(resolve, 100));
    b.provider.connect();
    const merged = (c: Client) => (c.doc.getMap('records').get('r1') as Y.Map<string>).toJSON();
    await waitFor(() => merged(a).name === 'Acme Ltd' && merged(b).phone === '555-0100', 'merge');
    expect(merged(a)).toEqual({ name: 'Acme Ltd', phone: '555-0100' });
    expect(merged(b)).toEqual(merged(a));
    const fresh = client(docId, ann);
    await synced(fresh);
    expect((fresh.doc.getMap('records').get('r1') as Y.Map<string>).toJSON()).toEqual({ name: 'Acme Ltd', phone: '555-0100' });
  });

  it('acknowledges a write: a step 1 from the relay covers the writer state only after the write', async () => {
    const c = client(`book:${ann.id}:2`, ann);
    let relayState = new Map<number, number>();
    watchRelayState(c.provider as never, (sv) => (relayState = sv));
    await synced(c);
    await waitFor(() => relayCovers(relayState, c.doc), 'initial cover');
    c.doc.getMap('m').set('k', 1);
    expect(relayCovers(relayState, c.doc)).toBe(false);
    await waitFor(() => relayCovers(relayState, c.doc), 'ack');
    expect(relayState.get(c.doc.clientID)).toBe(1);
  });
});

describe('acknowledging known updates', () => {
  it('an update the relay already has (sent first by another tab) is acknowledged at once, a no-op step 2 is not', async () => {
    const docId = `book:${ann.id}:4`;
    const first = client(docId, ann);
    const second = client(docId, ann);
    await Promise.all([synced(first), synced(second)]);
    first.doc.getMap('m').set('k', 1);
    await waitFor(() => second.doc.getMap('m').get('k') === 1, 'forwarded');
    let states = 0;
    watchRelayState(second.provider as never, () => (states += 1));
    second.provider.ws!.send(encodeUpdate(Y.encodeStateAsUpdate(first.doc)));
    await waitFor(() => states === 1, 'acknowledged');
    second.provider.ws!.send(encodeStep2(Y.encodeStateAsUpdate(second.doc)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(states).toBe(1);
  });
});

describe('acknowledging across reconnects', () => {
  it('a change whose socket closed before its acknowledgement is acknowledged on the next socket, once', async () => {
    const docId = `book:${bob.id}:6`;
    const next = rawSocket(`${relay.syncUrl}/${docId}?token=${bob.token}`);
    await waitFor(() => next.frames.length >= 1, 'join state');
    const offline = new Y.Doc();
    offline.getMap('m').set('written-offline', 1);
    const update = Y.encodeStateAsUpdate(offline);
    const first = rawSocket(`${relay.syncUrl}/${docId}?token=${bob.token}`);
    await first.opened;
    first.ws.send(encodeUpdate(update));
    first.ws.close();
    const reader = client(docId, bob);
    await waitFor(() => reader.doc.getMap('m').get('written-offline') === 1, 'committed through the first socket');
    const before = next.frames.length;
    next.ws.send(encodeStep2(update));
    await waitFor(() => next.frames.slice(before).some((f) => decodeClientMessage(f).type === 'step1'), 'acknowledgement on the next socket');
    const ack = next.frames.slice(before).map(decodeClientMessage).find((m) => m.type === 'step1');
    expect(ack?.type === 'step1' && Y.decodeStateVector(ack.stateVector).get(offline.clientID)).toBe(1);
    const after = next.frames.length;
    next.ws.send(encodeStep2(update));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(next.frames.slice(after).filter((f) => decodeClientMessage(f).type === 'step1')).toEqual([]);
    next.ws.close();
    reader.provider.disconnect();
  });
});

describe('read-only and no access', () => {
  it("a viewer's write is refused with 4403, never applied nor forwarded", async () => {
    const docId = `book:${ann.id}:3`;
    const owner = client(docId, ann);
    await synced(owner);
    owner.doc.getMap('m').set('by-owner', 1);
    const viewer = client(docId, vic);
    await waitFor(() => viewer.doc.getMap('m').get('by-owner') === 1, 'viewer reads');
    viewer.doc.getMap('m').set('by-viewer', 'x');
    await waitFor(() => viewer.closes.length > 0, 'viewer closed');
    expect(viewer.closes[0].code).toBe(CLOSE_READ_ONLY);
    expect(viewer.provider.shouldConnect).toBe(false);
    owner.doc.getMap('m').set('after', 2);
    const fresh = client(docId, admin);
    await waitFor(() => fresh.doc.getMap('m').get('after') === 2, 'fresh sees later write');
    expect(fresh.doc.getMap('m').has('by-viewer')).toBe(false);
    expect(owner.doc.getMap('m').has('by-viewer')).toBe(false);
  });

  it('a viewer may read and stay connected as long as he does not write', async () => {
    const docId = `book:${ann.id}:3`;
    const viewer = client(docId, vic);
    await synced(viewer);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(viewer.closes).toEqual([]);
    expect(viewer.provider.wsconnected).toBe(true);
  });

  it("a see-only-own manager never receives a colleague's book: closed 4404, zero bytes", async () => {
    const docId = `book:${ann.id}:1`;
    const socket = rawSocket(`${relay.syncUrl}/${docId}?token=${bob.token}`);
    expect(await socket.closed).toMatchObject({ code: CLOSE_NO_ACCESS });
    expect(socket.frames).toEqual([]);
    const c = client(docId, bob);
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0].code).toBe(CLOSE_NO_ACCESS);
    expect(c.doc.getMap('records').size).toBe(0);
    const own = client(`book:${bob.id}:0`, bob);
    await synced(own);
  });

  it("a manager may read a colleague's book but not write it", async () => {
    const socket = rawSocket(`${relay.syncUrl}/book:${admin.id}:0?token=${ann.token}`);
    expect(await socket.opened).toBe(true);
    socket.ws.close();
    const prefs = rawSocket(`${relay.syncUrl}/prefs:${ann.id}?token=${bob.token}`);
    expect(await prefs.closed).toMatchObject({ code: CLOSE_NO_ACCESS });
  });
});

describe('rights and limits', () => {
  it("changing a user's rights closes his sockets at once and he reconnects under the new rights", async () => {
    const carl = await makeUser(relay, admin, 'carl', 'manager');
    const docId = `book:${ann.id}:1`;
    const c = client(docId, carl);
    await synced(c);
    const changed = await api(relay, 'PATCH', `/api/users/${carl.id}`, { seeOnlyOwn: true }, admin.token);
    expect(changed.status).toBe(200);
    await waitFor(() => c.closes.length >= 2, 'closed twice');
    expect(c.closes.map((e) => e.code)).toEqual([CLOSE_RIGHTS_CHANGED, CLOSE_NO_ACCESS]);
  });

  it('refuses sockets past the per-user limit with 4429, and others keep working', async () => {
    const dan = await makeUser(relay, admin, 'dan', 'manager');
    const open = Array.from({ length: 6 }, (_, i) => rawSocket(`${relay.syncUrl}/book:${dan.id}:${i}?token=${dan.token}`));
    expect(await Promise.all(open.map((s) => s.opened))).toEqual([true, true, true, true, true, true]);
    const extra = rawSocket(`${relay.syncUrl}/book:${dan.id}:9?token=${dan.token}`);
    expect(await extra.closed).toMatchObject({ code: CLOSE_TOO_MANY_CONNECTIONS });
    open[0].ws.close();
    await open[0].closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = rawSocket(`${relay.syncUrl}/book:${dan.id}:9?token=${dan.token}`);
    expect(await again.opened).toBe(true);
    for (const s of [...open, again]) s.ws.close();
  });

  it('refuses an update that would grow a document past its size limit with 4413, and keeps what it had', async () => {
    const fay = await makeUser(relay, admin, 'fay', 'manager');
    const docId = `book:${fay.id}:0`;
    const c = client(docId, fay);
    await synced(c);
    c.doc.getMap('m').set('small', 'x'.repeat(1000));
    c.doc.getMap('m').set('huge', 'x'.repeat(250_000));
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0].code).toBe(CLOSE_DOC_TOO_LARGE);
    const fresh = client(docId, fay);
    await synced(fresh);
    expect(fresh.doc.getMap('m').get('small')).toHaveLength(1000);
    expect(fresh.doc.getMap('m').has('huge')).toBe(false);
  });

  it('logging out closes that session sockets with 4401', async () => {
    const eve = await makeUser(relay, admin, 'eve', 'manager');
    const c = client(`book:${eve.id}:0`, eve);
    await synced(c);
    expect((await api(relay, 'POST', '/api/logout', undefined, eve.token)).status).toBe(204);
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0].code).toBe(CLOSE_UNAUTHENTICATED);
  });
});
