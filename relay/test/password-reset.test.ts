/** Password reset: an Administrator's one-time token ends the user's sessions; the user sets the new password himself. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, makeTeam, makeUser, removeTempDataDirs, startRelay, synced, waitFor, type Client, type RelayProcess, type TestTeam } from './harness';
import { CLOSE_UNAUTHENTICATED } from '../sync/close-codes';

let relay: RelayProcess;
let team: TestTeam;
const clients: Client[] = [];

beforeAll(async () => {
  relay = await startRelay();
  team = await makeTeam(relay);
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

describe('starting a reset', () => {
  it("ends the user's sessions, closes his sockets with 4401 and returns a one-time token", async () => {
    const zoe = await makeUser(relay, team.admin, 'zoe', 'manager');
    const socket = connect(relay, `book:${zoe.id}:0`, zoe.token);
    clients.push(socket);
    await synced(socket);
    const reset = await api(relay, 'POST', `/api/users/${zoe.id}/reset`, undefined, team.admin.token);
    expect(reset.status).toBe(201);
    expect(typeof reset.body.token).toBe('string');
    expect(reset.body.token.length).toBeGreaterThan(30);
    expect(reset.body.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect((await api(relay, 'GET', '/api/me', undefined, zoe.token)).status).toBe(401);
    await waitFor(() => socket.closes.length > 0, 'socket closed');
    expect(socket.closes[0].code).toBe(CLOSE_UNAUTHENTICATED);
  });

  it('only an Administrator may start one, and only for an existing user', async () => {
    const byManager = await api(relay, 'POST', `/api/users/${team.vic.id}/reset`, undefined, team.ann.token);
    expect(byManager.status).toBe(403);
    expect((await api(relay, 'GET', '/api/me', undefined, team.vic.token)).status).toBe(200);
    const unknown = await api(relay, 'POST', '/api/users/unobody/reset', undefined, team.admin.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('unknown-user');
  });
});

describe('accepting a reset', () => {
  it('sets the new password and signs in like a login; the old password stops working', async () => {
    const yan = await makeUser(relay, team.admin, 'yan', 'manager');
    const { token } = (await api(relay, 'POST', `/api/users/${yan.id}/reset`, undefined, team.admin.token)).body;
    const accepted = await api(relay, 'POST', '/api/reset/accept', { token, password: 'brand-new-secret' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: yan.id, name: 'yan', role: 'manager' });
    expect(accepted.body.expiresAt).toBeGreaterThan(Date.now());
    expect((await api(relay, 'GET', '/api/me', undefined, accepted.body.token)).body.user.id).toBe(yan.id);
    expect((await api(relay, 'POST', '/api/login', { name: 'yan', password: 'brand-new-secret' })).status).toBe(200);
    expect((await api(relay, 'POST', '/api/login', { name: 'yan', password: 'yan-password' })).status).toBe(401);
  });

  it('refuses a short password with the invite rule and keeps the token usable', async () => {
    const xia = await makeUser(relay, team.admin, 'xia', 'viewer');
    const { token } = (await api(relay, 'POST', `/api/users/${xia.id}/reset`, undefined, team.admin.token)).body;
    const short = await api(relay, 'POST', '/api/reset/accept', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error).toBe('bad-password');
    expect(short.body.message).toContain('8');
    expect((await api(relay, 'POST', '/api/reset/accept', { token, password: 'long-enough-now' })).status).toBe(200);
  });

  it('a used token, a superseded token and an unknown token each get their own clear error', async () => {
    const wes = await makeUser(relay, team.admin, 'wes', 'manager');
    const first = (await api(relay, 'POST', `/api/users/${wes.id}/reset`, undefined, team.admin.token)).body.token;
    const second = (await api(relay, 'POST', `/api/users/${wes.id}/reset`, undefined, team.admin.token)).body.token;
    const superseded = await api(relay, 'POST', '/api/reset/accept', { token: first, password: 'password-one' });
    expect(superseded.status).toBe(410);
    expect(superseded.body.error).toBe('reset-expired');
    expect(superseded.body.message).toMatch(/expired/);
    expect((await api(relay, 'POST', '/api/reset/accept', { token: second, password: 'password-two' })).status).toBe(200);
    const reused = await api(relay, 'POST', '/api/reset/accept', { token: second, password: 'password-three' });
    expect(reused.status).toBe(410);
    expect(reused.body.error).toBe('reset-used');
    expect(reused.body.message).toMatch(/already used/);
    expect((await api(relay, 'POST', '/api/login', { name: 'wes', password: 'password-two' })).status).toBe(200);
    const unknown = await api(relay, 'POST', '/api/reset/accept', { token: 'not-a-token', password: 'password-four' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid-reset');
    const missing = await api(relay, 'POST', '/api/reset/accept', { token: second });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('password');
  });

  it('a disabled account cannot be brought back through a reset link', async () => {
    const val = await makeUser(relay, team.admin, 'val', 'manager');
    const { token } = (await api(relay, 'POST', `/api/users/${val.id}/reset`, undefined, team.admin.token)).body;
    await api(relay, 'PATCH', `/api/users/${val.id}`, { disabled: true }, team.admin.token);
    const accepted = await api(relay, 'POST', '/api/reset/accept', { token, password: 'long-enough-pw' });
    expect(accepted.status).toBe(403);
    expect(accepted.body.error).toBe('account-disabled');
  });
});

describe('the last active Administrator', () => {
  it('may neither disable nor demote himself', async () => {
    const disable = await api(relay, 'PATCH', `/api/users/${team.admin.id}`, { disabled: true }, team.admin.token);
    expect(disable.status).toBe(400);
    expect(disable.body.error).toBe('last-admin');
    const demote = await api(relay, 'PATCH', `/api/users/${team.admin.id}`, { role: 'senior' }, team.admin.token);
    expect(demote.body.error).toBe('last-admin');
    expect((await api(relay, 'GET', '/api/me', undefined, team.admin.token)).body.user).toMatchObject({ role: 'admin', disabled: false });
  });
});
