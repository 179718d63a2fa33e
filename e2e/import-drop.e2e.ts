import { CORPUS_DIR } from '../web/import/corpus-reader';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { analyzeFile, readRecords } from '../web/import/read-file';
import { bytesSource } from '../web/import/source';
import { describeE2E } from './suite';

/** The corpus is read from the shared folder at test time, never copied into the repo. */
const CORPUS = CORPUS_DIR.replace(/\/$/, '');
const PHONEBOOK = `${CORPUS}/csv/ru_phonebook_excel_cp1251_semicolon_crlf.csv`;
const PRICES = `${CORPUS}/csv/excel_ru_cp1251_semicolon_decimal_comma.csv`;

/**
 * Drops a file on an element the way Chromium delivers an OS drag: dragenter, dragover, drop, with a real
 * DataTransfer built in the page from the file's bytes (read here in Node).
 */
async function dropFile(page: Page, target: Locator, path: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
      return transfer;
    },
    { bytes: [...readFileSync(path)], name: basename(path) },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}

/** The value of the "Records" fact of the file shown in the wizard. */
function recordsFact(wizard: Locator): Locator {
  return wizard.getByRole('region', { name: 'How the file was read' }).locator('dt:text-is("Records") + dd');
}

describeE2E('import wizard: drag and drop, encoding', (e2e) => {
  it('a file dropped on "Import…" opens the wizard on it: its name, its rows, its columns', async () => {
    const { page, errors } = await e2e.open({ hash: '#/people' });
    const button = page.getByRole('button', { name: 'Import…' });
    await button.waitFor();
    expect(await button.getAttribute('title')).toBe('Drop a file here to import it');
    await dropFile(page, button, PHONEBOOK);
    const wizard = page.getByRole('dialog', { name: 'Import records' });
    await wizard.waitFor({ timeout: 15_000 });
    await expect.poll(() => recordsFact(wizard).textContent(), { timeout: 15_000 }).toBe('9');
    expect(await wizard.getByText('ru_phonebook_excel_cp1251_semicolon_crlf.csv (1 KB)').count()).toBe(1);
    const mapping = wizard.getByRole('table', { name: 'Columns of the file and where they go' });
    expect(await mapping.getByRole('row').nth(1).textContent()).toContain('Усольцев Олег Валентинович');
    await page.screenshot({ path: '/tmp/import2-drop-button.png' });

    // Another file dropped on the wizard's own drop zone replaces the first one.
    await dropFile(page, wizard.locator('label.import-drop'), PRICES);
    await expect.poll(() => recordsFact(wizard).textContent(), { timeout: 15_000 }).toBe('3');
    expect(await wizard.getByText('excel_ru_cp1251_semicolon_decimal_comma.csv (1 KB)').count()).toBe(1);
    expect(await mapping.getByRole('row').nth(2).textContent()).toContain('Crash Bandicoot "PS4"');
    expect(errors.join('\n')).toBe('');
  });

  it('changing the encoding resets the mapping to the new analysis: the headers read differently map differently, and back', async () => {
    const { page, errors } = await e2e.open({ hash: '#/orgs' });
    await page.getByRole('button', { name: 'Import…' }).click();
    const wizard = page.getByRole('dialog', { name: 'Import records' });
    await wizard.waitFor({ timeout: 15_000 });
    await wizard.getByLabel('Choose a file to import').setInputFiles(PRICES);
    const encoding = wizard.getByRole('combobox', { name: 'Encoding', exact: true });
    await expect.poll(() => encoding.inputValue(), { timeout: 15_000 }).toBe('windows-1251');
    const name = wizard.getByRole('combobox', { name: 'Where column Название goes' });
    expect(await name.inputValue()).toBe('field:name');
    await name.selectOption('skip');
    expect(await name.inputValue()).toBe('skip');

    await encoding.selectOption('windows-1252');
    const garbled = wizard.getByRole('combobox', { name: 'Where column Íàçâàíèå goes' });
    await garbled.waitFor({ timeout: 15_000 });
    expect(await garbled.inputValue()).toBe('notes');
    expect(await name.count()).toBe(0);
    expect(await wizard.getByRole('table', { name: 'Columns of the file and where they go' }).textContent()).toContain('Öåíà');
    await page.screenshot({ path: '/tmp/import2-encoding-1252.png' });

    await encoding.selectOption('windows-1251');
    await name.waitFor({ timeout: 15_000 });
    // The suggestion of the new analysis, not the hand edit made before.
    expect(await name.inputValue()).toBe('field:name');
    expect(await wizard.getByRole('combobox', { name: 'Where column Цена goes' }).inputValue()).toBe('newField');
    expect(await garbled.count()).toBe(0);
    await page.screenshot({ path: '/tmp/import2-encoding-1251.png' });
    expect(errors.join('\n')).toBe('');
  });

  it('exporting a cell longer than Excel shows warns in the export dialog, and the file holds the whole text', async () => {
    const { page, errors } = await e2e.open({ hash: '#/orgs' });
    const long = `Very long name ${'x'.repeat(40_000)} end`;
    await page.evaluate((list) => window.__clientela!.bench.createRecords('orgs', list), [{ name: long }, { name: 'Short name' }]);
    await page.locator('[role=grid] [role=row][data-record-id]').nth(1).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /XLSX/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const status = dialog.getByRole('status').filter({ hasText: 'Saved as' });
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toContain('Excel shows only the first 32,767 characters of a cell; cells longer than that: 1. The file keeps their whole text.');
    await page.screenshot({ path: '/tmp/import2-export-long.png' });
    const source = bytesSource(download.suggestedFilename(), new Uint8Array(readFileSync((await download.path())!)));
    const analysis = await analyzeFile(source);
    const names: unknown[] = [];
    for await (const batch of readRecords(source, analysis)) for (const record of batch) names.push(record.values.name);
    expect(names).toContain(long);
    expect(errors.join('\n')).toBe('');
  });
});

