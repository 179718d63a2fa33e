/**
 * Settings in a real browser, by clicking and typing: sections renamed and hidden (the
 * navigation follows at once, Ctrl+Z undoes), the life of a custom field, and the language.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';

const SHOTS = process.env.SETTINGS_SHOTS_DIR ?? '/tmp';

function nav(page: Page) {
  return page.getByRole('navigation', { name: /.+/ });
}

async function navLinks(page: Page): Promise<string[]> {
  return nav(page).getByRole('link').allTextContents();
}

/** Waits until the navigation shows exactly these links (it updates reactively). */
async function expectNav(page: Page, links: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) => JSON.stringify([...document.querySelectorAll('nav a')].map((a) => a.textContent)) === JSON.stringify(expected),
    links,
    { timeout: 5_000 },
  ).catch(() => undefined);
  expect(await navLinks(page)).toEqual(links);
}

async function openSettingsTab(page: Page, tab: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('heading', { level: 2, name: tab }).waitFor();
}

/** Ctrl+Z as a user presses it: outside a text box, where the browser's own undo would act. */
async function undo(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
}

async function fieldNames(page: Page): Promise<string[]> {
  return page.locator('table.settings-fields tbody input[type=text]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** Polls the field names until `done` holds (the table re-renders after the command), then returns them. */
async function waitForNames(page: Page, done: (names: string[]) => boolean): Promise<string[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const names = await fieldNames(page);
    if (done(names)) return names;
    await page.waitForTimeout(100);
  }
  return fieldNames(page);
}

describeE2E('settings', (e2e) => {
  it('renames a section and the navigation follows at once; Ctrl+Z undoes it; a section can be hidden but not the last one', async () => {
    const { page, errors } = await e2e.open();
    await nav(page).getByRole('link', { name: 'Organizations' }).waitFor();
    await openSettingsTab(page, 'Sections');
    await page.screenshot({ path: `${SHOTS}/settings-sections.png`, fullPage: true });

    const name = page.getByRole('textbox', { name: 'Name of section Organizations' });
    await name.fill('Clients');
    await name.press('Enter');
    await expectNav(page, ['Today', 'Calendar', 'Clients', 'Contacts', 'Events', 'Tasks', 'Notes', 'Links', 'Settings']);

    await undo(page);
    await expectNav(page, ['Today', 'Calendar', 'Organizations', 'Contacts', 'Events', 'Tasks', 'Notes', 'Links', 'Settings']);
    expect(await name.inputValue()).toBe('Organizations');

    // An empty name restores the default.
    await name.fill('Clients');
    await name.press('Enter');
    await expectNav(page, ['Today', 'Calendar', 'Clients', 'Contacts', 'Events', 'Tasks', 'Notes', 'Links', 'Settings']);
    await name.fill('');
    await name.press('Enter');
    await expectNav(page, ['Today', 'Calendar', 'Organizations', 'Contacts', 'Events', 'Tasks', 'Notes', 'Links', 'Settings']);
    expect(await name.inputValue()).toBe('Organizations');

    // Another section's name is refused with a message, and nothing changes.
    await name.fill('contacts');
    await name.press('Enter');
    expect(await page.locator('#settings-section-error-orgs').textContent()).toBe('Another section is already called “contacts”. Choose a different name.');
    await expectNav(page, ['Today', 'Calendar', 'Organizations', 'Contacts', 'Events', 'Tasks', 'Notes', 'Links', 'Settings']);
    await name.press('Escape');

    await page.getByRole('checkbox', { name: 'Show section Links' }).uncheck();
    await expectNav(page, ['Today', 'Calendar', 'Organizations', 'Contacts', 'Events', 'Tasks', 'Notes', 'Settings']);

    await page.getByRole('checkbox', { name: 'Show section Contacts' }).uncheck();
    await page.getByRole('checkbox', { name: 'Show section Events' }).uncheck();
    await page.getByRole('checkbox', { name: 'Show section Tasks' }).uncheck();
    await page.getByRole('checkbox', { name: 'Show section Notes' }).uncheck();
    await expectNav(page, ['Today', 'Calendar', 'Organizations', 'Settings']);
    const last = page.getByRole('checkbox', { name: 'Show section Organizations' });
    expect(await last.isChecked()).toBe(true);
    expect(await last.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('adds a custom field, refuses bad input, renames, moves, hides, deletes, restores and deletes it permanently', async () => {
    const { page, errors } = await e2e.open();
    await openSettingsTab(page, 'Fields');
    expect(await page.getByRole('combobox', { name: 'Section' }).inputValue()).toBe('orgs');
    await page.screenshot({ path: `${SHOTS}/settings-fields-top.png` });

    // Built-in fields can be renamed; an empty name brings back the built-in label.
    const city = page.getByRole('textbox', { name: 'Name of field City' });
    await city.fill('Town');
    await city.press('Enter');
    const town = page.getByRole('textbox', { name: 'Name of field Town' });
    await town.waitFor();
    await town.fill('');
    await town.press('Enter');
    await city.waitFor();
    expect(await city.inputValue()).toBe('City');

    const newName = page.getByRole('textbox', { name: 'Name', exact: true });
    const newType = page.getByRole('combobox', { name: 'Type', exact: true });
    const addButton = page.getByRole('button', { name: 'Add field' });
    const alert = page.locator('#settings-add-error');

    await addButton.click();
    expect(await alert.textContent()).toBe('Type a name for the field.');

    await newName.fill('Employees');
    await newType.selectOption('number');
    await addButton.click();
    const employees = page.getByRole('textbox', { name: 'Name of field Employees' });
    await employees.waitFor();
    expect((await fieldNames(page)).at(-1)).toBe('Employees');

    await newName.fill('  employees ');
    await addButton.click();
    expect(await alert.textContent()).toContain('already has a field named “employees”');

    await newName.fill('Segment');
    await newType.selectOption('choice');
    await addButton.click();
    expect(await alert.textContent()).toContain('needs at least one option');
    expect(await fieldNames(page)).not.toContain('Segment');
    await page.screenshot({ path: `${SHOTS}/settings-fields-errors.png`, fullPage: true });
    await newName.fill('');
    await newType.selectOption('text');

    await employees.fill('Staff');
    await employees.press('Enter');
    const staff = page.getByRole('textbox', { name: 'Name of field Staff' });
    await staff.waitFor();

    // Moving with the keyboard keeps the focus on the button, so it can be pressed again.
    const before = await fieldNames(page);
    await page.getByRole('button', { name: 'Move Staff up' }).focus();
    await page.keyboard.press('Enter');
    const after = await waitForNames(page, (names) => names.at(-2) === 'Staff');
    expect(after.slice(-2)).toEqual(['Staff', before.at(-2)]);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move Staff up', null, { timeout: 2_000 });
    await page.keyboard.press('Enter');
    expect((await waitForNames(page, (names) => names.at(-3) === 'Staff')).slice(-3)).toEqual(['Staff', before.at(-3), before.at(-2)]);

    const shown = page.getByRole('checkbox', { name: 'Show field Staff' });
    await shown.uncheck();
    await page.waitForFunction(() => document.querySelector('tr.settings-row-hidden') !== null);
    expect(await shown.isChecked()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/settings-fields.png`, fullPage: true });

    await page.getByRole('button', { name: 'Delete field Staff' }).click();
    const restore = page.getByRole('button', { name: 'Restore field Staff' });
    await restore.waitFor();
    expect(await fieldNames(page)).not.toContain('Staff');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Restore field Staff', null, { timeout: 2_000 });

    await restore.click();
    await staff.waitFor();
    await page.getByRole('button', { name: 'Delete field Staff' }).click();

    const purge = page.getByRole('button', { name: 'Delete field Staff permanently' });
    await purge.click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete “Staff” permanently?' });
    await dialog.waitFor();
    await page.screenshot({ path: `${SHOTS}/settings-fields-confirm.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await restore.count()).toBe(1);

    await purge.click();
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await restore.waitFor({ state: 'detached' });
    expect(await fieldNames(page)).not.toContain('Staff');

    // The permanent delete is one undo step too.
    await undo(page);
    await restore.waitFor();

    // A choice field gets its options from the options editor.
    const form = page.locator('form.settings-add');
    const option = form.getByRole('textbox', { name: 'New option' });
    await newName.fill('Segment');
    await newType.selectOption('choice');
    await option.fill('Key');
    await option.press('Enter');
    await option.fill('key ');
    await option.press('Enter');
    expect(await form.locator('#settings-add-options-error').textContent()).toBe('The option “key” is already in the list.');
    await option.fill('One-off');
    await form.getByRole('button', { name: 'Add option' }).click();
    await form.getByRole('button', { name: 'Remove option One-off' }).click();
    await option.fill('Regular');
    await option.press('Enter');
    await addButton.click();
    await page.getByRole('textbox', { name: 'Name of field Segment' }).waitFor();
    expect(await page.locator('form.settings-add [role=status]').textContent()).toBe('Field “Segment” added at the end of the list.');

    // The options of an existing choice field can be edited, but never down to none.
    await page.getByRole('button', { name: 'Options of Segment' }).click();
    const editor = page.locator('tr.settings-options-row');
    const chips = editor.locator('.settings-option-list li span');
    expect(await chips.allTextContents()).toEqual(['Key', 'Regular']);
    await editor.getByRole('button', { name: 'Remove option Key' }).click();
    await editor.getByRole('button', { name: 'Remove option Key' }).waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Remove option Regular' }).click();
    expect(await editor.getByRole('alert').textContent()).toContain('at least one option');
    expect(await chips.allTextContents()).toEqual(['Regular']);
    await newType.selectOption('multichoice');
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-fields-options.png` });
    expect(errors).toEqual([]);
  });

  it('switches the language at once and keeps it after a reload; dates, numbers and money follow', async () => {
    const { page, errors } = await e2e.open();
    await openSettingsTab(page, 'General');
    expect(await page.locator('#settings-language option').allTextContents()).toEqual(['English', 'Español', 'Română', 'Русский']);
    await page.getByRole('combobox', { name: 'Currency of money fields' }).selectOption('RON');
    await page.screenshot({ path: `${SHOTS}/settings-general-en.png`, fullPage: true });

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Română' });
    await nav(page).getByRole('link', { name: 'Organizații' }).waitFor();
    expect(await navLinks(page)).toEqual(['Astăzi', 'Calendar', 'Organizații', 'Contacte', 'Evenimente', 'Sarcini', 'Note', 'Linkuri', 'Setări']);
    await page.getByRole('heading', { level: 1, name: 'Setări' }).waitFor();
    const sample = await page.locator('.settings-sample').textContent();
    expect(sample).toContain('31.12.2024');
    expect(sample).toContain('RON');
    await page.screenshot({ path: `${SHOTS}/settings-general-ro.png`, fullPage: true });

    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined);
    await nav(page).getByRole('link', { name: 'Organizații' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Limba' }).inputValue()).toBe('ro');
    expect(await page.locator('.shell').getAttribute('lang')).toBe('ro');
    expect(errors).toEqual([]);
  });

  it('shows the backup tab with its panel', async () => {
    const { page, errors } = await e2e.open();
    await openSettingsTab(page, 'Backup');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { level: 2, name: 'Fields' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/settings/fields');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 2, name: 'Backup' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/settings-backup.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
