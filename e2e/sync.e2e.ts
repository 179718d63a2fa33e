/**
 * Two managers in two Chromium profiles edit the same client through the relay; one of them is
 * offline meanwhile. Both end with the merged card, before and after a reload.
 * Sessions are created through the relay's API from Node and stored in localStorage
 * ('clientela.session') before the app loads, as the sign-in page does.
 */
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeE2E } from './suite';
import { acceptAdminLink, inviteAccount, type Grant } from './relay-accounts';

/** Stores the session before any page script runs, as the sign-in page leaves it. */
async function signIn(context: BrowserContext, grant: Grant): Promise<void> {
  await context.addInitScript((session) => localStorage.setItem('clientela.session', session), JSON.stringify(grant));
}

async function status(page: Page) {
  return page.evaluate(() => window.__clientela!.base.syncStatus());
}

async function waitForStatus(page: Page, predicate: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(`(() => { const s = window.__clientela && window.__clientela.base.syncStatus(); return !!s && (${predicate}); })()`, null, { timeout });
}

async function recordValues(page: Page, id: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((recordId) => window.__clientela!.base.engine.rows.get(recordId)?.v ?? null, id);
}

/** Opens the client's card and changes one field through the form, as a user does. */
async function editField(page: Page, id: string, label: string, text: string): Promise<void> {
  await page.evaluate((recordId) => (location.hash = `#/orgs/${recordId}`), id);
  const box = page.getByRole('dialog').getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

describeE2E('office sync', (e2e) => {
  it('two managers edit the same client, one offline: both see the merged card, also after a reload', async () => {
    const admin = await acceptAdminLink(e2e.server());
    const ann = await inviteAccount(e2e.server(), admin, 'Ann Manager', 'manager');
    const sam = await inviteAccount(e2e.server(), admin, 'Sam Senior', 'senior');

    // Profile A: Ann, who owns the client. Profile B: Sam, a senior manager who may change every book.
    const a = await e2e.open();
    await signIn(a.profile.context, ann);
    await a.page.reload();
    await a.page.waitForFunction(() => window.__clientela?.base.account()?.name === 'Ann Manager');
    await waitForStatus(a.page, "s.connection === 'connected'");
    await a.page.evaluate(() => window.__clientela!.bench.createRecords('orgs', [{ name: 'Merge Co', city: 'Lyon' }]));
    const id = await a.page.evaluate(() => [...window.__clientela!.base.engine.rows.values()].find((row) => row.v.name === 'Merge Co')!.id);
    await waitForStatus(a.page, 's.savedOnRelay && s.pendingChanges === 0');

    const b = await e2e.open();
    await signIn(b.profile.context, sam);
    await b.page.reload();
    await b.page.waitForFunction(() => window.__clientela?.base.account()?.name === 'Sam Senior');
    await b.page.waitForFunction((recordId) => window.__clientela!.base.engine.rows.has(recordId), id, { timeout: 20_000 });
    await waitForStatus(b.page, "s.connection === 'connected' && s.docsToFetch === 0");

    // B goes offline and changes the city; A, online, renames the client meanwhile.
    await b.profile.context.setOffline(true);
    await waitForStatus(b.page, "s.connection === 'offline'");
    await editField(b.page, id, 'City', 'Cluj');
    await editField(a.page, id, 'Name', 'Merge Co Ltd');
    await waitForStatus(b.page, 's.pendingChanges >= 1 && !s.savedOnRelay');
    await waitForStatus(a.page, 's.savedOnRelay');
    expect((await status(b.page))?.connection).toBe('offline');
    // Nothing of B's offline edit reached A.
    await a.page.waitForTimeout(1000);
    expect(await recordValues(a.page, id)).toMatchObject({ name: 'Merge Co Ltd', city: 'Lyon' });
    await b.page.screenshot({ path: '/tmp/sync-b-offline.png' });

    await b.profile.context.setOffline(false);
    const merged = { name: 'Merge Co Ltd', city: 'Cluj' };
    for (const page of [a.page, b.page]) {
      await page.waitForFunction((recordId) => {
        const v = window.__clientela!.base.engine.rows.get(recordId)?.v;
        return v?.name === 'Merge Co Ltd' && v?.city === 'Cluj';
      }, id, { timeout: 20_000 });
      await waitForStatus(page, 's.savedOnRelay && s.pendingChanges === 0 && s.connection === \'connected\'');
      // The open card shows both values.
      await expect.poll(() => page.getByRole('dialog').getByLabel('Name', { exact: true }).inputValue()).toBe(merged.name);
      await expect.poll(() => page.getByRole('dialog').getByLabel('City', { exact: true }).inputValue()).toBe(merged.city);
    }
    await a.page.screenshot({ path: '/tmp/sync-a-merged.png' });

    // After a reload both bases still hold the merged client.
    for (const page of [a.page, b.page]) {
      await page.reload();
      await page.waitForFunction(() => window.__clientela !== undefined);
      expect(await recordValues(page, id)).toMatchObject(merged);
      await expect.poll(() => page.getByRole('dialog').getByLabel('City', { exact: true }).inputValue()).toBe(merged.city);
      await waitForStatus(page, "s.connection === 'connected' && s.savedOnRelay");
    }
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
