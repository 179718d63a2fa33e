/** Password reset: an Administrator's one-time token ends the user's sessions; the user sets the new password himself. */
import { describe, expect, it } from 'vitest';
import { api, connect, makeUser, synced, waitFor } from './harness';
import { sharedRelay } from './shared-relay';
import { CLOSE_UNAUTHENTICATED } from '../sync/close-codes';

const shared = sharedRelay();

describe('starting a reset', () => {
  it("ends the user's sessions, closes his sockets with 4401 and returns a one-time token", async () => {
    const zoe = await makeUser(shared.relay, shared.team.admin, 'zoe', 'manager');
    const socket = connect(shared.relay, `book:${zoe.id}:0`, zoe.token);
    shared.clients.push(socket);
    await synced(socket);
    const reset = await api(shared.relay, 'POST', `/api/users/${zoe.id}/reset`, undefined, shared.team.admin.token);
    expect(reset.status).toBe(201);
    expect(typeof reset.body.token).toBe('string');
    expect(reset.body.token.length).toBeGreaterThan(30);
    expect(reset.body.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect((await api(shared.relay, 'GET', '/api/me', undefined, zoe.token)).status).toBe(401);
    await waitFor(() => socket.closes.length > 0, 'socket closed');
    expect(socket.closes[0].code).toBe(CLOSE_UNAUTHENTICATED);
  });

  it('only an Administrator may start one, and only for an existing user', async () => {
    const byManager = await api(shared.relay, 'POST', `/api/users/${shared.team.vic.id}/reset`, undefined, shared.team.ann.token);
    expect(byManager.status).toBe(403);
    expect((await api(shared.relay, 'GET', '/api/me', undefined, shared.team.vic.token)).status).toBe(200);
    const unknown = await api(shared.relay, 'POST', '/api/users/unobody/reset', undefined, shared.team.admin.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('unknown-user');
  });
});

describe('accepting a reset', () => {
  it('sets the new password and signs in like a login; the old password stops working', async () => {
    const yan = await makeUser(shared.relay, shared.team.admin, 'yan', 'manager');
    const { token } = (await api(shared.relay, 'POST', `/api/users/${yan.id}/reset`, undefined, shared.team.admin.token)).body;
    const accepted = await api(shared.relay, 'POST', '/api/reset/accept', { token, password: 'brand-new-secret' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: yan.id, name: 'yan', role: 'manager' });
    expect(accepted.body.expiresAt).toBeGreaterThan(Date.now());
    expect((await api(shared.relay, 'GET', '/api/me', undefined, accepted.body.token)).body.user.id).toBe(yan.id);
    expect((await api(shared.relay, 'POST', '/api/login', { name: 'yan', password: 'brand-new-secret' })).status).toBe(200);
    expect((await api(shared.relay, 'POST', '/api/login', { name: 'yan', password: 'yan-password' })).status).toBe(401);
  });

  it('refuses a short password with the invite rule and keeps the token usable', async () => {
    const xia = await makeUser(shared.relay, shared.team.admin, 'xia', 'viewer');
    const { token } = (await api(shared.relay, 'POST', `/api/users/${xia.id}/reset`, undefined, shared.team.admin.token)).body;
    const short = await api(shared.relay, 'POST', '/api/reset/accept', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error).toBe('bad-password');
    expect(short.body.message).toContain('8');
    expect((await api(shared.relay, 'POST', '/api/reset/accept', { token, password: 'long-enough-now' })).status).toBe(200);
  });

  it('a used token, a superseded token and an unknown token each get their own clear error', async () => {
    const wes = await makeUser(shared.relay, shared.team.admin, 'wes', 'manager');
    const first = (await api(shared.relay, 'POST', `/api/users/${wes.id}/reset`, undefined, shared.team.admin.token)).body.token;
    const second = (await api(shared.relay, 'POST', `/api/users/${wes.id}/reset`, undefined, shared.team.admin.token)).body.token;
    const superseded = await api(shared.relay, 'POST', '/api/reset/accept', { token: first, password: 'password-one' });
    expect(superseded.status).toBe(410);
    expect(superseded.body.error).toBe('reset-expired');
    expect(superseded.body.message).toMatch(/expired/);
    expect((await api(shared.relay, 'POST', '/api/reset/accept', { token: second, password: 'password-two' })).status).toBe(200);
    const reused = await api(shared.relay, 'POST', '/api/reset/accept', { token: second, password: 'password-three' });
    expect(reused.status).toBe(410);
    expect(reused.body.error).toBe('reset-used');
    expect(reused.body.message).toMatch(/already used/);
    expect((await api(shared.relay, 'POST', '/api/login', { name: 'wes', password: 'password-two' })).status).toBe(200);
    const unknown = await api(shared.relay, 'POST', '/api/reset/accept', { token: 'not-a-token', password: 'password-four' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid-reset');
    const missing = await api(shared.relay, 'POST', '/api/reset/accept', { token: second });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('password');
  });

  it('a disabled account cannot be brought back through a reset link', async () => {
    const val = await makeUser(shared.relay, shared.team.admin, 'val', 'manager');
    const { token } = (await api(shared.relay, 'POST', `/api/users/${val.id}/reset`, undefined, shared.team.admin.token)).body;
    await api(shared.relay, 'PATCH', `/api/users/${val.id}`, { disabled: true }, shared.team.admin.token);
    const accepted = await api(shared.relay, 'POST', '/api/reset/accept', { token, password: 'long-enough-pw' });
    expect(accepted.status).toBe(403);
    expect(accepted.body.error).toBe('account-disabled');
  });
});

describe('the last active Administrator', () => {
  it('may neither disable nor demote himself', async () => {
    const disable = await api(shared.relay, 'PATCH', `/api/users/${shared.team.admin.id}`, { disabled: true }, shared.team.admin.token);
    expect(disable.status).toBe(400);
    expect(disable.body.error).toBe('last-admin');
    const demote = await api(shared.relay, 'PATCH', `/api/users/${shared.team.admin.id}`, { role: 'senior' }, shared.team.admin.token);
    expect(demote.body.error).toBe('last-admin');
    expect((await api(shared.relay, 'GET', '/api/me', undefined, shared.team.admin.token)).body.user).toMatchObject({ role: 'admin', disabled: false });
  });
});
