/**
 * The card, the table and settings on an office relay (issue 3, items 3, 5, 6, 7), in Chromium
 * against the real relay: accounts are made through the relay's API from Node, each profile is
 * signed in by storing its session before the app loads, and every record travels through sync.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, type E2E } from './suite';
import { acceptAdminLink, inviteAccount, openSignedIn, type Grant } from './relay-accounts';

interface Team {
  admin: Grant;
  ann: Grant; // Manager
  bob: Grant; // Manager, sees only his own records
  vic: Grant; // View-only
}

const ACME_PHONE = '+40 722 100 200';

let team: Team | null = null;

/** The admin (from the one-time link) and three colleagues invited by him; made once per suite. */
async function makeTeam(e2e: E2E): Promise<Team> {
  if (team) return team;
  const server = e2e.server();
  const admin = await acceptAdminLink(server);
  const invite = (name: string, role: string, seeOnlyOwn: boolean) => inviteAccount(server, admin, name, role, seeOnlyOwn);
  team = {
    admin,
    ann: await invite('Ann Manager', 'manager', false),
    bob: await invite('Bob Own', 'manager', true),
    vic: await invite('Vic Viewer', 'viewer', false),
  };
  return team;
}

async function waitConnected(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__clientela?.base.syncStatus()?.connection === 'connected', null, { timeout: 30_000 });
}

/** Waits until every local change is on the relay. */
async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__clientela?.base.syncStatus()?.savedOnRelay === true, null, { timeout: 20_000 });
}

/** The id of the live record of `section` named `name` in this profile's projection, or null. */
function recordId(page: Page, section: string, name: string): Promise<string | null> {
  return page.evaluate(
    ([section, name]) => {
      for (const row of window.__clientela!.base.engine.rows.values()) if (row.section === section && row.v.name === name && !row.deleted) return row.id;
      return null;
    },
    [section, name] as const,
  );
}

async function waitForRecord(page: Page, section: string, name: string): Promise<string> {
  await page.waitForFunction(
    ([section, name]) => [...window.__clientela!.base.engine.rows.values()].some((row) => row.section === section && row.v.name === name && !row.deleted),
    [section, name] as const,
    { timeout: 20_000 },
  );
  return (await recordId(page, section, name))!;
}

async function openCard(page: Page, section: string, id: string): Promise<void> {
  await page.evaluate(([section, id]) => (location.hash = `#/${section}/${encodeURIComponent(id)}`), [section, id] as const);
  await page.getByRole('dialog').waitFor();
}

/** Ann's client Acme, created in her own book through the app (the command an import uses) and saved on the relay. */
async function annCreatesAcme(page: Page): Promise<string> {
  await page.evaluate(
    (phone) => window.__clientela!.bench.createRecords('orgs', [{ name: 'Acme Trading', city: 'Cluj', phones: [{ kind: 'work', value: phone }] }]),
    ACME_PHONE,
  );
  await waitSaved(page);
  return (await recordId(page, 'orgs', 'Acme Trading'))!;
}

