/**
 * Events and tasks as sections (issue 5, foundation) in Chromium: a task with a due date and time
 * and a checklist made in the card, sorted and filtered by due, kept after a reload; a planned
 * call with a reminder, then marked done with a result; totals of event durations.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';

const SHOT = (name: string) => `/tmp/foundation-${name}.png`;

/** The instant of a local date and time in the page (the browser's time zone decides). */
function localInstant(page: Page, day: string, time: string): Promise<number> {
  return page.evaluate(([day, time]) => new Date(`${day}T${time}:00`).getTime(), [day, time] as const);
}

async function create(page: Page, section: 'tasks' | 'events', list: Record<string, unknown>[]): Promise<void> {
  await page.evaluate(([section, list]) => window.__clientela!.bench.createRecords(section as 'tasks', list as never), [section, list] as const);
}

/** The row of `section` whose `field` is `value`, as the engine holds it (waits until it exists). */
async function rowWhere(page: Page, section: string, field: string, value: string) {
  const find = ([section, field, value]: readonly [string, string, string]) => {
    for (const row of window.__clientela!.base.engine.rows.values()) if (row.section === section && row.v[field] === value && !row.deleted) return { id: row.id, v: row.v };
    return null;
  };
  await page.waitForFunction(find, [section, field, value] as const, { timeout: 30_000 });
  return (await page.evaluate(find, [section, field, value] as const))!;
}

/** The texts of one column of the grid, top to bottom. */
function column(page: Page, field: string): Promise<string[]> {
  return page.locator(`[role=grid] [role=row][data-record-id] [data-field=${field}]`).allTextContents();
}

