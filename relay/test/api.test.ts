/** The relay's JSON API: login and its rate limits, invites, users, the document list and its cursor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayCovers, watchRelayState } from '../../web/sync/ack-watch';
import { api, connect, makeUser, startRelay, synced, waitFor, type Client, type RelayProcess, type TestUser, removeTempDataDirs, makeTeam } from './harness';

let relay: RelayProcess;
let admin: TestUser;
let ann: TestUser;
let bob: TestUser;
let vic: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startRelay();
  ({ admin, ann, bob, vic } = await makeTeam(relay));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

async function write(user: TestUser, docId: string, key: string): Promise<void> {
  const c = connect(relay, docId, user.token);
  clients.push(c);
  await synced(c);
  let relayState = new Map<number, number>();
  watchRelayState(c.provider as never, (sv) => (relayState = sv));
  c.doc.getMap('m').set(key, 1);
  await waitFor(() => relayCovers(relayState, c.doc), 'acknowledged');
}

describe('accounts', () => {
  it('the first-start invite is one-time', async () => {
    const again = await api(relay, 'POST', '/api/invites/accept', { token: relay.adminInvite, name: 'mallory', password: 'mallory-password' });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid-invite');
  });

  it('logs in with name and password and answers /api/me', async () => {
    const login = await api(relay, 'POST', '/api/login', { name: 'ANN', password: 'ann-password' });
    expect(login.status).toBe(200);
    const me = await api(relay, 'GET', '/api/me', undefined, login.body.token);
    expect(me.body.user).toMatchObject({ id: ann.id, name: 'ann', role: 'manager', seeOnlyOwn: false });
    expect(JSON.stringify(me.body)).not.toContain('scrypt');
  });

  it('refuses a wrong password with 401 and a missing field with 400 naming it', async () => {
    expect((await api(relay, 'POST', '/api/login', { name: 'vic', password: 'nope-nope' })).status).toBe(401);
    const missing = await api(relay, 'POST', '/api/login', { name: 'vic' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('password');
  });

  it('refuses API calls without a valid token with 401', async () => {
    expect((await api(relay, 'GET', '/api/me')).status).toBe(401);
    expect((await api(relay, 'GET', '/api/me', undefined, 'forged')).status).toBe(401);
  });

  it('only an Administrator invites and lists users', async () => {
    expect((await api(relay, 'POST', '/api/invites', { role: 'manager' }, ann.token)).status).toBe(403);
    expect((await api(relay, 'GET', '/api/users', undefined, ann.token)).status).toBe(403);
    const users = await api(relay, 'GET', '/api/users', undefined, admin.token);
    expect(users.body.users.map((u: { name: string }) => u.name)).toEqual(['admin', 'ann', 'bob', 'vic']);
    expect((await api(relay, 'POST', '/api/invites', { role: 'boss' }, admin.token)).status).toBe(400);
  });

  it('refuses a short password and a taken name when accepting an invite', async () => {
    const invite = await api(relay, 'POST', '/api/invites', { role: 'manager' }, admin.token);
    const short = await api(relay, 'POST', '/api/invites/accept', { token: invite.body.token, name: 'zed', password: 'short' });
    expect(short.body.error).toBe('bad-password');
    const taken = await api(relay, 'POST', '/api/invites/accept', { token: invite.body.token, name: 'Ann', password: 'long-enough' });
    expect(taken.status).toBe(409);
  });

  it('keeps at least one active Administrator', async () => {
    const demote = await api(relay, 'PATCH', `/api/users/${admin.id}`, { role: 'manager' }, admin.token);
    expect(demote.status).toBe(400);
    expect(demote.body.error).toBe('last-admin');
    expect((await api(relay, 'PATCH', `/api/users/${admin.id}`, { colour: 'red' }, admin.token)).body.error).toBe('bad-field');
  });

  it('a disabled user can neither log in nor use his token', async () => {
    const zoe = await makeUser(relay, admin, 'zoe', 'manager');
    expect((await api(relay, 'PATCH', `/api/users/${zoe.id}`, { disabled: true }, admin.token)).body.user.disabled).toBe(true);
    expect((await api(relay, 'GET', '/api/me', undefined, zoe.token)).status).toBe(401);
    expect((await api(relay, 'POST', '/api/login', { name: 'zoe', password: 'zoe-password' })).status).toBe(401);
  });
});

describe('document list', () => {
  it('lists the documents each user may open with the access mode and latest seq', async () => {
    await write(ann, `book:${ann.id}:0`, 'a');
    await write(bob, `book:${bob.id}:0`, 'b');
    await write(admin, 'org', 'o');
    const listFor = async (user: TestUser) => {
      const docs: { id: string; access: string; seq: number }[] = (await api(relay, 'GET', '/api/docs', undefined, user.token)).body.docs;
      return Object.fromEntries(docs.map((d) => [d.id, `${d.access}@${d.seq}`]));
    };
    // The relay wrote the org too (set-up at start, each account's name), then the admin once.
    const orgSeq = Number((await listFor(admin)).org.split('@')[1]);
    expect(orgSeq).toBeGreaterThan(1);
    expect(await listFor(ann)).toEqual({
      [`book:${ann.id}:0`]: 'read-write@1',
      [`book:${bob.id}:0`]: 'read@1',
      org: `read@${orgSeq}`,
      [`prefs:${ann.id}`]: 'read-write@0',
    });
    expect(await listFor(bob)).toEqual({ [`book:${bob.id}:0`]: 'read-write@1', org: `read@${orgSeq}`, [`prefs:${bob.id}`]: 'read-write@0' });
    expect(await listFor(vic)).toEqual({
      [`book:${ann.id}:0`]: 'read@1',
      [`book:${bob.id}:0`]: 'read@1',
      org: `read@${orgSeq}`,
      [`prefs:${vic.id}`]: 'read-write@0',
    });
    expect((await listFor(admin))[`book:${bob.id}:0`]).toBe('read-write@1');
  });

  it('with ?since=<cursor> lists only the documents changed after it', async () => {
    const first = await api(relay, 'GET', '/api/docs', undefined, ann.token);
    const cursor = first.body.cursor;
    expect(typeof cursor).toBe('number');
    expect((await api(relay, 'GET', `/api/docs?since=${cursor}`, undefined, ann.token)).body.docs).toEqual([]);
    await write(bob, `book:${bob.id}:0`, 'b2');
    const changed = await api(relay, 'GET', `/api/docs?since=${cursor}`, undefined, ann.token);
    expect(changed.body.docs).toEqual([{ id: `book:${bob.id}:0`, access: 'read', seq: 2 }]);
    expect(changed.body.cursor).toBeGreaterThan(cursor);
    expect((await api(relay, 'GET', `/api/docs?since=${cursor}`, undefined, bob.token)).body.docs.map((d: { id: string }) => d.id)).toEqual([`book:${bob.id}:0`]);
    expect((await api(relay, 'GET', '/api/docs?since=-1', undefined, ann.token)).status).toBe(400);
  });

  it('shows the audit trail of a document (who sent each change, when) to users who may read it', async () => {
    const answer = await api(relay, 'GET', `/api/audit?doc=book:${bob.id}:0`, undefined, ann.token);
    expect(answer.status).toBe(200);
    expect(answer.body.entries.map((e: { seq: number; userName: string }) => `${e.seq}:${e.userName}`)).toEqual(['1:bob', '2:bob']);
    expect(answer.body.entries[0].at).toBeGreaterThan(Date.now() - 120_000);
    expect((await api(relay, 'GET', `/api/audit?doc=book:${bob.id}:0&after=1`, undefined, ann.token)).body.entries).toHaveLength(1);
    expect((await api(relay, 'GET', `/api/audit?doc=book:${ann.id}:0`, undefined, bob.token)).status).toBe(404);
  });

  it('answers health without a token', async () => {
    const health = await api(relay, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
  });
});

describe('login rate limit (runs last: it locks this address out)', () => {
  it('after 5 failures for one name even the right password is refused with 429, other names still log in', async () => {
    for (let i = 0; i < 5; i++) expect((await api(relay, 'POST', '/api/login', { name: 'bob', password: `wrong-${i}` })).status).toBe(401);
    const locked = await api(relay, 'POST', '/api/login', { name: 'Bob', password: 'bob-password' });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('too-many-attempts');
    expect((await api(relay, 'POST', '/api/login', { name: 'ann', password: 'ann-password' })).status).toBe(200);
  });

  it('after 20 failures from one address every login from it is refused with 429', async () => {
    let status = 0;
    let failures = 7; // vic's and zoe's refused logins above, and bob's five
    for (let i = 0; i < 25 && status !== 429; i++) {
      status = (await api(relay, 'POST', '/api/login', { name: `nobody-${i}`, password: 'whatever-1' })).status;
      if (status === 401) failures += 1;
    }
    expect(status).toBe(429);
    expect(failures).toBe(20);
    expect((await api(relay, 'POST', '/api/login', { name: 'ann', password: 'ann-password' })).status).toBe(429);
  });
});
