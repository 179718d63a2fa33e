/**
 * Today and the calendar in Chromium with a controlled clock: the home lists exactly today's
 * call, the overdue task, today's birthday and the contract ending in 10 days; Mark done and
 * Reschedule change the records through commands; the calendar shows the moved call and
 * plans a new one from an empty slot.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';

const SHOT = (name: string) => `/tmp/today-${name}.png`;

/** Wednesday 18 November 2026, 09:00 in the browser's zone (the page computes it). */
async function freezeClock(page: Page): Promise<number> {
  const now = await page.evaluate(() => new Date(2026, 10, 18, 9, 0).getTime());
  await page.clock.setFixedTime(now);
  await page.evaluate(() => delete window.__clientela);
  await page.reload();
  await page.waitForFunction(() => window.__clientela !== undefined, null, { timeout: 30_000 });
  expect(await page.evaluate(() => Date.now())).toBe(now);
  return now;
}

/** Seeds the base through the test hook (the import command) and returns record ids by name. */
async function seed(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const hooks = window.__clientela!;
    const me = hooks.base.engine.user.id;
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0).getTime();
    const idOf = (field: string, value: string) => [...hooks.base.engine.rows.values()].find((row) => row.v[field] === value)!.id;
    await hooks.bench.createRecords('orgs', [
      { name: 'Acme Trading', phones: [{ kind: 'work', value: '+40 21 300 4000' }], emails: [{ kind: 'work', value: 'office@acme.example' }] },
      { name: 'Contract Co', contractEnd: '2026-11-28' },
      { name: 'Far Contract', contractEnd: '2026-12-28' },
      { name: 'Ended Contract', contractEnd: '2026-11-17' },
    ]);
    await hooks.bench.createRecords('people', [
      { firstName: 'Ana', lastName: 'Birthday', birthday: '1980-11-18', phones: [{ kind: 'mobile', value: '+40 722 000 111' }] },
      { firstName: 'Ion', lastName: 'Tomorrow', birthday: '--11-19' },
    ]);
    const acme = idOf('name', 'Acme Trading');
    await hooks.bench.createRecords('events', [
      { kind: 'call', subject: 'Price offer call', status: 'planned', start: at(18, 15), assignee: me, org: acme },
      { kind: 'meeting', subject: 'Logged meeting', status: 'done', start: at(18, 11), assignee: me, org: acme },
      { kind: 'call', subject: 'Colleague call', status: 'planned', start: at(18, 16), assignee: 'colleague-x' },
      { kind: 'call', subject: 'Next week call', status: 'planned', start: at(25, 10), assignee: me },
    ]);
    await hooks.bench.createRecords('tasks', [
      { title: 'Send contract draft', status: 'open', due: at(17, 10), assignee: me, org: acme },
      { title: 'Finished task', status: 'done', due: at(16, 10), assignee: me },
    ]);
    return {
      call: idOf('subject', 'Price offer call'),
      task: idOf('title', 'Send contract draft'),
    };
  });
}

async function titles(page: Page, section: string): Promise<string[]> {
  return page.locator(`section[data-section="${section}"] .agenda-title`).allTextContents();
}

async function fieldOf(page: Page, id: string, field: string): Promise<unknown> {
  return page.evaluate(([recordId, name]) => window.__clientela!.base.engine.rows.get(recordId)?.v[name], [id, field] as const);
}

