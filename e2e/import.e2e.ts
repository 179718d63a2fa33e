import { CORPUS_DIR } from '../web/import/corpus-reader';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { acceptAdminLink, inviteAccount, openSignedIn } from './relay-accounts';
import { describeE2E } from './suite';

/** The corpus is read from the shared folder at test time, never copied into the repo. */
const CORPUS = CORPUS_DIR.replace(/\/$/, '');
const PHONEBOOK = `${CORPUS}/csv/ru_phonebook_excel_cp1251_semicolon_crlf.csv`;

async function openContacts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Import…' }).waitFor();
}

function rowCount(page: Page, section: 'people' | 'orgs'): Promise<number> {
  return page.evaluate((id) => window.__clientela!.bench.rowCount(id), section);
}

/** Opens the wizard on a file, like a user picking it in the file dialog. */
async function pickFile(page: Page, path: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import records' });
  await wizard.getByLabel('Choose a file to import').setInputFiles(path);
  return wizard;
}

/** Imports the Cyrillic phonebook through the wizard with one mapping changed by hand; returns the dialog. */
async function importPhonebook(page: Page, shots: boolean, policy: 'Create them anyway' | 'Skip them' = 'Create them anyway', created = 11) {
  const wizard = await pickFile(page, PHONEBOOK);
  const encoding = wizard.getByRole('combobox', { name: 'Encoding', exact: true });
  await expect.poll(() => encoding.inputValue(), { timeout: 15_000 }).toBe('windows-1251');
  expect(await wizard.getByRole('combobox', { name: 'Delimiter', exact: true }).inputValue()).toBe(';');
  expect(await wizard.getByTestId('import-format').textContent()).toBe('Text table (CSV)');
  const mapping = wizard.getByRole('table', { name: 'Columns of the file and where they go' });
  expect(await mapping.getByRole('row').nth(1).textContent()).toContain('Усольцев Олег Валентинович');
  const position = wizard.getByRole('combobox', { name: 'Where column position goes' });
  expect(await position.inputValue()).toBe('field:position');
  await position.selectOption({ label: 'To notes' });
  expect(await wizard.getByRole('combobox', { name: 'Where column surname goes' }).inputValue()).toBe('middleName');
  if (shots) await page.screenshot({ path: '/tmp/import-2-columns.png' });
  await wizard.getByRole('button', { name: 'Next: preview' }).click();
  const preview = wizard.getByRole('table', { name: 'Preview of the records' });
  await preview.waitFor();
  const header = await preview.getByRole('row').first().textContent();
  expect(header).toContain('Last name');
  expect(header).not.toContain('Position');
  const first = await preview.getByRole('row').nth(1).textContent();
  expect(first).toContain('Усольцев');
  expect(first).toContain('Олег Валентинович');
  expect(first).toContain('position: главный специалист');
  expect(first).toContain('+7 (495) 913-04-78 (other)');
  await wizard.getByText('match an earlier line of the file').waitFor({ timeout: 15_000 });
  if (shots) await page.screenshot({ path: '/tmp/import-3-preview.png' });
  await wizard.getByRole('radio', { name: policy }).check();
  await wizard.getByRole('button', { name: 'Import 9 records' }).click();
  await wizard.getByText(`Created: ${created}`).waitFor({ timeout: 15_000 });
  return wizard;
}

