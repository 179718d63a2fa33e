/**
 * Accounts end to end against the real relay: the Administrator link, the Users page, an
 * invite accepted in a second Chromium profile, wrong-password and rate-limit messages, a
 * role change reaching the other app, a password reset and disabling an account.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeE2E } from './suite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

const SHOT = (name: string) => `/tmp/account-${name}.png`;

/** The status line's live text. */
function statusText(page: Page) {
  return page.locator('.status-line [role=status]');
}

/** Waits until the status line says `text` (sync reports arrive asynchronously). */
async function waitForStatus(page: Page, text: string, timeout = 20_000): Promise<void> {
  await statusText(page).filter({ hasText: text }).waitFor({ timeout });
}

/** Fills and sends the invite page. */
async function acceptInvite(page: Page, name: string, password: string, repeat = password): Promise<void> {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(repeat);
  await markDocument(page);
  await page.getByRole('button', { name: 'Create my account' }).click();
}

/** Fills and sends the sign-in page. */
async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.locator('#account-name').fill(name);
  await page.locator('#account-password').fill(password);
  await markDocument(page);
  await page.locator('.account-form button[type=submit]').click();
}

/** Marks the current document, so waitForBase can tell the reloaded one from it. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-before-reload', ''));
}

/** Waits for the reload into a newly opened base that follows a successful entry or a sign-out. */
async function waitForBase(page: Page, signedIn = true): Promise<void> {
  await page.waitForFunction(
    (expectSync) =>
      !document.documentElement.hasAttribute('data-before-reload') && window.__clientela !== undefined && (window.__clientela.base.sync !== null) === expectSync,
    signedIn,
    { timeout: 30_000 },
  );
}

/** Goes to a hash inside the app (same document, so no reload). */
async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => (location.hash = next), hash);
}

