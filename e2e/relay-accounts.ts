/**
 * Accounts on the e2e relay, made through its API from Node, and profiles signed in with them
 * (the session stored as the sign-in page leaves it). The account pages are tested through the
 * UI in account.e2e.ts; other suites start from signed-in profiles.
 */
import type { Page } from 'playwright-core';
import type { AppServer, Profile } from './browser';
import type { E2E } from './suite';

/** What the relay grants on login or invite acceptance. */
export interface Grant {
  token: string;
  expiresAt: number;
  user: { id: string; name: string; role: string; seeOnlyOwn: boolean };
}

/** Calls the relay's JSON API; a non-2xx answer throws with the relay's message. */
export async function relayCall<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The password an account made here gets. */
export function passwordOf(name: string): string {
  return `${name}-password-1`;
}

/** Accepts the one-time Administrator link the relay printed on its first start. */
export async function acceptAdminLink(server: AppServer, name = 'Ada Admin'): Promise<Grant> {
  const token = /#\/invite\/([^/?#]+)/.exec(server.adminLink)?.[1];
  if (!token) throw new Error(`no invite token in ${server.adminLink}`);
  return relayCall<Grant>(server.url, 'POST', '/api/invites/accept', { token, name, password: passwordOf(name) });
}

/** Invites a colleague as `admin` and accepts the invite as him. */
export async function inviteAccount(server: AppServer, admin: Grant, name: string, role: string, seeOnlyOwn = false): Promise<Grant> {
  const { token } = await relayCall<{ token: string }>(server.url, 'POST', '/api/invites', { role, seeOnlyOwn }, admin.token);
  return relayCall<Grant>(server.url, 'POST', '/api/invites/accept', { token, name, password: passwordOf(name) });
}

/** Opens a fresh profile signed in as `grant` and waits until its sync is connected. */
export async function openSignedIn(e2e: E2E, grant: Grant): Promise<{ page: Page; errors: string[]; profile: Profile }> {
  const opened = await e2e.open();
  await opened.page.evaluate((session) => localStorage.setItem('clientela.session', JSON.stringify(session)), grant);
  await opened.page.evaluate(() => delete window.__clientela);
  await opened.page.reload();
  await opened.page.waitForFunction(() => window.__clientela?.base.syncStatus()?.connection === 'connected', null, { timeout: 30_000 });
  return opened;
}