describeE2E('import wizard', (e2e) => {
  it('imports a Windows-1251 ";" file with Cyrillic names: detected, mapped, previewed, stored, found by search, undone from the shell', async () => {
    const { page, errors } = await e2e.open();
    await openContacts(page);
    await page.screenshot({ path: '/tmp/import-0-toolbar.png' });
    const wizard = await importPhonebook(page, true);
    const counts = await wizard.getByRole('status').filter({ hasText: 'Created' }).textContent();
    expect(counts).toContain('Merged: 0');
    expect(counts).toContain('Skipped: 0');
    await page.screenshot({ path: '/tmp/import-4-report.png' });
    expect(await rowCount(page, 'people')).toBe(9);
    expect(await rowCount(page, 'orgs')).toBe(2);
    await wizard.getByRole('button', { name: 'Close' }).click();
    await wizard.waitFor({ state: 'detached' });

    await page.getByRole('searchbox', { name: 'Quick search' }).fill('Наркаев');
    const rows = page.locator('[role=grid] [role=row][data-record-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('Вячеслав Рифхатович');
    await page.screenshot({ path: '/tmp/import-5-search.png' });

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => rowCount(page, 'people'), { timeout: 10_000 }).toBe(0);
    expect(await rowCount(page, 'orgs')).toBe(0);
    await expect.poll(() => rows.count()).toBe(0);
    expect(errors.join('\n')).toBe('');
  });

  it('skipping duplicates lists the skipped line and why; "Undo this import" in the report removes every record it created, in one step', async () => {
    const { page, errors } = await e2e.open();
    await openContacts(page);
    const wizard = await importPhonebook(page, false, 'Skip them', 10);
    expect(await wizard.getByText('Skipped: 1').count()).toBe(1);
    expect(await wizard.locator('.import-skipped li').allTextContents()).toEqual(['Line 5: the same as line 3 of this file (name and city).']);
    expect(await rowCount(page, 'people')).toBe(8);
    await wizard.getByRole('button', { name: 'Undo this import' }).click();
    await wizard.getByText('The import was undone').waitFor();
    await page.screenshot({ path: '/tmp/import-6-undone.png' });
    expect(await rowCount(page, 'people')).toBe(0);
    expect(await rowCount(page, 'orgs')).toBe(0);
    expect(errors.join('\n')).toBe('');
  });

  it('a Thunderbird export is recognised and named; a Google one too', async () => {
    const { page, errors } = await e2e.open();
    await openContacts(page);
    for (const [file, preset] of [['thunderbird_export_quotes_tabs_cr_lf.csv', 'Thunderbird'], ['google_legacy_roundcube_gmail.csv', 'Google Contacts (older export)']]) {
      const wizard = await pickFile(page, `${CORPUS}/csv/${file}`);
      await wizard.getByTestId('import-preset').waitFor({ timeout: 15_000 });
      expect(await wizard.getByTestId('import-preset').textContent()).toBe(preset);
      if (preset === 'Thunderbird') await page.screenshot({ path: '/tmp/import-2b-preset.png' });
      await wizard.getByRole('button', { name: 'Close' }).click();
    }
    expect(await rowCount(page, 'people')).toBe(0);
    expect(errors.join('\n')).toBe('');
  });

  it('an empty file and a cut-off vCard show what is wrong and where, and change nothing', async () => {
    const { page, errors } = await e2e.open();
    await openContacts(page);
    let wizard = await pickFile(page, `${CORPUS}/malformed/real_zero_bytes.csv`);
    const alert = wizard.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('The file is empty.');
    expect(await wizard.getByRole('button', { name: /^Next|^Import \d/ }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/import-7-empty.png' });
    await wizard.getByRole('button', { name: 'Close' }).click();

    wizard = await pickFile(page, `${CORPUS}/malformed/derived_truncated_vcard_mid_photo.vcf`);
    const problems = wizard.getByRole('region', { name: 'Problems found' }).or(wizard.getByRole('alert'));
    await problems.first().waitFor({ timeout: 15_000 });
    expect(await problems.first().textContent()).toMatch(/Contact \d+ \(line \d+\) has no END:VCARD/);
    await page.screenshot({ path: '/tmp/import-8-vcard.png' });
    await wizard.getByRole('button', { name: 'Close' }).click();
    expect(await rowCount(page, 'people')).toBe(0);
    expect(await rowCount(page, 'orgs')).toBe(0);
    expect(errors.join('\n')).toBe('');
  });
});

/** A generated list (quoted notes with line breaks, Cyrillic and diacritics), written at test time. */
function bigCsv(rows: number): string {
  const lines = ['Фамилия;Имя;Телефон;E-mail;Город;Заметки'];
  for (let index = 0; index < rows; index++) {
    lines.push(`Ștefănescu${index};Иван;+40 722 ${String(index).padStart(6, '0')};user${index}@example.ro;Iași;"line one; ""quoted""\nline two ${index}"`);
  }
  return lines.join('\r\n');
}

describeE2E('import wizard with a large file', (e2e) => {
  const ROWS = 100_000;
  let folder = '';
  let path = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'import-e2e-'));
    path = join(folder, 'big.csv');
    writeFileSync(path, bigCsv(ROWS));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** Counts the longest gap between animation frames from now on (the tab's responsiveness). */
  const watchFrames = (page: Page) =>
    page.evaluate(() => {
      const state = { last: performance.now(), maxGap: 0, running: true };
      (window as unknown as { __frames: typeof state }).__frames = state;
      const tick = () => {
        const now = performance.now();
        state.maxGap = Math.max(state.maxGap, now - state.last);
        state.last = now;
        if (state.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  const frameGap = (page: Page) => page.evaluate(() => ((window as unknown as { __frames: { maxGap: number; running: boolean } }).__frames.running = false, Math.round((window as unknown as { __frames: { maxGap: number } }).__frames.maxGap)));

  it('shows progress with rows per second, Cancel stops the import and changes nothing, then the full import completes', async () => {
    const { page, errors } = await e2e.open();
    await openContacts(page);
    const wizard = await pickFile(page, path);
    await watchFrames(page);
    const started = Date.now();
    await wizard.getByRole('button', { name: 'Next: preview' }).waitFor({ timeout: 60_000 });
    console.log(JSON.stringify({ metric: 'wizard_analyze_ms', size: ROWS, value: Date.now() - started, frame_gap_ms: await frameGap(page) }));
    await page.screenshot({ path: '/tmp/import-1-file.png' });
    await wizard.getByRole('button', { name: 'Next: preview' }).click();
    const importButton = wizard.getByRole('button', { name: `Import ${ROWS.toLocaleString('en')} records` });
    await expect.poll(() => importButton.isEnabled(), { timeout: 60_000 }).toBe(true);

    await importButton.click();
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await importButton.waitFor();
    expect(await rowCount(page, 'people')).toBe(0);

    await watchFrames(page);
    const importStarted = Date.now();
    await importButton.click();
    await wizard.getByText(/rows\/s/).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/import-progress.png' });
    await wizard.getByText(`Created: ${ROWS.toLocaleString('en')}`).waitFor({ timeout: 120_000 });
    const importMs = Date.now() - importStarted;
    console.log(JSON.stringify({ metric: 'wizard_import_ms', size: ROWS, value: importMs, rows_per_s: Math.round(ROWS / (importMs / 1000)), frame_gap_ms: await frameGap(page) }));
    expect(await rowCount(page, 'people')).toBe(ROWS);
    expect(errors.join('\n')).toBe('');
  }, 300_000);
});

describeE2E('import wizard on an office relay', (e2e) => {
  it('a View-only user gets no Import button; a Manager does', async () => {
    const server = e2e.server();
    const admin = await acceptAdminLink(server);
    const invite = (name: string, role: string) => inviteAccount(server, admin, name, role);
    for (const [grant, hasImport] of [[await invite('Vic Viewer', 'viewer'), false], [await invite('Ann Manager', 'manager'), true]] as const) {
      const { page, errors } = await openSignedIn(e2e, grant);
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts' }).click();
      await page.getByRole('searchbox', { name: 'Quick search' }).waitFor();
      expect(await page.getByRole('button', { name: 'Import…' }).count()).toBe(hasImport ? 1 : 0);
      if (!hasImport) await page.screenshot({ path: '/tmp/import-9-viewer.png' });
      expect(errors.join('\n')).toBe('');
      await page.close();
    }
  });
});
