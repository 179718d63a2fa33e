/**
 * The installable, offline app: installability through the Chrome DevTools Protocol in a
 * persistent profile, the service worker serving the app shell with no network, and the base
 * surviving a reload offline and a browser restart.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';
import { launchProfile, openApp } from './browser';

interface ManifestData {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  icons?: { src: string; sizes?: string; purpose?: string }[];
}

/** Waits until a service worker is active for the page's scope. */
async function serviceWorkerActive(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Whether a service worker controls the page. */
function controlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/** Adds an organization through the new-record card, as a user does. */
async function addOrganization(page: Page, name: string, city: string): Promise<void> {
  await page.goto(new URL('#/orgs/new', page.url()).href);
  const card = page.getByRole('dialog');
  await card.getByLabel('Name', { exact: true }).fill(name);
  await card.getByLabel('City', { exact: true }).fill(city);
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  // Saving opens the stored record's card: wait until the record is in the projection.
  await page.waitForFunction((expected) => [...window.__clientela!.base.engine.rows.values()].some((row) => row.v.name === expected), name);
  await page.keyboard.press('Escape');
  // The write reaches IndexedDB on the next task; the next step reloads or closes the browser.
  await page.evaluate(() => window.__clientela!.base.engine.flush());
}

/** Waits until the Organizations list shows a record named `name`. */
async function expectListed(page: Page, name: string): Promise<void> {
  await page.goto(new URL('#/orgs', page.url()).href);
  await page.getByRole('main').getByText(name, { exact: true }).first().waitFor({ timeout: 20_000 });
}

describeE2E('installable offline app', (e2e) => {
  it('is installable: no installability errors and a complete manifest (CDP)', async () => {
    const { page, profile, errors } = await e2e.open();
    await serviceWorkerActive(page);
    const cdp = await profile.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as ManifestData;
    expect(data.name).toBe('Clientela');
    expect(data.start_url).toBe('/');
    expect(data.display).toBe('standalone');
    expect(data.icons?.some((icon) => icon.sizes === '192x192')).toBe(true);
    expect(data.icons?.some((icon) => icon.sizes === '512x512')).toBe(true);
    expect(data.icons?.some((icon) => icon.purpose === 'maskable')).toBe(true);
    const icon = await page.request.get(new URL(data.icons![0].src, page.url()).href);
    expect(icon.headers()['content-type']).toBe('image/png');
    expect(errors).toEqual([]);
  });

  it('the service worker controls the page after a reload', async () => {
    const { page, errors } = await e2e.open();
    await serviceWorkerActive(page);
    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined);
    expect(await controlled(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('offline, a reload is served by the service worker and the base is still there', async () => {
    const { page, profile, errors } = await e2e.open();
    await serviceWorkerActive(page);
    await addOrganization(page, 'Ștefănescu & Fiii SRL', 'Iași');
    await profile.context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.waitForFunction(() => window.__clientela !== undefined);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await expectListed(page, 'Ștefănescu & Fiii SRL');
    expect(errors).toEqual([]);
  });

  it('the base survives a browser restart, and the restarted app opens with no network', async () => {
    const { page, profile } = await e2e.open();
    await serviceWorkerActive(page);
    await addOrganization(page, 'Иванов и партнёры', 'Москва');
    await profile.close();

    const restarted = await launchProfile({ dir: profile.dir });
    try {
      const errors: string[] = [];
      const again = await openApp(restarted.context, `${e2e.server().url}#/orgs`, errors);
      await expectListed(again, 'Иванов и партнёры');
      expect(await again.evaluate(() => window.__clientela!.bench.rowCount('orgs'))).toBe(1);

      await restarted.context.setOffline(true);
      const response = await again.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await again.waitForFunction(() => window.__clientela !== undefined);
      await expectListed(again, 'Иванов и партнёры');
      expect(errors).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});
