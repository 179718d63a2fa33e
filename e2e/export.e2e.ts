/**
 * Export and print in Chromium: the filtered, sorted view with its visible columns goes out as
 * CSV and XLSX (real downloads), and comes back through the app's own import engine with the
 * same values; the list and a card open as print views with the records in them.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FieldValues } from '../web/engine/commands';
import { exportedHeaderTarget } from '../web/export/export-headers';
import type { ColumnMapping, ColumnTarget } from '../web/import/column-target';
import type { ImportRecord } from '../web/import/import-record';
import { analyzeFile, readRecords, type FileAnalysis } from '../web/import/read-file';
import { bytesSource } from '../web/import/source';
import { readSpreadsheet } from '../web/import/spreadsheet/read-spreadsheet';
import { builtinFields, type SectionId } from '../web/schema/fields';
import { describeE2E } from './suite';

// Phones in kind order (mobile before work): the export writes one column per kind in that order.
const ORGS: FieldValues[] = [
  { name: 'ООО «Ромашка»', taxId: '0077012345', city: 'Iași', manager: 'Ана', revenue: 1234.56, phones: [{ kind: 'mobile', value: '0744 123 456' }, { kind: 'work', value: '+40 0722 000 111' }], emails: [{ kind: 'work', value: 'office@romashka.ru' }] },
  { name: 'Ștefănescu & Fiii', taxId: '0012345678', city: 'Iași', manager: 'Ion', revenue: 0.5, phones: [{ kind: 'work', value: '+0040 264 000 000' }] },
  { name: 'Café "Le Nord", SA', taxId: '00123', city: 'Iași', manager: 'Zoë', revenue: -12345.67, emails: [{ kind: 'work', value: 'zoe@lenord.fr' }] },
  { name: 'Alfa Logistic', taxId: '111', city: 'Cluj', manager: 'Ion', revenue: 250 },
  { name: 'Дельта Фарма', taxId: '222', city: 'Москва', manager: 'Ана', revenue: 99.99 },
];
/** The rows the view keeps (City = Iași), in its sort order (Name descending: the collation puts Cyrillic after Latin). */
const SHOWN = [ORGS[0], ORGS[1], ORGS[2]];
/** Visible columns after hiding Manager. */
const VISIBLE = new Set(['name', 'taxId', 'category', 'city', 'phones', 'emails', 'revenue']);

/** Records every print view the app hands to a frame, so the test can read what was printed. */
const CAPTURE_PRINTS = `
  window.__printed = [];
  new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes)
      if (node instanceof HTMLIFrameElement && node.srcdoc) window.__printed.push(node.srcdoc);
  }).observe(document, { childList: true, subtree: true });
`;

async function seed(page: Page): Promise<void> {
  await page.evaluate((list) => window.__clientela!.bench.createRecords('orgs', list), ORGS);
  await page.locator('[role=grid] [role=row][data-record-id]').nth(ORGS.length - 1).waitFor();
}

function names(page: Page): Promise<string[]> {
  return page.locator('[role=grid] [role=row][data-record-id] [data-field=name]').allTextContents();
}

/** Through the UI: City = Iași (AutoFilter), sort by Name descending, hide the Manager column. */
async function filterSortHide(page: Page): Promise<void> {
  const city = page.locator('[role=columnheader][data-field=city]');
  await city.getByRole('button', { name: /^Filter / }).click();
  const filter = page.getByRole('dialog', { name: /^Filter: / });
  await filter.getByRole('button', { name: 'Clear all' }).click();
  await filter.getByRole('checkbox', { name: /Iași/ }).check();
  await filter.getByRole('button', { name: 'OK' }).click();
  const name = page.locator('[role=columnheader][data-field=name] .th-sort');
  await name.click();
  await name.click();
  await page.getByRole('button', { name: 'Columns' }).click();
  const columns = page.getByRole('dialog', { name: 'Columns shown, in order' });
  await columns.getByRole('checkbox', { name: 'Manager' }).uncheck();
  await columns.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => names(page), { timeout: 10_000 }).toEqual(SHOWN.map((org) => String(org.name)));
  expect(await page.locator('[role=columnheader][data-field=manager]').count()).toBe(0);
}