describeE2E('Today and the calendar', (e2e) => {
  it('Today lists exactly today’s call, the overdue task, the birthday and the contract; Mark done and Reschedule work; the calendar follows', async () => {
    const { page, errors } = await e2e.open({ hash: '' });
    const now = await freezeClock(page);
    const ids = await seed(page);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.locator('section[data-section="planned"] .agenda-title').first().waitFor();

    expect(await titles(page, 'planned')).toEqual(['Price offer call']);
    expect(await titles(page, 'overdue')).toEqual(['Send contract draft']);
    expect(await titles(page, 'birthdays')).toEqual(['Ana Birthday']);
    expect(await titles(page, 'contracts')).toEqual(['Contract Co']);
    expect(await page.locator('section[data-section="contracts"] .agenda-detail').textContent()).toContain('in 10 days');
    expect(await page.locator('section[data-section="birthdays"] .agenda-detail').textContent()).toBe('turns 46');
    // One click to call or write: the client's own phone and e-mail.
    const planned = page.locator('section[data-section="planned"]');
    expect(await planned.getByRole('link', { name: /^Call Acme Trading/ }).getAttribute('href')).toBe('tel:+40213004000');
    expect(await planned.getByRole('link', { name: /^Write to Acme Trading/ }).getAttribute('href')).toBe('mailto:office@acme.example');
    expect(await page.locator('section[data-section="birthdays"]').getByRole('link', { name: /^Call Ana Birthday/ }).getAttribute('href')).toBe('tel:+40722000111');
    await page.screenshot({ path: SHOT('today'), fullPage: true });

    // Team shows the colleague's call too, with whose it is.
    await page.getByRole('group', { name: 'Whose work' }).getByRole('button', { name: 'Team' }).click();
    await page.getByText('Colleague call').waitFor();
    expect(await titles(page, 'planned')).toEqual(['Price offer call', 'Colleague call']);
    expect(await page.locator('section[data-section="planned"] .agenda-assignee').last().textContent()).toBe('for colleague-x');
    await page.getByRole('group', { name: 'Whose work' }).getByRole('button', { name: 'Mine' }).click();
    await page.getByText('Colleague call').waitFor({ state: 'detached' });

    // Open shows the record's card over Today; closing it stays on Today.
    await page.getByRole('button', { name: 'Open “Ana Birthday”' }).click();
    await page.getByRole('dialog', { name: 'Ana Birthday' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Ana Birthday' }).waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('#/people');

    // Mark done takes the overdue task off the list and stores the status.
    await page.getByRole('button', { name: 'Mark “Send contract draft” done' }).click();
    await page.locator('section[data-section="overdue"]').getByText('Nothing overdue. Well done!').waitFor();
    expect(await fieldOf(page, ids.task, 'status')).toBe('done');

    // Reschedule: tomorrow at the same time.
    await page.getByRole('button', { name: 'Reschedule “Price offer call”' }).click();
    await page.getByRole('form', { name: 'Reschedule “Price offer call”' }).waitFor();
    await page.screenshot({ path: SHOT('reschedule') });
    await page.getByRole('button', { name: 'Tomorrow, same time' }).click();
    await page.locator('section[data-section="planned"]').getByText('Nothing else planned for today.', { exact: false }).waitFor();
    const tomorrow15 = await page.evaluate(() => new Date(2026, 10, 19, 15, 0).getTime());
    expect(await fieldOf(page, ids.call, 'start')).toBe(tomorrow15);
    expect(tomorrow15).toBeGreaterThan(now);

    // The week calendar shows the call on Thursday 19 at 15:00.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    const thursday15 = page.locator('td[data-date="2026-11-19"][data-hour="15"]');
    await thursday15.getByRole('button', { name: /Price offer call/ }).waitFor();
    expect(await page.locator('td[data-date="2026-11-18"] .cal-item').count()).toBe(0);
    expect(await page.locator('.cal-item').allTextContents()).toEqual([expect.stringContaining('Price offer call')]);
    await page.screenshot({ path: SHOT('calendar-week') });

    // Next week holds the call planned there; Today comes back.
    await page.getByRole('button', { name: 'Next ›' }).click();
    await page.locator('td[data-date="2026-11-25"][data-hour="10"]').getByRole('button', { name: /Next week call/ }).waitFor();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await thursday15.getByRole('button', { name: /Price offer call/ }).waitFor();

    // Clicking an empty hour plans a call there through the commands; its card opens next.
    await page.locator('td[data-date="2026-11-20"][data-hour="11"] .cal-slot').click();
    const dialog = page.getByRole('dialog', { name: 'Plan a call' });
    await dialog.getByLabel('Subject').fill('Planned from the calendar');
    await page.screenshot({ path: SHOT('plan-dialog') });
    await dialog.getByRole('button', { name: 'Plan' }).click();
    await page.getByRole('dialog', { name: 'Planned from the calendar' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('td[data-date="2026-11-20"][data-hour="11"]').getByRole('button', { name: /Planned from the calendar/ }).waitFor();
    const planned11 = await page.evaluate(() => {
      const row = [...window.__clientela!.base.engine.rows.values()].find((entry) => entry.v.subject === 'Planned from the calendar')!;
      return { status: row.v.status, kind: row.v.kind, start: row.v.start, assignee: row.v.assignee, me: window.__clientela!.base.engine.user.id };
    });
    expect(planned11).toEqual({ status: 'planned', kind: 'call', start: await page.evaluate(() => new Date(2026, 10, 20, 11, 0).getTime()), assignee: planned11.me, me: planned11.me });

    // The month shows both, on their days.
    await page.getByRole('button', { name: 'Month' }).click();
    await page.locator('table.cal-month').waitFor();
    await page.locator('td[data-date="2026-11-19"]').getByRole('button', { name: /Price offer call/ }).waitFor();
    await page.locator('td[data-date="2026-11-20"]').getByRole('button', { name: /Planned from the calendar/ }).waitFor();
    await page.locator('td[data-date="2026-11-25"]').getByRole('button', { name: /Next week call/ }).waitFor();
    expect(page.url()).toContain('#/calendar/month/');
    await page.screenshot({ path: SHOT('calendar-month') });
    expect(errors).toEqual([]);
  });

  it('an empty base says in each section what to do', async () => {
    const { page, errors } = await e2e.open({ hash: '#/today' });
    await freezeClock(page);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    expect(await page.locator('.today-empty').allTextContents()).toEqual([
      'Nothing else planned for today. Plan a call in the Calendar: click an hour.',
      'Nothing overdue. Well done!',
      'No birthdays today. Fill in contacts’ birthdays (a year is optional) to see them here.',
      'No contract ends in the next 30 days. Fill in “Contract end” on organizations to be told in time.',
    ]);
    await page.screenshot({ path: SHOT('today-empty') });
    expect(errors).toEqual([]);
  });
});