describeE2E('the card, table and settings on an office relay', (e2e) => {
  it("lists a record's history with the names of who changed which field, newest first", async () => {
    const { ann, admin } = await makeTeam(e2e);
    const annApp = await openSignedIn(e2e, ann);
    const id = await annCreatesAcme(annApp.page);

    // Ann edits the city on the card; the admin, in his own browser, edits the industry.
    await openCard(annApp.page, 'orgs', id);
    const city = annApp.page.getByRole('dialog').getByLabel('City', { exact: true });
    await city.fill('Iași');
    await city.press('Enter');
    await waitSaved(annApp.page);
    const adminApp = await openSignedIn(e2e, admin);
    await waitForRecord(adminApp.page, 'orgs', 'Acme Trading');
    await openCard(adminApp.page, 'orgs', id);
    const industry = adminApp.page.getByRole('dialog').getByLabel('Industry', { exact: true });
    await industry.fill('Wholesale');
    await industry.press('Enter');
    await waitSaved(adminApp.page);

    // Ann's card shows the owner and, on the History tab, the three changes with names.
    await annApp.page.waitForFunction((id) => window.__clientela!.base.engine.rows.get(id)?.v.industry === 'Wholesale', id, { timeout: 20_000 });
    const card = annApp.page.getByRole('dialog');
    await expect.poll(() => card.getByText('Owner: Ann Manager').count()).toBe(1);
    await card.getByRole('tab', { name: 'History' }).click();
    const items = card.getByRole('list', { name: 'History' }).locator(':scope > li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    const texts = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(texts[0]).toContain('Ada Admin changed');
    expect(texts[0]).toContain('Industry');
    expect(texts[1]).toContain('Ann Manager changed');
    expect(texts[1]).toContain('City');
    expect(texts[2]).toContain('Ann Manager created');
    expect(texts[2]).toContain('Name');
    await annApp.page.screenshot({ path: '/tmp/relaycard-history.png' });
    expect(annApp.errors.join('\n')).toBe('');
    expect(adminApp.errors.join('\n')).toBe('');
  });

  it('a View-only user can open the table and the card but is offered no edit, and settings are read-only', async () => {
    const { vic } = await makeTeam(e2e);
    const { page, errors } = await openSignedIn(e2e, vic);
    const id = await waitForRecord(page, 'orgs', 'Acme Trading');
    await page.getByRole('navigation').getByRole('link', { name: 'Organizations' }).click();
    const main = page.getByRole('main');
    await main.getByRole('note').filter({ hasText: 'View only' }).waitFor();
    expect(await main.getByRole('button', { name: 'Add', exact: true }).count()).toBe(0);
    expect(await main.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);

    await openCard(page, 'orgs', id);
    const card = page.getByRole('dialog');
    await card.getByText('View only: you can read this record but not change it.').waitFor();
    // Values are text: no box to type in, nothing to pick, no Delete.
    expect(await card.locator('.card-fields').locator('input, textarea, select').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    expect(await card.getByRole('group', { name: 'City' }).innerText()).toBe('Iași');
    expect(await card.getByRole('group', { name: 'Phones' }).innerText()).toContain(ACME_PHONE);
    await page.screenshot({ path: '/tmp/relaycard-viewer-card.png' });

    // Settings: the company's currency is disabled with the note; his own language stays editable.
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('note').filter({ hasText: 'Only an Administrator can change' }).waitFor();
    expect(await page.getByLabel('Currency').isDisabled()).toBe(true);
    expect(await page.getByLabel('Language').isDisabled()).toBe(false);
    await page.getByRole('tab', { name: 'Fields' }).click();
    await page.getByRole('note').filter({ hasText: 'Only an Administrator can change' }).waitFor();
    // A disabled fieldset disables what it holds: :enabled (not the attribute) is what the user can use.
    expect(await page.locator('.settings-fields').locator('input, button, select').count()).toBeGreaterThan(10);
    // The browser's own :enabled (Playwright's selector engine reads only the attribute, not the fieldset).
    expect(await page.evaluate(() => document.querySelectorAll('.settings-fields :is(input, button, select):enabled').length)).toBe(0);
    await page.screenshot({ path: '/tmp/relaycard-viewer-settings.png' });

    // Had an edit slipped through, the engine refuses it before Yjs and the relay.
    const refused = await page.evaluate(async (id) => {
      try {
        await window.__clientela!.base.engine.run([window.__clientela!.base.engine.rows.get(id)!.shard], () => undefined);
        return 'changed';
      } catch (error) {
        return (error as Error).name;
      }
    }, id);
    expect(refused).toBe('ReadOnlyError');
    expect(errors.join('\n')).toBe('');
  });

  it('a "see only own" manager typing a colleague\'s client\'s phone is told only "Already a client of Ann Manager"', async () => {
    const { bob } = await makeTeam(e2e);
    const { page, errors, profile } = await openSignedIn(e2e, bob);
    // Ann's book never reaches him.
    expect(await recordId(page, 'orgs', 'Acme Trading')).toBeNull();
    await page.getByRole('navigation').getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('main').getByRole('button', { name: 'Add', exact: true }).click();
    const form = page.getByRole('dialog');
    const name = form.getByLabel('Name', { exact: true });
    await name.fill('Some new company');
    await name.press('Enter');
    await form.getByText('No colleague has a client with these details.').waitFor();
    await form.getByRole('button', { name: 'Add phone' }).click();
    const phone = form.getByLabel('Phones 1', { exact: true });
    await phone.fill('0722 100 200');
    await phone.press('Enter');
    const found = form.locator('.card-relay-dup-found');
    await found.waitFor();
    expect(await found.innerText()).toBe('Already a client of Ann Manager');
    await page.screenshot({ path: '/tmp/relaycard-relay-duplicate.png' });
    // Offline the relay cannot be asked, and the form says so instead of staying silent.
    await profile.context.setOffline(true);
    await form.getByText('The relay could not be asked whether a colleague already has this client: you are offline.', { exact: false }).waitFor();
    expect(await found.count()).toBe(0);
    await profile.context.setOffline(false);
    expect(errors.join('\n')).toBe('');
  });

  it('an admin hands a client from Ann to Bob (same id, one undoable step) and Bob, who sees only his own, receives it', async () => {
    const { admin, bob } = await makeTeam(e2e);
    const adminApp = await openSignedIn(e2e, admin);
    const id = await waitForRecord(adminApp.page, 'orgs', 'Acme Trading');
    // The table offers the same for selected rows to those who may hand over.
    await adminApp.page.getByRole('navigation').getByRole('link', { name: 'Organizations' }).click();
    await adminApp.page.getByRole('toolbar').getByRole('combobox', { name: 'Hand over to…' }).waitFor();
    await adminApp.page.screenshot({ path: '/tmp/relaycard-admin-table.png' });
    await openCard(adminApp.page, 'orgs', id);
    const card = adminApp.page.getByRole('dialog');
    await card.getByText('Owner: Ann Manager').waitFor();
    const picker = card.getByLabel('Hand over to…');
    await expect.poll(() => picker.locator('option').allInnerTexts()).toEqual(['Choose a manager', 'Ada Admin', 'Bob Own']);
    await picker.selectOption({ label: 'Bob Own' });
    await card.getByRole('button', { name: 'Hand over', exact: true }).click();
    await card.getByText('Owner: Bob Own').waitFor();
    await card.getByText('Handed over to Bob Own.').waitFor();
    const shardOf = () => adminApp.page.evaluate((id) => window.__clientela!.base.engine.rows.get(id)!.shard, id);
    expect(await shardOf()).toBe(`book:${bob.user.id}:0`);
    // One undo step brings it back to Ann, one redo hands it over again.
    await adminApp.page.locator('.card-dialog').focus();
    await adminApp.page.keyboard.press('Control+z');
    await card.getByText('Owner: Ann Manager').waitFor();
    expect(await shardOf()).toBe(`book:${(await makeTeam(e2e)).ann.user.id}:0`);
    await adminApp.page.keyboard.press('Control+Shift+z');
    await card.getByText('Owner: Bob Own').waitFor();
    expect(await shardOf()).toBe(`book:${bob.user.id}:0`);
    await waitSaved(adminApp.page);
    await adminApp.page.screenshot({ path: '/tmp/relaycard-handover.png' });

    const bobApp = await openSignedIn(e2e, bob);
    expect(await waitForRecord(bobApp.page, 'orgs', 'Acme Trading')).toBe(id);
    await openCard(bobApp.page, 'orgs', id);
    await bobApp.page.getByRole('dialog').getByText('Owner: Bob Own').waitFor();
    // Bob is a Manager: he edits his own client, and may not hand it over.
    expect(await bobApp.page.getByRole('dialog').locator('.card-fields input').count()).toBeGreaterThan(0);
    expect(await bobApp.page.getByRole('dialog').getByLabel('Hand over to…').count()).toBe(0);
    expect(await bobApp.page.getByRole('toolbar').getByRole('combobox', { name: 'Hand over to…' }).count()).toBe(0);
    await bobApp.page.screenshot({ path: '/tmp/relaycard-bob-received.png' });

    // Ann, a Manager, still reads her former client in Bob's book, which the relay shares with her read-only.
    const { ann } = await makeTeam(e2e);
    const annApp = await openSignedIn(e2e, ann);
    await annApp.page.waitForFunction(([id, shard]) => window.__clientela!.base.engine.rows.get(id)?.shard === shard, [id, `book:${bob.user.id}:0`] as const, { timeout: 20_000 });
    await openCard(annApp.page, 'orgs', id);
    const annCard = annApp.page.getByRole('dialog');
    await annCard.getByText('View only: you can read this record but not change it.').waitFor();
    expect(await annCard.locator('.card-fields').locator('input, textarea, select').count()).toBe(0);
    expect(await annCard.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    await annApp.page.screenshot({ path: '/tmp/relaycard-readonly-book.png' });
    expect(adminApp.errors.join('\n')).toBe('');
    expect(bobApp.errors.join('\n')).toBe('');
    expect(annApp.errors.join('\n')).toBe('');
  });

  it('a same-field conflict leaves both changes in the history, and offline the card says the history is on the relay', async () => {
    const { ann, admin } = await makeTeam(e2e);
    const annApp = await openSignedIn(e2e, ann);
    await annApp.page.evaluate(() => window.__clientela!.bench.createRecords('orgs', [{ name: 'Race Ltd' }]));
    await waitSaved(annApp.page);
    const id = (await recordId(annApp.page, 'orgs', 'Race Ltd'))!;
    const adminApp = await openSignedIn(e2e, admin);
    await waitForRecord(adminApp.page, 'orgs', 'Race Ltd');

    // Both offline, both change the same field.
    await annApp.profile.context.setOffline(true);
    await adminApp.profile.context.setOffline(true);
    const editIndustry = async (page: Page, value: string) => {
      await openCard(page, 'orgs', id);
      const box = page.getByRole('dialog').getByLabel('Industry', { exact: true });
      await box.fill(value);
      await box.press('Enter');
      await page.waitForFunction(([id, value]) => window.__clientela!.base.engine.rows.get(id)?.v.industry === value, [id, value] as const);
    };
    await editIndustry(annApp.page, 'Retail');
    await editIndustry(adminApp.page, 'Banking');
    const annCard = annApp.page.getByRole('dialog');
    await annCard.getByRole('tab', { name: 'History' }).click();
    await annCard.getByText('History is kept on the relay — connect to see it.').waitFor();
    await annApp.page.screenshot({ path: '/tmp/relaycard-history-offline.png' });

    // Back online: one value is kept everywhere, and both changes are in the history with their authors.
    await annApp.profile.context.setOffline(false);
    await adminApp.profile.context.setOffline(false);
    await waitSaved(annApp.page);
    await waitSaved(adminApp.page);
    const industryOf = (page: Page) => page.evaluate((id) => window.__clientela!.base.engine.rows.get(id)?.v.industry, id);
    await expect.poll(async () => (await industryOf(annApp.page)) === (await industryOf(adminApp.page)), { timeout: 20_000 }).toBe(true);
    const items = annCard.getByRole('list', { name: 'History' }).locator(':scope > li');
    await expect
      .poll(
        async () => {
          await annCard.getByRole('button', { name: 'Refresh' }).click();
          return (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ')).filter((text) => text.includes('changed Industry')).length;
        },
        { timeout: 20_000 },
      )
      .toBe(2);
    const texts = (await items.allInnerTexts()).join('\n');
    expect(texts).toContain('Ann Manager changed Industry');
    expect(texts).toContain('Ada Admin changed Industry');
    await annApp.page.screenshot({ path: '/tmp/relaycard-history-conflict.png' });
    expect(annApp.errors.join('\n')).toBe('');
    expect(adminApp.errors.join('\n')).toBe('');
  });
});
