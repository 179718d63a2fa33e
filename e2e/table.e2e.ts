import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FieldValues } from '../web/engine/commands';
import { describeE2E } from './suite';

/** Organizations the tests seed (the seeding is the only thing not done through the UI). */
const ORGS: FieldValues[] = [
  { name: 'Ștefănescu Trade', city: 'Iași', category: 'key', manager: 'Ana', revenue: 1000, phones: [{ kind: 'work', value: '+40 722 000 111' }], emails: [{ kind: 'work', value: 'office@stefanescu.ro' }] },
  { name: 'Alfa Logistic', city: 'Cluj', category: 'regular', manager: 'Ion', revenue: 250 },
  { name: 'Zeta Foods', city: 'Iași', category: 'regular', manager: 'Ion', revenue: 40 },
  { name: 'Beta Construct', city: 'Arad', category: 'key', manager: 'Ana', revenue: 600 },
  { name: 'Émile Conseil', city: 'Cluj', category: 'one-off', manager: 'Ana', revenue: 10 },
  { name: 'Delta Pharma', city: 'Arad', category: 'regular', manager: 'Ion' },
];

async function seed(page: Page): Promise<void> {
  await page.evaluate((list) => window.__clientela!.bench.createRecords('orgs', list), ORGS);
  await page.locator('[role=grid] [role=row][data-record-id]').nth(ORGS.length - 1).waitFor();
}

/** The names in the grid, top to bottom. */
function names(page: Page): Promise<string[]> {
  return page.locator('[role=grid] [role=row][data-record-id] [data-field=name]').allTextContents();
}

/** Waits until the grid shows exactly `expected` (names in order). */
async function expectNames(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => names(page), { timeout: 10_000 }).toEqual(expected);
}

function header(page: Page, field: string) {
  return page.locator(`[role=columnheader][data-field=${field}]`);
}

function total(page: Page, field: string, fn: string) {
  return page.locator(`[data-totals-for=${field}] [data-total=${fn}]`);
}

