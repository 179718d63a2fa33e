/**
 * Trust, end to end: the "not protected" notice when the browser refuses persistent storage,
 * exporting a full backup by clicking, restoring it in a fresh profile, and a damaged file
 * refused with a clear message and nothing changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';

const SHOTS = process.env.E2E_SCREENSHOTS ?? tmpdir();

/** Seed records: names with diacritics and Cyrillic, phones, a money value, one in the trash. */
const SEED = [
  { id: 'seed-stefanescu', $section: 'orgs', name: 'Ștefănescu SRL', city: 'Iași', revenue: 1200.5, phones: [{ kind: 'work', value: '+40 232 111 222' }] },
  { id: 'seed-horizont', $section: 'orgs', name: 'Новые Горизонты', city: 'Москва' },
  { id: 'seed-nunez', $section: 'people', firstName: 'María José', lastName: 'Núñez', emails: [{ kind: 'work', value: 'mj@nunez.es' }] },
  { id: 'seed-trashed', $section: 'notes', title: 'Old note', $deleted: 1 },
];

/**
 * Seeds records through the engine (seeding only: the Add flow is tested elsewhere). The Y.Map
 * class is taken from the document itself, so the page's own copy of Yjs is used.
 */
async function seed(page: Page): Promise<void> {
  await page.evaluate(async (records) => {
    const engine = window.__clientela!.base.engine;
    const shard = engine.shardForNewRecord();
    await engine.run([shard], ([doc]) => {
      const map = doc.getMap('records');
      const RecordMap = map.constructor as new () => typeof map;
      for (const { id, ...values } of records) {
        const record = new RecordMap();
        for (const [key, value] of Object.entries({ $created: 1, $updated: 1, $by: engine.user.id, ...values })) record.set(key, value as never);
        map.set(id, record as never);
      }
    });
    await engine.flush();
  }, SEED);
}

/** What the page's base holds: live projection rows by id and the stored update count. */
async function baseState(page: Page): Promise<{ rows: Record<string, unknown>; updates: number }> {
  return page.evaluate(async () => {
    const engine = window.__clientela!.base.engine;
    const rows: Record<string, unknown> = {};
    for (const row of engine.rows.values()) rows[row.id] = { section: row.section, v: row.v, deleted: row.deleted !== undefined };
    return { rows, updates: await engine.db.updates.count() };
  });
}

async function openBackupTab(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings/backup'));
  await page.getByRole('heading', { name: 'Export a backup' }).waitFor();
}

async function exportByClicking(page: Page, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^clientela-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await page.getByRole('status').filter({ hasText: `Saved ${download.suggestedFilename()}` }).waitFor();
  return path;
}

describeE2E('backup and storage trust', (e2e) => {
  it('when the browser refuses persistent storage, a notice says the base is not protected', async () => {
    const { page, errors } = await e2e.open();
    await page.context().addInitScript(() => {
      const storage = navigator.storage;
      storage.persist = () => Promise.resolve(false);
      storage.persisted = () => Promise.resolve(false);
    });
    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined);
    const notice = page.locator('[data-notice="not-persisted"]');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('has not promised to keep the base');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('a backup exported by clicking restores in a fresh profile with every record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clientela-backup-'));
    const source = await e2e.open();
    await seed(source.page);
    const before = await baseState(source.page);
    expect(Object.keys(before.rows).sort()).toEqual(SEED.map((record) => record.id).sort());
    await openBackupTab(source.page);
    const file = await exportByClicking(source.page, dir);
    await source.page.locator('.settings-page').screenshot({ path: join(SHOTS, 'backup-panel.png') });
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const target = await e2e.open();
    expect(Object.keys((await baseState(target.page)).rows)).toEqual([]);
    await openBackupTab(target.page);
    await target.page.getByLabel('Choose a backup file').setInputFiles(file);
    const dialog = target.page.getByRole('alertdialog', { name: 'Replace the base on this device?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('3 records');
    await target.page.locator('.settings-page').screenshot({ path: join(SHOTS, 'backup-confirm.png') });
    await Promise.all([target.page.waitForEvent('load'), dialog.getByRole('button', { name: 'Replace the base' }).click()]);
    await target.page.waitForFunction(() => (window.__clientela?.base.engine.rows.size ?? 0) > 0, null, { timeout: 30_000 });

    const after = await baseState(target.page);
    expect(after.rows).toEqual(before.rows);
    expect(source.errors).toEqual([]);
    expect(target.errors).toEqual([]);
  });

  it('a damaged file is refused with a message saying what is wrong, and the base is unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clientela-backup-'));
    const { page, errors } = await e2e.open();
    await seed(page);
    await openBackupTab(page);
    const file = await exportByClicking(page, dir);
    const before = await baseState(page);

    const cut = join(dir, 'clientela-backup-cut.json.gz');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await page.getByLabel('Choose a backup file').setInputFiles(cut);
    const alert = page.locator('[data-backup="invalid"]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('clientela-backup-cut.json.gz cannot be restored.');
    expect(text).toContain('The compressed file is damaged or cut short: it cannot be unpacked.');
    expect(text).toContain('Nothing was changed.');
    await page.locator('.settings-page').screenshot({ path: join(SHOTS, 'backup-error.png') });

    const notBackup = join(dir, 'clients.csv');
    writeFileSync(notBackup, 'name;city\nAlfa;Cluj\n');
    await page.getByLabel('Choose a backup file').setInputFiles(notBackup);
    await page.locator('[data-backup="invalid"]', { hasText: 'This is not a Clientela backup file' }).waitFor();

    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await baseState(page)).toEqual(before);
    expect(errors).toEqual([]);
  });
});
