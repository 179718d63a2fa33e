/**
 * The card's communication timeline (issue 5, item 2) in Chromium: log a call in two clicks and
 * see it on top, filter by type, plan a meeting, "Log this call?" after a phone link in the card
 * and in the table; through the real relay, a manager's call shows in the admin's timeline of
 * that client, and a View-only colleague gets no log buttons.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';
import { acceptAdminLink, inviteAccount, openSignedIn } from './relay-accounts';

const SHOT = (name: string) => `/tmp/timeline-${name}.png`;
const HOUR = 3_600_000;

async function create(page: Page, section: string, list: Record<string, unknown>[]): Promise<void> {
  await page.evaluate(([section, list]) => window.__clientela!.bench.createRecords(section as 'orgs', list as never), [section, list] as const);
}

/** The id of the live record of `section` whose `field` is `value`, waiting until it exists. */
async function idOf(page: Page, section: string, field: string, value: string): Promise<string> {
  const find = ([section, field, value]: readonly [string, string, string]) => {
    for (const row of window.__clientela!.base.engine.rows.values()) if (row.section === section && row.v[field] === value && !row.deleted) return row.id;
    return null;
  };
  await page.waitForFunction(find, [section, field, value] as const, { timeout: 30_000 });
  return (await page.evaluate(find, [section, field, value] as const))!;
}

async function openCard(page: Page, section: string, id: string): Promise<void> {
  await page.evaluate(([section, id]) => (location.hash = `#/${section}/${encodeURIComponent(id)}`), [section, id] as const);
  await page.getByRole('dialog').locator('section.timeline').waitFor();
}

/** The texts of the items of one list of the timeline ("What happened" or "Planned"), top first. */
function items(page: Page, list = 'What happened') {
  return page.getByRole('dialog').getByRole('list', { name: list, exact: true }).locator(':scope > li');
}

/** The events of a record's timeline as the engine holds them (what the log form stored). */
function eventsOf(page: Page, field: 'org' | 'person', id: string) {
  return page.evaluate(
    ([field, id]) => [...window.__clientela!.base.engine.rows.values()].filter((row) => row.section === 'events' && row.v[field] === id).map((row) => row.v),
    [field, id] as const,
  );
}