/** Exports through the dialog and returns the downloaded file. */
async function exportAs(page: Page, format: RegExp, scopeSelected = false): Promise<{ name: string; bytes: Uint8Array }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  if (scopeSelected) await dialog.getByRole('radio', { name: /^Selected rows/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await dialog.getByRole('status').filter({ hasText: 'Saved as' }).waitFor();
  await page.screenshot({ path: `/tmp/export-e2e-dialog-${download.suggestedFilename().split('.').pop()}.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) };
}

/** The mapping the importer gets when it recognises our own headers (web/export/export-headers.ts). */
function ownHeaders(section: SectionId) {
  const fields = builtinFields(section);
  return (analysis: FileAnalysis): ColumnMapping => ({
    section,
    preset: null,
    multiValueSeparator: null,
    targets: analysis.headers.map((header): ColumnTarget => {
      const target = exportedHeaderTarget(header, fields);
      if (!target) return { kind: 'skip', reason: 'user' };
      return { kind: 'field', field: target.field, ...(target.entryKind ? { entryKind: target.entryKind } : {}) };
    }),
  });
}

/** Reads a downloaded file back with the app's import engine. */
async function importBack(file: { name: string; bytes: Uint8Array }): Promise<{ analysis: FileAnalysis; records: ImportRecord[] }> {
  const source = bytesSource(file.name, file.bytes);
  const analysis = await analyzeFile(source);
  expect(analysis.problems).toEqual([]);
  const records: ImportRecord[] = [];
  for await (const batch of readRecords(source, analysis, { mapping: ownHeaders('orgs')(analysis) })) records.push(...batch);
  return { analysis, records };
}

/** What each shown org should come back as: its visible fields, nothing else. */
function expectedValues(org: FieldValues): FieldValues {
  return Object.fromEntries(Object.entries(org).filter(([field]) => VISIBLE.has(field)));
}

describeE2E('export of the filtered, sorted view with its visible columns', (e2e) => {
  it('CSV: UTF-8 with BOM, exactly the filtered rows in view order, phones and decimals intact, read back by the import engine', async () => {
    const { page, errors } = await e2e.open();
    await page.goto(`${e2e.server().url}#/orgs`);
    await seed(page);
    await filterSortHide(page);
    const file = await exportAs(page, /^CSV/);
    expect(file.name).toMatch(/^Organizations .*\.csv$/);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('+40 0722 000 111');
    expect(text).toContain('+0040 264 000 000');
    expect(text).not.toContain('Manager');
    expect(text).not.toContain('Alfa Logistic');

    const { analysis, records } = await importBack(file);
    expect(analysis.format).toBe('csv');
    expect(analysis.encoding?.encoding).toMatch(/utf-8/i);
    expect(analysis.headers[0]).toBe('Name');
    expect(records.map((record) => record.values)).toEqual(SHOWN.map(expectedValues));
    expect(errors.join('\n')).toBe('');
  });

  it('XLSX: the same rows come back through readSpreadsheet and the import engine, phones and tax ids as text, revenue as numbers', async () => {
    const { page, errors } = await e2e.open();
    await page.goto(`${e2e.server().url}#/orgs`);
    await seed(page);
    await filterSortHide(page);
    const file = await exportAs(page, /^Excel workbook/);
    expect(file.name).toMatch(/\.xlsx$/);

    const [sheet] = await readSpreadsheet(file.bytes, 'xlsx');
    const header = sheet.rows[0].map(String);
    expect(header).not.toContain('Manager');
    const column = (title: string) => header.indexOf(title);
    expect(sheet.rows.slice(1).map((row) => row[column('Name')])).toEqual(SHOWN.map((org) => org.name));
    expect(sheet.rows.slice(1).map((row) => row[column('Tax ID')])).toEqual(SHOWN.map((org) => org.taxId));
    expect(sheet.rows.slice(1).map((row) => row[column('Revenue')])).toEqual(SHOWN.map((org) => org.revenue));
    expect(sheet.rows[1][column('Phones (Work)')]).toBe('+40 0722 000 111');

    const { analysis, records } = await importBack(file);
    expect(analysis.format).toBe('xlsx');
    expect(records.map((record) => record.values)).toEqual(SHOWN.map(expectedValues));
    expect(errors.join('\n')).toBe('');
  });

  it('the selected rows only, when the selection is chosen', async () => {
    const { page, errors } = await e2e.open();
    await page.goto(`${e2e.server().url}#/orgs`);
    await seed(page);
    await filterSortHide(page);
    const row = page.locator('[role=row][data-record-id]').filter({ hasText: 'Café' });
    await row.getByRole('checkbox').check();
    const file = await exportAs(page, /^CSV/, true);
    const { records } = await importBack(file);
    expect(records.map((record) => record.values)).toEqual([expectedValues(ORGS[2])]);
    expect(errors.join('\n')).toBe('');
  });

  it('people: the organization (a reference) goes out as its name, not its id', async () => {
    const { page, errors } = await e2e.open();
    await page.goto(`${e2e.server().url}#/people`);
    await page.evaluate((list) => window.__clientela!.bench.createRecords('orgs', list), ORGS.slice(0, 1));
    const orgId = await page.evaluate(() => [...window.__clientela!.base.engine.rows.values()].find((row) => row.section === 'orgs')!.id);
    await page.evaluate((org) => window.__clientela!.bench.createRecords('people', [{ firstName: 'Ольга', lastName: 'Știrbu', org, phones: [{ kind: 'mobile', value: '+40 0755 111 222' }] }]), orgId);
    await page.locator('[role=grid] [role=row][data-record-id]').first().waitFor();
    const file = await exportAs(page, /^CSV/);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('ООО «Ромашка»');
    expect(text).not.toContain(orgId);
    const source = bytesSource(file.name, file.bytes);
    const analysis = await analyzeFile(source);
    const records: ImportRecord[] = [];
    for await (const batch of readRecords(source, analysis)) records.push(...batch);
    expect(records).toHaveLength(1);
    expect(records[0].orgName).toBe('ООО «Ромашка»');
    expect(records[0].values).toMatchObject({ firstName: 'Ольга', lastName: 'Știrbu', phones: [{ kind: 'mobile', value: '+40 0755 111 222' }] });
    expect(errors.join('\n')).toBe('');
  });
});