async function typeAndLeave(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole('dialog').getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

describeE2E('events and tasks sections', (e2e) => {
  it('a task with a due date, time and checklist: sorted and filtered by due, kept after a reload', async () => {
    const { page, errors } = await e2e.open({ hash: '#/tasks' });
    await page.getByRole('main').getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('dialog', { name: 'New task' }).waitFor();
    // The form's title follows the task's name as it is typed.
    const form = page.getByRole('dialog');
    await typeAndLeave(page, 'Task', 'Send the price list');
    await form.getByLabel('Due', { exact: true }).fill('2030-05-20');
    await form.getByLabel('Due: time', { exact: true }).fill('14:30');
    const newItem = form.getByLabel('New item of Checklist', { exact: true });
    await newItem.fill('Prepare prices');
    await newItem.press('Enter');
    await newItem.fill('Print the catalogue');
    await newItem.press('Enter');
    // An empty item is refused with a message, and nothing is added.
    await form.getByRole('button', { name: 'Add item' }).click();
    await form.getByRole('alert').filter({ hasText: 'Type the item first.' }).waitFor();
    await form.getByRole('checkbox', { name: 'Done: Prepare prices' }).check();
    await form.getByLabel('Item 2', { exact: true }).fill('Print the new catalogue');
    await form.getByLabel('Item 2', { exact: true }).press('Enter');
    await page.screenshot({ path: SHOT('task-new') });
    await form.getByRole('button', { name: 'Save', exact: true }).click();

    const card = page.getByRole('dialog', { name: 'Send the price list' });
    await card.waitFor();
    const task = await rowWhere(page, 'tasks', 'title', 'Send the price list');
    const me = await page.evaluate(() => window.__clientela!.base.engine.user.id);
    expect(task.v).toMatchObject({
      due: await localInstant(page, '2030-05-20', '14:30'),
      status: 'open',
      priority: 'normal',
      assignee: me,
      checklist: [
        { kind: 'done', value: 'Prepare prices' },
        { kind: 'open', value: 'Print the new catalogue' },
      ],
    });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    await create(page, 'tasks', [
      { title: 'Call Ion back', due: await localInstant(page, '2030-05-18', '10:00') },
      { title: 'Visit Arad', due: await localInstant(page, '2030-05-25', '09:00') },
      { title: 'Someday', priority: 'low' },
    ]);
    await expect.poll(() => column(page, 'title').then((list) => list.length)).toBe(4);

    // Sorted by the instant, blanks last; the cell shows date and time in the UI locale.
    const dueHeader = page.locator('[role=columnheader][data-field=due]');
    await dueHeader.locator('.th-sort').click();
    await expect.poll(() => column(page, 'title')).toEqual(['Call Ion back', 'Send the price list', 'Visit Arad', 'Someday']);
    expect((await column(page, 'due'))[1]).toMatch(/05\/20\/2030.*2:30\s?PM/);
    await dueHeader.locator('.th-sort').click();
    await expect.poll(() => column(page, 'title')).toEqual(['Visit Arad', 'Send the price list', 'Call Ion back', 'Someday']);
    await page.screenshot({ path: SHOT('tasks-table') });

    // Filtered by due: after a day, then between two days.
    await page.getByRole('button', { name: 'Detailed search' }).click();
    const panel = page.getByRole('region', { name: 'Detailed search' });
    await panel.getByRole('button', { name: 'Add condition' }).click();
    await panel.getByRole('combobox', { name: 'Field' }).selectOption('due');
    await panel.getByRole('combobox', { name: 'Condition' }).selectOption('after');
    await panel.getByLabel('Value', { exact: true }).fill('2030-05-19');
    await expect.poll(() => column(page, 'title')).toEqual(['Visit Arad', 'Send the price list']);
    await panel.getByRole('combobox', { name: 'Condition' }).selectOption('between');
    await panel.getByLabel('Value', { exact: true }).fill('2030-05-18');
    await panel.getByLabel('Up to', { exact: true }).fill('2030-05-20');
    await expect.poll(() => column(page, 'title')).toEqual(['Send the price list', 'Call Ion back']);
    await page.screenshot({ path: SHOT('tasks-filtered') });

    // After a reload the task, its due time and its checklist are still there.
    await page.reload();
    await page.locator('[role=grid] [role=row][data-record-id]').first().waitFor();
    await page.evaluate((id) => (location.hash = `#/tasks/${encodeURIComponent(id)}`), task.id);
    const reopened = page.getByRole('dialog', { name: 'Send the price list' });
    await reopened.waitFor();
    expect(await reopened.getByLabel('Due', { exact: true }).inputValue()).toBe('2030-05-20');
    expect(await reopened.getByLabel('Due: time', { exact: true }).inputValue()).toBe('14:30');
    expect(await reopened.getByRole('checkbox', { name: 'Done: Prepare prices' }).isChecked()).toBe(true);
    expect(await reopened.getByRole('checkbox', { name: 'Done: Print the new catalogue' }).isChecked()).toBe(false);
    expect(await reopened.getByLabel('Priority', { exact: true }).inputValue()).toBe('normal');
    await page.screenshot({ path: SHOT('task-card') });
    expect(errors).toEqual([]);
  });

  it('a planned call with a reminder, then marked done with a result; durations are totalled', async () => {
    const { page, errors } = await e2e.open({ hash: '#/events' });
    await page.getByRole('main').getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('dialog', { name: 'New event' }).waitFor();
    const form = page.getByRole('dialog');
    await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Call' });
    await typeAndLeave(page, 'Subject', 'Offer for the new season');
    await form.getByLabel('Date and time', { exact: true }).fill('2030-06-01');
    await form.getByLabel('Date and time: time', { exact: true }).fill('10:00');
    await form.getByLabel('Reminder', { exact: true }).selectOption({ label: '15 min before' });
    await typeAndLeave(page, 'Duration (min)', '20');
    await form.getByRole('button', { name: 'Save', exact: true }).click();

    const card = page.getByRole('dialog', { name: 'Offer for the new season' });
    await card.waitFor();
    const planned = await rowWhere(page, 'events', 'subject', 'Offer for the new season');
    const me = await page.evaluate(() => window.__clientela!.base.engine.user);
    expect(planned.v).toMatchObject({ kind: 'call', status: 'planned', assignee: me.id, remind: 15, duration: 20, start: await localInstant(page, '2030-06-01', '10:00') });
    // The assignee is picked from the users of the base (here: this device's user).
    expect(await card.getByLabel('Assignee', { exact: true }).locator('option:checked').textContent()).toBe(me.name);
    expect(await card.getByLabel('Status', { exact: true }).locator('option:checked').textContent()).toBe('Planned');

    // A custom reminder: a number of minutes; a wrong one is refused with a message.
    await card.getByLabel('Reminder', { exact: true }).selectOption('custom');
    const minutes = card.getByLabel('Reminder: minutes before', { exact: true });
    await minutes.fill('-3');
    await minutes.press('Enter');
    await card.getByRole('alert').filter({ hasText: 'Enter a whole number of minutes' }).waitFor();
    await minutes.fill('45');
    await minutes.press('Enter');
    await expect.poll(async () => (await rowWhere(page, 'events', 'subject', 'Offer for the new season')).v.remind).toBe(45);

    // It happened: done, with a result.
    await card.getByLabel('Status', { exact: true }).selectOption({ label: 'Done' });
    await card.getByLabel('Result', { exact: true }).selectOption({ label: 'Offer sent' });
    await expect.poll(async () => (await rowWhere(page, 'events', 'subject', 'Offer for the new season')).v).toMatchObject({ status: 'done', result: 'offerSent' });
    await page.screenshot({ path: SHOT('event-card') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    await create(page, 'events', [
      { kind: 'meeting', subject: 'Visit at the factory', start: await localInstant(page, '2030-05-02', '09:30'), duration: 90 },
      { kind: 'letter', subject: 'Letter with prices', start: await localInstant(page, '2030-04-11', '16:00'), result: 'reached' },
    ]);
    await expect.poll(() => column(page, 'subject').then((list) => list.length)).toBe(3);
    await page.locator('[data-totals-for=duration] [data-total=sum]').waitFor();
    await expect.poll(() => page.locator('[data-totals-for=duration] [data-total=sum]').textContent()).toBe('110');
    const row = page.locator('[role=grid] [role=row][data-record-id]').filter({ hasText: 'Offer for the new season' });
    expect(await row.locator('[data-field=status]').textContent()).toBe('Done');
    expect(await row.locator('[data-field=result]').textContent()).toBe('Offer sent');
    expect(await row.locator('[data-field=kind]').textContent()).toBe('Call');
    expect(await row.locator('[data-field=assignee]').textContent()).toBe(me.name);
    await page.screenshot({ path: SHOT('events-table') });
    expect(errors).toEqual([]);
  });

  it('settings edit the list of event types (translated built-in options); the card offers the new type; statuses are fixed', async () => {
    const { page, errors } = await e2e.open({ hash: '#/settings' });
    await page.getByRole('tab', { name: 'Fields' }).click();
    await page.getByRole('combobox', { name: 'Section' }).selectOption('events');
    await page.getByRole('button', { name: 'Options of Type' }).click();
    const editor = page.locator('tr.settings-options-row');
    expect(await editor.locator('.settings-option-list li span').allTextContents()).toEqual(['Call', 'Meeting', 'Letter', 'Visit']);
    await editor.getByRole('textbox', { name: 'New option' }).fill('Presentation');
    await editor.getByRole('textbox', { name: 'New option' }).press('Enter');
    await expect.poll(() => editor.locator('.settings-option-list li span').allTextContents()).toEqual(['Call', 'Meeting', 'Letter', 'Visit', 'Presentation']);
    await page.getByRole('button', { name: 'Options of Result' }).waitFor();
    // Status drives reminders and Today: its list is not offered for editing.
    expect(await page.getByRole('button', { name: 'Options of Status' }).count()).toBe(0);
    await page.screenshot({ path: SHOT('settings-event-types') });

    await page.evaluate(() => (location.hash = '#/events/new'));
    await page.getByRole('dialog', { name: 'New event' }).waitFor();
    await page.getByRole('dialog').getByLabel('Type', { exact: true }).selectOption({ label: 'Presentation' });
    await page.getByRole('dialog').getByLabel('Subject', { exact: true }).fill('New line of products');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    expect((await rowWhere(page, 'events', 'subject', 'New line of products')).v.kind).toBe('Presentation');
    expect(errors).toEqual([]);
  });

  it('a birthday without a year is typed as day and month, stored as --MM-DD and shown without a year', async () => {
    const { page, errors } = await e2e.open({ hash: '#/people/new' });
    await page.getByRole('dialog', { name: 'New contact' }).waitFor();
    await typeAndLeave(page, 'Last name', 'Ionescu');
    await typeAndLeave(page, 'Birthday', '03/24');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog', { name: 'Ionescu' }).getByRole('button', { name: 'Move to trash' }).waitFor();
    expect((await rowWhere(page, 'people', 'lastName', 'Ionescu')).v.birthday).toBe('--03-24');
    expect(await page.getByRole('dialog').getByLabel('Birthday', { exact: true }).inputValue()).toBe('Mar 24');
    // No age without a year.
    expect(await page.getByRole('dialog').getByText(/^Age:/).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
