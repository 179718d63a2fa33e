/**
 * Reminders (issue 5, item 4) in Chromium against the real relay, with Playwright's controlled
 * clock: a manager's call reminds him at the right moment, and not the Administrator who holds
 * the same record on another profile; a reminder that came due while the app was closed is
 * listed when it opens again.
 */
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeE2E } from './suite';
import { acceptAdminLink, inviteAccount, openSignedIn } from './relay-accounts';
import { openApp, waitForAsync } from './browser';

const MINUTE = 60_000;

/** Puts a context under a controlled clock starting at `time` and reloads its page into it. */
async function controlClock(context: BrowserContext, page: Page, time: number): Promise<void> {
  await context.clock.install({ time });
  await page.reload();
  await page.waitForFunction(() => window.__clientela?.base.syncStatus()?.connection === 'connected', null, { timeout: 30_000 });
}

function bell(page: Page) {
  return page.locator('button.reminder-bell');
}

async function bellLabel(page: Page): Promise<string | null> {
  return bell(page).getAttribute('aria-label');
}

describeE2E('reminders', (e2e) => {
  it('a call reminds its assignee 15 minutes ahead, never a colleague holding it; a missed one shows on open', async () => {
    const server = e2e.server();
    const admin = await acceptAdminLink(server);
    const manager = await inviteAccount(server, admin, 'Max Manager', 'manager');

    const max = await openSignedIn(e2e, manager);
    const ada = await openSignedIn(e2e, admin);
    // Both laptops show the same wall-clock time; the clock keeps running on its own.
    const start = Date.parse('2026-05-20T09:00:00Z');
    await max.profile.context.grantPermissions(['notifications'], { origin: new URL(server.url).origin });
    await controlClock(max.profile.context, max.page, start);
    await controlClock(ada.profile.context, ada.page, start);
    await max.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // Max plans a call with himself in 20 minutes, reminding 15 minutes ahead, and a task due in an hour.
    const { callId, taskId } = await max.page.evaluate(async () => {
      const { base, bench } = window.__clientela!;
      const me = base.engine.user.id;
      const now = Date.now();
      await bench.createRecords('events', [{ kind: 'call', subject: 'Call Acme about the offer', status: 'planned', start: now + 20 * 60_000, remind: 15, assignee: me }]);
      await bench.createRecords('tasks', [{ title: 'Send the price list', status: 'open', due: now + 60 * 60_000, remind: 0, assignee: me }]);
      const find = (section: string) => [...base.engine.rows.values()].find((row) => row.section === section)!.id;
      return { callId: find('events'), taskId: find('tasks') };
    });
    await max.page.waitForFunction(() => window.__clientela!.base.syncStatus()?.savedOnRelay === true, null, { timeout: 20_000 });
    // The Administrator's laptop holds the same call (admins receive every book).
    await ada.page.waitForFunction((id) => window.__clientela!.base.engine.rows.has(id), callId, { timeout: 45_000 });
    expect(await bellLabel(max.page)).toBe('Reminders');

    // The clock runs to 15 minutes before the call on both laptops.
    await max.profile.context.clock.fastForward(5 * MINUTE);
    await ada.profile.context.clock.fastForward(5 * MINUTE);
    await max.page.waitForFunction(() => document.querySelector('button.reminder-bell')?.getAttribute('aria-label') === 'Reminders: 1 due', null, { timeout: 10_000 });
    // Permission was granted: a system notification through the service worker, tagged with the reminder key.
    const notifications = await waitForAsync(
      max.page,
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const shown = (await registration!.getNotifications()).map((notification) => ({ tag: notification.tag, title: notification.title, body: notification.body }));
        return shown.length > 0 ? shown : null;
      },
      null,
      { what: 'the system notification' },
    );
    expect(notifications).toHaveLength(1);
    expect(notifications[0].tag).toMatch(new RegExp(`^rec:${callId}:\\d+$`));
    expect(notifications[0].title).toBe('Event: Call Acme about the offer');

    // The panel lists the call with its actions.
    await bell(max.page).click();
    const item = max.page.locator('.reminder-item');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.locator('.reminder-title').textContent()).toBe('Call Acme about the offer');
    await max.page.getByRole('button', { name: 'Snooze: Call Acme about the offer' }).click();
    await max.page.getByRole('menu').waitFor();
    await max.page.screenshot({ path: '/tmp/reminders-panel.png' });
    await max.page.getByRole('button', { name: 'Snooze: Call Acme about the offer' }).click();
    await max.page.locator('header.topbar').screenshot({ path: '/tmp/reminders-bell.png' });

    // The Administrator, signed in on another profile with the same record, is not reminded.
    expect(await ada.page.evaluate((id) => window.__clientela!.base.engine.rows.get(id)?.v.subject, callId)).toBe('Call Acme about the offer');
    await ada.page.waitForTimeout(500);
    expect(await bellLabel(ada.page)).toBe('Reminders');
    await bell(ada.page).click();
    await ada.page.locator('.reminder-empty').waitFor();
    expect(await ada.page.locator('.reminder-item').count()).toBe(0);

    // Done acknowledges it: gone from the list and the bell, and its notification closes.
    await max.page.getByRole('button', { name: 'Done: Call Acme about the offer' }).click();
    await max.page.waitForFunction(() => document.querySelector('button.reminder-bell')?.getAttribute('aria-label') === 'Reminders', null, { timeout: 10_000 });
    await waitForAsync(max.page, async () => (await (await navigator.serviceWorker.getRegistration())!.getNotifications()).length === 0, null, { what: 'the notification to close' });

    // Max closes the app; two hours pass; the task came due meanwhile and is listed on open.
    await max.page.waitForFunction(() => window.__clientela!.base.syncStatus()?.savedOnRelay === true, null, { timeout: 20_000 });
    await max.page.close();
    await max.profile.context.clock.setSystemTime(start + 125 * MINUTE);
    const reopened = await openApp(max.profile.context, server.url, max.errors);
    await reopened.locator('.reminder-panel').waitFor({ timeout: 15_000 });
    const missed = reopened.locator('.reminder-item.missed');
    await missed.waitFor();
    expect(await missed.count()).toBe(1);
    expect(await missed.getAttribute('data-reminder-key')).toMatch(new RegExp(`^rec:${taskId}:`));
    expect(await missed.locator('.reminder-missed').textContent()).toBe('Missed while the app was closed');
    expect(await bellLabel(reopened)).toBe('Reminders: 1 due');
    await reopened.screenshot({ path: '/tmp/reminders-missed.png' });

    // "Mark done" finishes the task itself.
    await reopened.getByRole('button', { name: 'Mark done' }).click();
    await reopened.waitForFunction((id) => window.__clientela!.base.engine.rows.get(id)?.v.status === 'done', taskId, { timeout: 10_000 });
    expect(await reopened.locator('.reminder-item').count()).toBe(0);

    expect(max.errors).toEqual([]);
    expect(ada.errors).toEqual([]);
  });

  it('without notification permission a birthday opens the in-app centre at 09:00; settings switch it and refuse bad days', async () => {
    const { page, profile, errors } = await e2e.open();
    // The local clock at 08:50 on 9 June; a birthday on 12 June reminds 3 days ahead at 09:00.
    await profile.context.clock.install({ time: new Date('2026-06-09T08:50:00') });
    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined, null, { timeout: 30_000 });
    expect(await page.evaluate(() => Notification.permission)).not.toBe('granted');
    await page.evaluate(() => window.__clientela!.bench.createRecords('people', [{ firstName: 'Ana', lastName: 'Pop', birthday: '1980-06-12' }]));
    await page.waitForTimeout(300);
    expect(await bellLabel(page)).toBe('Reminders');
    expect(await page.locator('.reminder-panel').count()).toBe(0);

    await profile.context.clock.fastForward(10 * MINUTE);
    // No system notifications here: the centre opens by itself.
    const item = page.locator('.reminder-item[data-kind="birthday"]');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('.reminder-title').textContent()).toBe('Ana Pop');
    expect(await item.locator('.reminder-detail').textContent()).toBe('Turns 46 on 06/12/2026: congratulate');
    expect(await item.locator('.reminder-missed').count()).toBe(0);
    expect(await bellLabel(page)).toBe('Reminders: 1 due');
    expect(await page.locator('.reminder-notify').textContent()).toContain('Turn on system notifications');

    // A bad number of days is refused with a message saying where, and changes nothing.
    const days = page.getByRole('spinbutton', { name: 'Birthdays: days ahead' });
    await days.fill('400');
    await days.press('Enter');
    await days.blur();
    expect(await page.getByRole('alert').filter({ hasText: 'Birthdays: enter a whole number of days from 0 to 365.' }).count()).toBe(1);
    expect(await days.inputValue()).toBe('3');
    expect(await item.count()).toBe(1);

    // One day ahead: the reminder is not due yet (it fires on 11 June).
    await days.fill('1');
    await days.blur();
    await page.locator('.reminder-empty').waitFor({ timeout: 10_000 });
    expect(await bellLabel(page)).toBe('Reminders');
    expect((await page.locator('.reminder-next').textContent()) ?? '').toContain('Jun 11, 2026');

    // Switched off, and back on at the default 3 days: due again.
    await page.getByRole('checkbox', { name: 'Birthdays' }).uncheck();
    await page.locator('.reminder-next').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('checkbox', { name: 'Birthdays' }).check();
    await item.waitFor({ timeout: 10_000 });
    expect(await days.inputValue()).toBe('3');
    await page.screenshot({ path: '/tmp/reminders-birthday.png' });

    // "Snooze" chosen on a notification while no window was open: the service worker opens the
    // app with the action in its address; the app carries it out and cleans the address.
    const key = await item.getAttribute('data-reminder-key');
    await page.goto(`${e2e.server().url}?reminder-action=snooze&reminder-key=${encodeURIComponent(key!)}#/people`);
    await page.waitForFunction(() => window.__clientela !== undefined, null, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('button.reminder-bell')?.getAttribute('aria-label') === 'Reminders', null, { timeout: 10_000 });
    expect(await page.evaluate(() => location.search + location.hash)).toBe('#/people');
    await profile.context.clock.fastForward(11 * MINUTE);
    await page.waitForFunction(() => document.querySelector('button.reminder-bell')?.getAttribute('aria-label') === 'Reminders: 1 due', null, { timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