describeE2E('print views of the list and of a card', (e2e) => {
  it('Print opens a print view of the filtered list with its records and visible columns', async () => {
    const { page, profile, errors } = await e2e.open();
    await profile.context.addInitScript({ content: CAPTURE_PRINTS });
    await page.goto(`${e2e.server().url}#/orgs`);
    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined);
    await seed(page);
    await filterSortHide(page);
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    const html = await page.waitForFunction(() => (window as unknown as { __printed: string[] }).__printed[0]).then((handle) => handle.jsonValue() as Promise<string>);

    const view = await profile.context.newPage();
    await view.setContent(html);
    expect(await view.locator('h1').textContent()).toBe('Organizations');
    expect(await view.locator('thead th').allTextContents()).not.toContain('Manager');
    const firstColumn = await view.locator('tbody tr td:first-child').allTextContents();
    expect(firstColumn).toEqual(SHOWN.map((org) => org.name));
    expect(await view.locator('tbody').textContent()).toContain('+40 0722 000 111');
    await view.screenshot({ path: '/tmp/export-e2e-print-list.png' });
    await view.close();
    expect(errors.join('\n')).toBe('');
  });

  it('a card\'s Print opens a print view of that record', async () => {
    const { page, profile, errors } = await e2e.open();
    await profile.context.addInitScript({ content: CAPTURE_PRINTS });
    await page.goto(`${e2e.server().url}#/orgs`);
    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined);
    await seed(page);
    await page.locator('[role=row][data-record-id]').filter({ hasText: 'Ромашка' }).dblclick();
    const card = page.getByRole('dialog', { name: 'ООО «Ромашка»' });
    await card.waitFor();
    await page.screenshot({ path: '/tmp/export-e2e-card.png' });
    await card.getByRole('button', { name: 'Print' }).click();
    const html = await page.waitForFunction(() => (window as unknown as { __printed: string[] }).__printed[0]).then((handle) => handle.jsonValue() as Promise<string>);
    const view = await profile.context.newPage();
    await view.setContent(html);
    const text = (await view.locator('body').textContent()) ?? '';
    expect(text).toContain('ООО «Ромашка»');
    expect(text).toContain('+40 0722 000 111');
    expect(text).toContain('0077012345');
    expect(text).not.toContain('Alfa Logistic');
    await view.screenshot({ path: '/tmp/export-e2e-print-card.png' });
    await view.close();
    expect(errors.join('\n')).toBe('');
  });
});