describeE2E('the table of a section', (e2e) => {
  it('sorts by one column and by two (Shift+click), with indicators and aria-sort', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await header(page, 'name').locator('.th-sort').click();
    await expectNames(page, ['Alfa Logistic', 'Beta Construct', 'Delta Pharma', 'Émile Conseil', 'Ștefănescu Trade', 'Zeta Foods']);
    expect(await header(page, 'name').getAttribute('aria-sort')).toBe('ascending');
    await header(page, 'name').locator('.th-sort').click();
    await expectNames(page, ['Zeta Foods', 'Ștefănescu Trade', 'Émile Conseil', 'Delta Pharma', 'Beta Construct', 'Alfa Logistic']);
    expect(await header(page, 'name').getAttribute('aria-sort')).toBe('descending');

    await header(page, 'city').locator('.th-sort').click();
    await header(page, 'revenue').locator('.th-sort').click({ modifiers: ['Shift'] });
    await header(page, 'revenue').locator('.th-sort').click({ modifiers: ['Shift'] });
    // City ascending, then revenue descending inside each city; blank revenue last.
    await expectNames(page, ['Beta Construct', 'Delta Pharma', 'Alfa Logistic', 'Émile Conseil', 'Ștefănescu Trade', 'Zeta Foods']);
    expect(await header(page, 'city').locator('.sort-indicator').textContent()).toBe('▲1');
    expect(await header(page, 'revenue').locator('.sort-indicator').textContent()).toBe('▼2');
    expect(await header(page, 'name').getAttribute('aria-sort')).toBe('none');
    expect(errors.join('\n')).toBe('');
  });

  it('AutoFilter: picking a city changes the rows and the totals; the chip clears it', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await expect.poll(() => total(page, 'revenue', 'count').textContent()).toBe('5');
    expect(await total(page, 'revenue', 'sum').textContent()).toContain('1,900');

    await header(page, 'city').getByRole('button', { name: /^Filter / }).click();
    const dialog = page.getByRole('dialog', { name: /^Filter: / });
    expect(await dialog.locator('.af-list label').allTextContents()).toEqual(['Arad(2)', 'Cluj(2)', 'Iași(2)']);
    await dialog.getByRole('button', { name: 'Clear all' }).click();
    await dialog.getByRole('checkbox', { name: /Iași/ }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();

    await expectNames(page, ['Ștefănescu Trade', 'Zeta Foods']);
    await expect.poll(() => total(page, 'revenue', 'sum').textContent()).toContain('1,040');
    expect(await total(page, 'revenue', 'count').textContent()).toBe('2');
    expect(await total(page, 'revenue', 'average').textContent()).toContain('520');
    expect(await total(page, 'revenue', 'min').textContent()).toContain('40');
    expect(await total(page, 'revenue', 'product').textContent()).toBe('40,000');
    expect(await header(page, 'city').getByRole('button', { name: /^Filter / }).getAttribute('aria-pressed')).toBe('true');

    const chips = page.getByRole('group', { name: 'Active filters' });
    await chips.getByRole('button', { name: /^Remove filter .*Iași/ }).click();
    await expect.poll(() => names(page).then((list) => list.length)).toBe(ORGS.length);
    await expect.poll(() => total(page, 'revenue', 'count').textContent()).toBe('5');
    expect(errors.join('\n')).toBe('');
  });

  it('filters by the value of a cell from its context menu', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    const cell = page.locator('[role=row][data-record-id]').filter({ hasText: 'Beta Construct' }).locator('[data-field=category]');
    await cell.click({ button: 'right' });
    await page.getByRole('menu', { name: 'Cell actions' }).getByRole('menuitem', { name: 'Filter by this value' }).click();
    await expectNames(page, ['Ștefănescu Trade', 'Beta Construct']);
    expect(await page.getByRole('group', { name: 'Active filters' }).textContent()).toContain('Category: Key client');
    expect(errors.join('\n')).toBe('');
  });

  it('quick search finds Ștefănescu from an accent-free, misspelt query, and typing on the grid goes to the search box', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    const search = page.getByRole('searchbox', { name: 'Quick search' });
    await search.fill('Stefanescu');
    await expectNames(page, ['Ștefănescu Trade']);
    await search.fill('Stefanesku');
    await expectNames(page, ['Ștefănescu Trade']);
    await search.fill('');
    await expect.poll(() => names(page).then((list) => list.length)).toBe(ORGS.length);

    await page.getByRole('grid').locator('[role=row][data-record-id]').first().click();
    await page.keyboard.type('zeta');
    expect(await search.inputValue()).toBe('zeta');
    await expectNames(page, ['Zeta Foods']);
    expect(errors.join('\n')).toBe('');
  });

  it('groups rows by city with a count and a subtotal per group, collapsible', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('city');
    const groups = page.locator('[role=grid] .group-row');
    await expect.poll(() => groups.locator('.group-title').allTextContents()).toEqual(['Arad (2)', 'Cluj (2)', 'Iași (2)']);
    expect(await groups.nth(2).locator('.group-sum').textContent()).toContain('1,040');
    await groups.nth(0).getByRole('button', { name: /Arad/ }).click();
    await expect.poll(() => names(page).then((list) => list.length)).toBe(4);
    expect(await groups.nth(0).getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: '/tmp/table-grouped.png' });
    expect(errors.join('\n')).toBe('');
  });

  it('saves a view (sort + filter + columns) and applies it again later', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await header(page, 'revenue').locator('.th-sort').click();
    await header(page, 'category').getByRole('button', { name: /^Filter / }).click();
    const dialog = page.getByRole('dialog', { name: /^Filter: / });
    await dialog.getByRole('checkbox', { name: /One-off/ }).uncheck();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('dialog', { name: 'Columns shown, in order' }).getByRole('checkbox', { name: /^taxId$|Tax/ }).uncheck();
    await page.getByRole('dialog', { name: 'Columns shown, in order' }).getByRole('button', { name: 'Dismiss' }).click();
    const expected = ['Zeta Foods', 'Alfa Logistic', 'Beta Construct', 'Ștefănescu Trade', 'Delta Pharma'];
    await expectNames(page, expected);

    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('textbox', { name: 'View name' }).fill('Big clients');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View “Big clients” saved.').waitFor();

    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await header(page, 'name').locator('.th-sort').click();
    await expectNames(page, ['Alfa Logistic', 'Beta Construct', 'Delta Pharma', 'Émile Conseil', 'Ștefănescu Trade', 'Zeta Foods']);

    await page.getByRole('combobox', { name: 'Saved views' }).selectOption({ label: 'Big clients' });
    await expectNames(page, expected);
    expect(await header(page, 'taxId').count()).toBe(0);
    expect(await header(page, 'revenue').getAttribute('aria-sort')).toBe('ascending');
    expect(errors.join('\n')).toBe('');
  });

  it('keyboard: arrows move the active row, Enter opens the card route', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await header(page, 'name').locator('.th-sort').click();
    await expectNames(page, ['Alfa Logistic', 'Beta Construct', 'Delta Pharma', 'Émile Conseil', 'Ștefănescu Trade', 'Zeta Foods']);
    const grid = page.getByRole('grid');
    await grid.locator('[role=row][data-record-id]').first().click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    const activeId = await grid.getAttribute('aria-activedescendant');
    const activeRow = page.locator(`[id="${activeId}"]`);
    expect(await activeRow.locator('[data-field=name]').textContent()).toBe('Ștefănescu Trade');
    const recordId = await activeRow.getAttribute('data-record-id');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/orgs/${recordId}`);
    await page.screenshot({ path: '/tmp/table-card.png' });
    // Esc closes the card; the keyboard is back on the table, on the same row.
    await page.getByRole('dialog').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/orgs');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await page.keyboard.press('Home');
    expect(await page.locator(`[id="${await grid.getAttribute('aria-activedescendant')}"] [data-field=name]`).textContent()).toBe('Alfa Logistic');
    expect(errors.join('\n')).toBe('');
  });

  it('detailed search combines conditions with AND and OR', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await page.getByRole('button', { name: 'Detailed search' }).click();
    const panel = page.getByRole('region', { name: 'Detailed search' });
    await panel.getByRole('button', { name: 'Add condition' }).click();
    await panel.getByRole('combobox', { name: 'Field' }).selectOption('revenue');
    await panel.getByRole('combobox', { name: 'Condition' }).selectOption('after');
    await panel.getByRole('textbox', { name: 'Value' }).fill('200');
    await expect.poll(() => names(page).then((list) => [...list].sort())).toEqual(['Alfa Logistic', 'Beta Construct', 'Ștefănescu Trade']);

    await panel.getByRole('button', { name: 'Add condition' }).click();
    await panel.getByRole('combobox', { name: 'Field' }).nth(1).selectOption('city');
    await panel.getByRole('combobox', { name: 'Condition' }).nth(1).selectOption('startsWith');
    await panel.getByRole('textbox', { name: 'Value' }).nth(1).fill('iasi');
    await expectNames(page, ['Ștefănescu Trade']);
    await panel.getByRole('radio', { name: /OR/ }).check();
    await expect.poll(() => names(page).then((list) => [...list].sort())).toEqual(['Alfa Logistic', 'Beta Construct', 'Zeta Foods', 'Ștefănescu Trade'].sort());
    await panel.getByRole('textbox', { name: 'Value' }).first().fill('lots');
    await panel.getByText('Not a number').waitFor();
    expect(errors.join('\n')).toBe('');
  });

  it('deletes the selected rows to the trash and restores them from it', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    const rowOf = (name: string) => page.locator('[role=row][data-record-id]').filter({ hasText: name });
    await rowOf('Alfa Logistic').getByRole('checkbox', { name: 'Select row' }).check();
    await rowOf('Zeta Foods').getByRole('checkbox', { name: 'Select row' }).check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => names(page).then((list) => list.length)).toBe(ORGS.length - 2);
    await page.getByRole('button', { name: 'Trash' }).click();
    await expect.poll(() => names(page).then((list) => [...list].sort())).toEqual(['Alfa Logistic', 'Zeta Foods']);
    await page.getByRole('checkbox', { name: 'Select all rows shown' }).check();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The trash is empty.').waitFor();
    await page.getByRole('button', { name: 'Trash' }).click();
    await expect.poll(() => names(page).then((list) => list.length)).toBe(ORGS.length);
    expect(errors.join('\n')).toBe('');
  });

  it('a contacts table shows the organization a person works at by its name', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    await page.evaluate(async () => {
      const hooks = window.__clientela!;
      const org = [...hooks.base.engine.rows.values()].find((row) => row.v.name === 'Alfa Logistic')!;
      await hooks.bench.createRecords('people', [{ firstName: 'Ioana', lastName: 'Mureșan', org: org.id, city: 'Cluj', birthday: '1990-05-17' }]);
    });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts' }).click();
    const row = page.locator('[role=row][data-record-id]').filter({ hasText: 'Mureșan' });
    await row.waitFor();
    expect(await row.locator('[data-field=org]').textContent()).toBe('Alfa Logistic');
    expect(await row.locator('[data-field=birthday]').textContent()).toBe('05/17/1990');
    expect(errors.join('\n')).toBe('');
  });

  it('phones and e-mails are tel: and mailto: links; the grid reports its row count', async () => {
    const { page, errors } = await e2e.open();
    await seed(page);
    const row = page.locator('[role=row][data-record-id]').filter({ hasText: 'Ștefănescu Trade' });
    expect(await row.locator('[data-field=phones] a').getAttribute('href')).toBe('tel:+40722000111');
    expect(await row.locator('[data-field=emails] a').getAttribute('href')).toBe('mailto:office@stefanescu.ro');
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(ORGS.length + 1));
    await page.screenshot({ path: '/tmp/table.png' });
    expect(errors.join('\n')).toBe('');
  });
});