describeE2E('card timeline', (e2e) => {
  it('logs a call in two clicks, shows it on top, filters by type and plans a meeting', async () => {
    const { page, errors } = await e2e.open();
    await create(page, 'orgs', [{ name: 'Timeline Co', city: 'Iași' }]);
    const orgId = await idOf(page, 'orgs', 'name', 'Timeline Co');
    await create(page, 'people', [{ firstName: 'Ana', lastName: 'Pop', org: orgId, phones: [{ kind: 'mobile', value: '+40 722 000 111' }] }]);
    const anaId = await idOf(page, 'people', 'lastName', 'Pop');
    const now = Date.now();
    await create(page, 'events', [
      { kind: 'meeting', status: 'done', start: now - 48 * HOUR, subject: 'Kick-off', result: 'reached', org: orgId },
      { kind: 'letter', status: 'done', start: now - 24 * HOUR, subject: 'Price list sent', person: anaId, org: orgId },
    ]);
    await create(page, 'notes', [{ title: 'Prefers mornings', about: orgId }]);

    await openCard(page, 'orgs', orgId);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('region', { name: 'Timeline' }).waitFor();
    // Click 1: "Log a call" opens the form with the comment box focused.
    await dialog.getByRole('button', { name: 'Log a call' }).click();
    const comment = dialog.getByLabel('Comment (optional)');
    await comment.waitFor();
    expect(await comment.evaluate((element) => element === document.activeElement)).toBe(true);
    await dialog.locator('.timeline').screenshot({ path: SHOT('log-form') });
    // Click 2: a result saves the call.
    await dialog.getByRole('button', { name: 'No answer', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Call logged.' }).waitFor();
    const first = items(page).first();
    await expect.poll(() => first.textContent()).toContain('No answer');
    expect(await first.textContent()).toContain('Call');
    expect(await first.getAttribute('data-kind')).toBe('call');
    const logged = (await eventsOf(page, 'org', orgId)).find((event) => event.kind === 'call')!;
    const userId = await page.evaluate(() => window.__clientela!.base.engine.user.id);
    expect(logged).toMatchObject({ kind: 'call', status: 'done', result: 'noAnswer', org: orgId, assignee: userId });
    expect(Math.abs((logged.start as number) - Date.now())).toBeLessThan(60_000);
    // Newest first: the call, the note (written just before it), the client's creation, the letter, the meeting.
    const order = await items(page).evaluateAll((list) => list.map((item) => item.getAttribute('data-kind') || item.getAttribute('data-category')));
    expect(order).toEqual(['call', 'note', 'change', 'letter', 'meeting']);
    // The letter was with Ana: the organization's timeline says so.
    expect(await items(page).filter({ hasText: 'Price list sent' }).textContent()).toContain('with Ana Pop');

    // Filter by type: meetings only, then notes only, then everything again.
    const filters = dialog.getByRole('group', { name: 'Filter by type' });
    await filters.getByRole('button', { name: /^Meeting/ }).click();
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await items(page).first().textContent()).toContain('Kick-off');
    await filters.getByRole('button', { name: /^Notes/ }).click();
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await items(page).first().textContent()).toContain('Prefers mornings');
    expect(await filters.getByRole('button', { name: /^Notes/ }).getAttribute('aria-pressed')).toBe('true');
    await filters.getByRole('button', { name: /^Everything/ }).click();
    await dialog.locator('.timeline').screenshot({ path: SHOT('list') });

    // Plan…: a meeting tomorrow with a reminder lands in "Planned".
    await dialog.getByRole('button', { name: 'Plan…' }).click();
    await dialog.getByLabel('Type', { exact: true }).selectOption({ label: 'Meeting' });
    await dialog.getByLabel('Subject (optional)').fill('Contract talk');
    await dialog.getByLabel('Remind me').selectOption({ label: '1 h before' });
    await dialog.locator('.timeline').screenshot({ path: SHOT('plan-form') });
    await dialog.getByRole('button', { name: 'Plan it' }).click();
    await items(page, 'Planned').first().waitFor();
    expect(await items(page, 'Planned').first().textContent()).toContain('Contract talk');
    const planned = (await eventsOf(page, 'org', orgId)).find((event) => event.subject === 'Contract talk')!;
    expect(planned).toMatchObject({ kind: 'meeting', status: 'planned', remind: 60 });
    expect(new Date(planned.start as number).getHours()).toBe(10);
    await page.screenshot({ path: SHOT('card') });

    // A bad date is refused with a message and nothing is planned.
    await dialog.getByRole('button', { name: 'Plan…' }).click();
    await dialog.getByLabel('Date', { exact: true }).fill('');
    await dialog.getByRole('button', { name: 'Plan it' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'pick a valid date and time' }).waitFor();
    expect((await eventsOf(page, 'org', orgId)).length).toBe(4);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // After the meeting, its result in two clicks: "Result…" on the planned item, then the result.
    await items(page, 'Planned').first().getByRole('button', { name: /^Record the result: Meeting, Contract talk/ }).click();
    await dialog.getByRole('heading', { name: 'Result of: Meeting Contract talk' }).waitFor();
    await dialog.locator('.timeline').screenshot({ path: SHOT('result-form') });
    await dialog.getByRole('button', { name: 'Order', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Result recorded.' }).waitFor();
    expect(await items(page, 'Planned').count()).toBe(0);
    expect(await items(page).first().textContent()).toContain('Contract talk');
    const held = (await eventsOf(page, 'org', orgId)).find((event) => event.subject === 'Contract talk')!;
    expect(held).toMatchObject({ kind: 'meeting', status: 'done', result: 'order' });
    expect(Math.abs((held.start as number) - Date.now())).toBeLessThan(60_000);

    // Five past items show; the oldest (the kick-off meeting) is behind "Show all".
    expect(await items(page).count()).toBe(5);
    await dialog.getByRole('button', { name: 'Show all (6)' }).click();
    expect(await items(page).count()).toBe(6);

    // Clicking an item opens its record.
    await items(page).filter({ hasText: 'Kick-off' }).getByRole('link').click();
    await page.waitForFunction(() => location.hash.startsWith('#/events/'));
    expect(errors).toEqual([]);
  });

  it('a phone link in the card or the table still dials and offers to log the call', async () => {
    const { page, errors } = await e2e.open();
    await create(page, 'orgs', [{ name: 'Dial Co' }]);
    const orgId = await idOf(page, 'orgs', 'name', 'Dial Co');
    await create(page, 'people', [{ firstName: 'Ion', lastName: 'Dialer', org: orgId, phones: [{ kind: 'mobile', value: '+40 722 555 666' }] }]);
    const ionId = await idOf(page, 'people', 'lastName', 'Dialer');
    // The tel: link's own action is kept: record that it went out instead of leaving the page.
    await page.evaluate(() => {
      (window as unknown as { dialled: string[] }).dialled = [];
      document.addEventListener('click', (event) => {
        const link = (event.target as Element).closest('a[href^="tel:"]');
        if (!link) return;
        if (!event.defaultPrevented) (window as unknown as { dialled: string[] }).dialled.push(link.getAttribute('href')!);
        event.preventDefault();
      });
    });

    await openCard(page, 'people', ionId);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('link', { name: 'Call +40 722 555 666' }).click();
    await dialog.getByText('You are calling +40722555666. Log this call?').waitFor();
    await dialog.locator('.timeline').screenshot({ path: SHOT('offer') });
    await dialog.getByRole('button', { name: 'Log the call' }).click();
    await dialog.getByRole('button', { name: 'Reached', exact: true }).click();
    await expect.poll(async () => (await eventsOf(page, 'person', ionId)).length).toBe(1);
    expect((await eventsOf(page, 'person', ionId))[0]).toMatchObject({ kind: 'call', result: 'reached', person: ionId, org: orgId });
    expect(await dialog.getByText('Log this call?').count()).toBe(0);

    // In the table: the link dials and the contact's card opens with the offer.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('main').getByRole('link', { name: '+40 722 555 666' }).click();
    await page.getByRole('dialog').getByText('Log this call?').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`#/people/${ionId}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Not now' }).click();
    expect(await page.getByRole('dialog').getByText('Log this call?').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { dialled: string[] }).dialled)).toEqual(['tel:+40722555666', 'tel:+40722555666']);
    expect(errors).toEqual([]);
  });

  it('speaks the user\'s language: a Russian user logs a call with Russian labels and results', async () => {
    const { page, errors } = await e2e.open({ locale: 'ru' });
    await create(page, 'orgs', [{ name: 'ООО Ромашка' }]);
    const orgId = await idOf(page, 'orgs', 'name', 'ООО Ромашка');
    await create(page, 'people', [{ firstName: 'Иван', lastName: 'Петров', org: orgId }]);
    await openCard(page, 'orgs', orgId);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('region', { name: 'Хронология' }).waitFor();
    await dialog.getByRole('button', { name: 'Записать звонок' }).click();
    await dialog.getByLabel('Контакт', { exact: true }).selectOption({ label: 'Иван Петров' });
    await dialog.locator('.timeline').screenshot({ path: SHOT('log-form-ru') });
    await dialog.getByRole('button', { name: 'Перезвонить', exact: true }).click();
    const first = page.getByRole('dialog').getByRole('list', { name: 'Что было', exact: true }).locator(':scope > li').first();
    await expect.poll(() => first.textContent()).toContain('Перезвонить');
    expect(await first.textContent()).toContain('контакт: Иван Петров');
    await dialog.locator('.timeline').screenshot({ path: SHOT('list-ru') });
    expect(errors).toEqual([]);
  });

  it("through the relay: a manager logs a call on his client and the admin sees it in that client's timeline; View-only gets no log buttons", async () => {
    const server = e2e.server();
    const admin = await acceptAdminLink(server);
    const max = await inviteAccount(server, admin, 'Max Manager', 'manager');
    const val = await inviteAccount(server, admin, 'Val Viewer', 'viewer');

    const m = await openSignedIn(e2e, max);
    await create(m.page, 'orgs', [{ name: 'Relay Client' }]);
    const orgId = await idOf(m.page, 'orgs', 'name', 'Relay Client');
    await openCard(m.page, 'orgs', orgId);
    await m.page.getByRole('dialog').getByRole('button', { name: 'Log a call' }).click();
    await m.page.getByRole('dialog').getByLabel('Comment (optional)').fill('Asked for a discount');
    await m.page.getByRole('dialog').getByRole('button', { name: 'Call back', exact: true }).click();
    await expect.poll(() => items(m.page).first().textContent()).toContain('Call back');
    await m.page.waitForFunction(() => window.__clientela?.base.syncStatus()?.savedOnRelay === true, null, { timeout: 20_000 });

    const a = await openSignedIn(e2e, admin);
    await idOf(a.page, 'events', 'comment', 'Asked for a discount');
    await openCard(a.page, 'orgs', orgId);
    const call = items(a.page).filter({ hasText: 'Asked for a discount' });
    await call.waitFor();
    expect(await call.textContent()).toContain('Call back');
    expect(await call.textContent()).toContain('Max Manager');
    // The relay's audit trail: who created the client.
    await a.page.getByRole('dialog').getByRole('group', { name: 'Filter by type' }).getByRole('button', { name: /^Changes/ }).click();
    await expect.poll(() => items(a.page).first().textContent(), { timeout: 20_000 }).toContain('Max Manager');
    expect(await items(a.page).first().textContent()).toContain('Record added');
    await a.page.getByRole('dialog').locator('.timeline').screenshot({ path: SHOT('admin-changes') });

    const v = await openSignedIn(e2e, val);
    await idOf(v.page, 'events', 'comment', 'Asked for a discount');
    await openCard(v.page, 'orgs', orgId);
    await items(v.page).filter({ hasText: 'Asked for a discount' }).waitFor();
    expect(await v.page.getByRole('dialog').getByRole('button', { name: 'Log a call' }).count()).toBe(0);
    expect(await v.page.getByRole('dialog').getByRole('button', { name: 'Plan…' }).count()).toBe(0);
    expect([...m.errors, ...a.errors, ...v.errors]).toEqual([]);
  });
});