describeE2E('accounts: invite, sign in, users, rights', (e2e) => {
  it('the invite page checks the form before sending and shows the relay rules and address', async () => {
    const { page, errors } = await e2e.open();
    await expect(statusText(page).textContent()).resolves.toContain('On this device only');
    await page.locator('.status-line').screenshot({ path: SHOT('status-local') });
    await goHash(page, '#/invite/not-a-real-token');
    await page.getByRole('heading', { name: 'Join your team in Clientela' }).waitFor();
    expect(await page.getByText(`Office relay: localhost:${e2e.server().port}`).count()).toBe(1);
    await acceptInvite(page, '', 'short', 'other');
    expect(await page.locator('.account-problem').allTextContents()).toEqual([
      'Enter your name.',
      'The password must have at least 8 characters.',
      'The two passwords differ: type the same password twice.',
    ]);
    expect(await page.getByRole('textbox', { name: 'Your name' }).getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: SHOT('invite-field-errors') });
    await acceptInvite(page, 'Zoe', 'long enough pass');
    await page.getByRole('alert').filter({ hasText: 'This invite link is unknown, already used or expired' }).waitFor();
    await page.screenshot({ path: SHOT('invite-errors') });
    expect(errors).toEqual([]);
  });

  it('over plain http under an office hostname the entry page says installing needs the https address', async () => {
    // A hostname other than localhost over http is not a secure context: map one to the relay.
    const dir = mkdtempSync(join(tmpdir(), 'clientela-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP office.test 127.0.0.1'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://office.test:${e2e.server().port}/#/login`);
      await page.getByRole('heading', { name: 'Sign in to the office base' }).waitFor();
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      await page.getByText(`Office relay: office.test:${e2e.server().port}`).waitFor();
      await page.getByRole('note').filter({ hasText: 'to install Clientela, open the https address of the office relay' }).waitFor();
      await page.screenshot({ path: SHOT('insecure') });
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the status line and the sign-in page speak the browser language (Russian)', async () => {
    const { page, errors } = await e2e.open({ locale: 'ru-RU' });
    await waitForStatus(page, 'Только на этом устройстве');
    await page.getByRole('link', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: 'Вход в базу офиса' }).waitFor();
    await signIn(page, 'Никто', 'неверный пароль');
    await page.getByRole('alert').filter({ hasText: 'Неверное имя или пароль.' }).waitFor();
    await page.screenshot({ path: SHOT('sign-in-ru') });
    expect(errors).toEqual([]);
  });

  it('admin link → Users page → invite a manager → he joins in a second profile; rights, reset and disable reach his app', async () => {
    const server = e2e.server();
    const admin = await e2e.open();
    const origin = new URL(server.url).origin;
    await admin.profile.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

    // The one-time Administrator link makes the opener the Administrator.
    await goHash(admin.page, new URL(server.adminLink).hash);
    await admin.page.getByRole('heading', { name: 'Join your team in Clientela' }).waitFor();
    await admin.page.screenshot({ path: SHOT('invite') });
    await acceptInvite(admin.page, 'Alice Admin', 'admin password 1');
    await waitForBase(admin.page);
    await admin.page.getByRole('button', { name: 'Account: Alice Admin, Administrator' }).waitFor();
    await waitForStatus(admin.page, 'Saved on the relay', 30_000);
    await waitForStatus(admin.page, 'Connected', 30_000);
    await admin.page.locator('.topbar').screenshot({ path: SHOT('status-saved') });

    // Offline edits wait on this device, counted; signing out warns that they stay here.
    await admin.profile.context.setOffline(true);
    await admin.page.evaluate(() => window.__clientela!.bench.createRecords('orgs', [{ name: 'Made offline' }]));
    await waitForStatus(admin.page, '1 change waits for the relay');
    expect(await statusText(admin.page).textContent()).not.toContain('Saved on the relay');
    await admin.page.getByRole('button', { name: 'Account: Alice Admin, Administrator' }).click();
    await admin.page.getByRole('button', { name: 'Sign out' }).click();
    await admin.page.getByRole('alert').filter({ hasText: '1 change waits for the relay. They stay on this device and are sent after your next sign-in.' }).waitFor();
    await admin.page.screenshot({ path: SHOT('status-pending-sign-out') });
    await admin.page.getByRole('button', { name: 'Cancel' }).click();
    await admin.profile.context.setOffline(false);
    await waitForStatus(admin.page, 'Saved on the relay', 30_000);

    // Users page: the admin alone, then an invite for a Manager who sees only his own records.
    await admin.page.getByRole('link', { name: 'Users' }).click();
    const adminRow = admin.page.locator('tr[data-user="Alice Admin"]');
    await adminRow.waitFor();
    expect(await adminRow.textContent()).toContain('(you)');
    await admin.page.getByRole('button', { name: 'Invite a colleague' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Invite a colleague' });
    expect(await dialog.getByLabel('Role').locator('option').allTextContents()).toEqual(['Administrator', 'Senior manager', 'Manager', 'View-only']);
    await dialog.getByLabel('Role').selectOption('manager');
    await dialog.getByRole('checkbox', { name: 'See only own records' }).check();
    await dialog.getByRole('button', { name: 'Create the invite link' }).click();
    const linkField = dialog.getByRole('textbox', { name: 'Link' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${origin}/#/invite/[A-Za-z0-9_-]{20,}$`));
    expect(await dialog.textContent()).toContain('Invite link as Manager: it works once, until');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await admin.page.screenshot({ path: SHOT('users-invite') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The manager opens the link in his own browser profile; a taken name is refused first.
    const manager = await e2e.open();
    await goHash(manager.page, new URL(link).hash);
    await acceptInvite(manager.page, 'Alice Admin', 'manager password 1');
    await manager.page.getByRole('alert').filter({ hasText: 'The name "Alice Admin" is already taken' }).waitFor();
    await acceptInvite(manager.page, 'Bob Manager', 'manager password 1');
    await waitForBase(manager.page);
    await manager.page.getByRole('button', { name: 'Account: Bob Manager, Manager' }).waitFor();
    await waitForStatus(manager.page, 'Connected', 30_000);
    expect(await manager.page.getByRole('link', { name: 'Users' }).count()).toBe(0);

    // A used invite link is refused.
    const third = await e2e.open();
    await goHash(third.page, new URL(link).hash);
    await acceptInvite(third.page, 'Carol', 'carol password 1');
    await third.page.getByRole('alert').filter({ hasText: 'This invite link is unknown, already used or expired' }).waitFor();

    // Wrong password and the rate limit, with the relay's seconds.
    await goHash(third.page, '#/login');
    await signIn(third.page, 'Bob Manager', 'not his password');
    await third.page.getByRole('alert').filter({ hasText: 'Wrong name or password.' }).waitFor();
    await third.page.screenshot({ path: SHOT('sign-in') });
    // The relay allows 5 failures per name, then answers 429 with the seconds to wait.
    for (let attempt = 0; attempt < 6; attempt++) {
      const answered = third.page.waitForResponse((response) => response.url().endsWith('/api/login'));
      await signIn(third.page, 'Nobody', `guess ${attempt}`);
      expect((await answered).status()).toBe(attempt < 5 ? 401 : 429);
    }
    await third.page.getByRole('alert').filter({ hasText: /Too many failed sign-ins: try again in \d+ min \(\d+ s\)\./ }).waitFor();
    await third.page.screenshot({ path: SHOT('sign-in-rate-limited') });

    // The admin sees Bob with his rights, and makes him View-only: Bob's app turns read-only.
    await goHash(admin.page, '#/orgs');
    await admin.page.getByRole('link', { name: 'Users' }).click();
    const bobRow = admin.page.locator('tr[data-user="Bob Manager"]');
    await bobRow.waitFor();
    expect(await bobRow.getByRole('checkbox', { name: 'Bob Manager sees only own records' }).isChecked()).toBe(true);
    expect(await bobRow.getByRole('combobox', { name: 'Role of Bob Manager' }).inputValue()).toBe('manager');
    await bobRow.getByRole('combobox', { name: 'Role of Bob Manager' }).selectOption('viewer');
    await admin.page.locator('.users-saved', { hasText: 'Saved: Bob Manager' }).waitFor();
    await manager.page.locator('.status-badge', { hasText: 'View only' }).waitFor({ timeout: 30_000 });
    await manager.page.getByRole('button', { name: 'Account: Bob Manager, View-only' }).waitFor();
    await manager.page.locator('.topbar').screenshot({ path: SHOT('status-view-only') });

    // The only Administrator cannot demote himself: the relay's reason shows in his row.
    await adminRow.getByRole('combobox', { name: 'Role of Alice Admin' }).selectOption('manager');
    await admin.page.getByRole('alert').filter({ hasText: 'This is the only active Administrator' }).waitFor();
    expect(await adminRow.getByRole('combobox', { name: 'Role of Alice Admin' }).inputValue()).toBe('admin');

    // Password reset: a one-time link; Bob's session ends, he chooses a new password with it.
    await bobRow.getByRole('button', { name: 'Reset the password of Bob Manager' }).click();
    await admin.page.getByRole('alertdialog', { name: 'Reset the password of Bob Manager' }).getByRole('button', { name: 'Confirm' }).click();
    const resetField = admin.page.locator('#users-reset-link');
    await resetField.waitFor();
    const resetUrl = await resetField.inputValue();
    expect(resetUrl).toMatch(new RegExp(`^${origin}/#/reset/[A-Za-z0-9_-]{20,}$`));
    await admin.page.screenshot({ path: SHOT('users-reset') });
    await waitForStatus(manager.page, 'Your session ended — sign in again', 30_000);
    await manager.page.locator('.topbar').screenshot({ path: SHOT('status-signed-out') });
    await goHash(manager.page, new URL(resetUrl).hash);
    await manager.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await manager.page.getByRole('textbox', { name: 'New password', exact: true }).fill('bob new password');
    await manager.page.getByLabel('Repeat the password').fill('bob new password');
    await manager.page.screenshot({ path: SHOT('reset') });
    await markDocument(manager.page);
    await manager.page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await waitForBase(manager.page);
    await manager.page.getByRole('button', { name: 'Account: Bob Manager, View-only' }).waitFor();

    // Sign out goes back to the device's own base; the new password signs in again.
    await manager.page.getByRole('button', { name: 'Account: Bob Manager, View-only' }).click();
    await markDocument(manager.page);
    await manager.page.getByRole('button', { name: 'Sign out' }).click();
    await waitForBase(manager.page, false);
    expect(await manager.page.evaluate(() => localStorage.getItem('clientela.session'))).toBeNull();
    await waitForStatus(manager.page, 'On this device only');
    await manager.page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(manager.page, 'Bob Manager', 'bob new password');
    await waitForBase(manager.page);
    await manager.page.getByRole('button', { name: 'Account: Bob Manager, View-only' }).waitFor();

    // Disabling ends his session at once and he can no longer sign in.
    await bobRow.getByRole('button', { name: 'Disable Bob Manager' }).click();
    await admin.page.getByRole('alertdialog', { name: 'Disable Bob Manager' }).getByRole('button', { name: 'Confirm' }).click();
    await bobRow.getByRole('cell', { name: 'Disabled' }).waitFor();
    await bobRow.getByRole('button', { name: 'Enable Bob Manager' }).waitFor();
    await admin.page.screenshot({ path: SHOT('users-page') });
    await waitForStatus(manager.page, 'Your session ended — sign in again', 30_000);
    await goHash(manager.page, '#/login');
    await signIn(manager.page, 'Bob Manager', 'bob new password');
    await manager.page.getByRole('alert').filter({ hasText: 'Wrong name or password.' }).waitFor();

    // Enabled again, he signs in with the password he chose.
    await bobRow.getByRole('button', { name: 'Enable Bob Manager' }).click();
    await admin.page.getByRole('alertdialog', { name: 'Enable Bob Manager' }).getByRole('button', { name: 'Confirm' }).click();
    await bobRow.getByRole('cell', { name: 'Active' }).waitFor();
    await signIn(manager.page, 'Bob Manager', 'bob new password');
    await waitForBase(manager.page);
    await manager.page.getByRole('button', { name: 'Account: Bob Manager, View-only' }).waitFor();

    expect(admin.errors).toEqual([]);
    expect(manager.errors).toEqual([]);
  }, 240_000);
});
