import { deflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';
import { ru } from '../web/i18n/messages/ru';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG of `width` × `height` with a colour gradient, made without any image library. */
function gradientPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 160], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Opens the new-record form of a section with the table's "Add" button. */
async function openNewForm(page: Page, sectionName: string, addLabel = 'Add'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: sectionName }).click();
  await page.getByRole('main').getByRole('button', { name: addLabel, exact: true }).click();
}

async function typeAndLeave(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole('dialog').getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

describeE2E('record card', (e2e) => {
  it('adds an org with phones, e-mails and revenue, a person with a photo, warns of a duplicate, and undoes an edit', async () => {
    const { page, errors } = await e2e.open();

    // ---- a new organization ----
    await openNewForm(page, 'Organizations');
    const newOrg = page.getByRole('dialog', { name: 'New organization' });
    await newOrg.waitFor();
    await typeAndLeave(page, 'Name', 'Ștefănescu Trade SRL');
    await typeAndLeave(page, 'City', 'Iași');
    await page.getByRole('dialog').getByRole('button', { name: 'Add phone' }).click();
    await page.getByRole('dialog').getByLabel('Phones 1', { exact: true }).fill('+40 (722) 000-111');
    await page.getByRole('dialog').getByRole('button', { name: 'Add phone' }).click();
    await page.getByRole('dialog').getByLabel('Phones 2', { exact: true }).fill('0232 200 300');
    await page.getByRole('dialog').getByLabel('Phones 2', { exact: true }).press('Tab');
    await page.getByRole('dialog').getByLabel('Phones 2: kind').selectOption('fax');
    await page.getByRole('dialog').getByRole('button', { name: 'Add e-mail' }).click();
    // A wrong e-mail says what and where, and saves nothing.
    await typeAndLeave(page, 'E-mails 1', 'office@');
    const emailError = page.getByRole('dialog').getByRole('alert').filter({ hasText: '"office@" in E-mails 1 is not an e-mail address' });
    await emailError.waitFor();
    await typeAndLeave(page, 'E-mails 1', 'office@stefanescu.ro');
    await emailError.waitFor({ state: 'detached' });
    await page.getByRole('dialog').getByRole('button', { name: 'Add e-mail' }).click();
    await typeAndLeave(page, 'E-mails 2', 'ana@stefanescu.ro');
    await typeAndLeave(page, 'Revenue', '1,234,567.89');
    await page.getByRole('dialog').getByText('€1,234,567.89').waitFor();
    await page.getByRole('dialog').getByLabel('Category').selectOption({ label: 'Key client' });
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();

    const org = page.getByRole('dialog', { name: 'Ștefănescu Trade SRL' });
    await org.waitFor();
    expect(await org.getByRole('link', { name: 'Call +40 (722) 000-111' }).getAttribute('href')).toBe('tel:+40722000111');
    expect(await org.getByRole('link', { name: 'Write to office@stefanescu.ro' }).getAttribute('href')).toBe('mailto:office@stefanescu.ro');
    // Phones are kept as typed.
    expect(await org.getByLabel('Phones 1', { exact: true }).inputValue()).toBe('+40 (722) 000-111');
    expect(await org.getByLabel('Phones 2: kind').inputValue()).toBe('fax');
    expect(await org.getByLabel('Revenue').inputValue()).toBe('1,234,567.89');
    await org.getByText('Created').waitFor();

    // ---- a person linked to it, with a photo ----
    await org.getByRole('button', { name: 'Add person' }).click();
    const newPerson = page.getByRole('dialog', { name: 'New contact' });
    await newPerson.waitFor();
    expect(await newPerson.getByRole('combobox', { name: 'Organization' }).inputValue()).toBe('Ștefănescu Trade SRL');
    await typeAndLeave(page, 'First name', 'Ana');
    await typeAndLeave(page, 'Last name', 'Popescu');
    await typeAndLeave(page, 'Position', 'Buyer');
    // The form's title follows the name being typed.
    await page.getByRole('dialog', { name: 'Ana Popescu' }).getByLabel('Photo', { exact: true }).setInputFiles({ name: 'ana.png', mimeType: 'image/png', buffer: gradientPng(900, 600) });
    await page.getByRole('dialog').getByRole('img', { name: 'Photo of Ana Popescu' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('dialog').getByLabel('Messengers and social networks 1', { exact: true }).fill('@ana_p');
    await page.getByRole('dialog').getByLabel('Messengers and social networks 1', { exact: true }).press('Enter');
    await typeAndLeave(page, 'Birthday', '06/15/1980');
    await page.getByRole('dialog').getByText(/^Age: \d+$/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();

    const person = page.getByRole('dialog', { name: 'Ana Popescu' });
    await person.waitFor();
    const photo = person.getByRole('img', { name: 'Photo of Ana Popescu' });
    await photo.waitFor();
    const size = await photo.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
    expect(size).toEqual({ width: 512, height: 341 });
    expect(await person.getByRole('link', { name: 'Open @ana_p' }).getAttribute('href')).toBe('https://t.me/ana_p');
    const stored = await page.evaluate(async () => {
      const base = window.__clientela!.base;
      const row = [...base.engine.rows.values()].find((candidate) => candidate.v.lastName === 'Popescu')!;
      const blob = await base.engine.db.blobs.get(String(row.v.photo));
      return { hash: row.v.photo, blobs: await base.engine.db.blobs.count(), type: blob?.type, size: blob?.size };
    });
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.blobs).toBe(1);
    expect(stored.type).toMatch(/^image\/(webp|jpeg)$/);
    await page.screenshot({ path: '/tmp/card-person.png' });

    // ---- the person is on the organization's card ----
    await person.getByRole('button', { name: 'Open Ștefănescu Trade SRL' }).click();
    await org.waitFor();
    const people = org.getByRole('region', { name: 'People who work here' });
    await people.getByRole('link', { name: 'Ana Popescu' }).waitFor();
    await people.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/card-org.png' });
    await page.keyboard.press('Escape');
    await org.waitFor({ state: 'detached' });

    // ---- a second org with the same phone written differently ----
    await openNewForm(page, 'Organizations');
    await page.getByRole('dialog', { name: 'New organization' }).waitFor();
    await typeAndLeave(page, 'Name', 'Trade Company');
    await page.getByRole('dialog').getByRole('button', { name: 'Add phone' }).click();
    await typeAndLeave(page, 'Phones 1', '0722-000-111');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    const warning = page.getByRole('dialog').getByRole('alert').filter({ hasText: 'This may already be in the base' });
    await warning.getByText('Ștefănescu Trade SRL').waitFor();
    await warning.getByText('same phone').waitFor();
    await page.screenshot({ path: '/tmp/card-duplicate.png' });
    await warning.getByRole('button', { name: 'Open existing' }).click();
    await org.waitFor();
    expect(await page.evaluate(() => [...window.__clientela!.base.engine.rows.values()].filter((row) => row.section === 'orgs').length)).toBe(1);

    // ---- edit a field, then Ctrl+Z with the focus outside any input ----
    await typeAndLeave(page, 'City', 'Cluj-Napoca');
    await expect.poll(() => page.evaluate(() => [...window.__clientela!.base.engine.rows.values()].find((row) => row.section === 'orgs')!.v.city)).toBe('Cluj-Napoca');
    await org.getByRole('heading', { name: 'Ștefănescu Trade SRL' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => org.getByLabel('City', { exact: true }).inputValue()).toBe('Iași');

    // ---- to the trash and back ----
    await org.getByRole('button', { name: 'Move to trash' }).click();
    await org.getByRole('status').filter({ hasText: 'This record is in the trash.' }).waitFor();
    await org.getByRole('button', { name: 'Restore' }).click();
    await org.getByRole('button', { name: 'Move to trash' }).waitFor();
    expect(await page.evaluate(() => [...window.__clientela!.base.engine.rows.values()].find((row) => row.section === 'orgs')!.deleted)).toBeUndefined();

    // ---- pick the organization of a new contact from the keyboard, accent-free ----
    await page.keyboard.press('Escape');
    await openNewForm(page, 'Contacts');
    const picker = page.getByRole('dialog').getByRole('combobox', { name: 'Organization' });
    await picker.fill('stefanescu');
    await page.getByRole('dialog').getByRole('option', { name: 'Ștefănescu Trade SRL' }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    expect(await picker.inputValue()).toBe('Ștefănescu Trade SRL');
    await page.getByRole('dialog').getByRole('button', { name: 'Open Ștefănescu Trade SRL' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    expect(errors).toEqual([]);
  });

  it('a new-record form refuses a bad date and a missing name with a clear message, saving nothing', async () => {
    const { page } = await e2e.open();
    await openNewForm(page, 'Contacts');
    const form = page.getByRole('dialog', { name: 'New contact' });
    await form.waitFor();
    await typeAndLeave(page, 'Birthday', '31/31/1990');
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: '"31/31/1990" in Birthday is not a date; type it like 12/31/2024' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').getByText('Fix the marked fields before saving.').waitFor();
    await typeAndLeave(page, 'Birthday', '');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').getByText('Fill in First name / Last name before saving.').waitFor();
    expect(await page.evaluate(() => window.__clientela!.base.engine.rows.size)).toBe(0);
    // The first Esc takes back what was being typed, the second closes the card.
    const lastName = form.getByLabel('Last name', { exact: true });
    await lastName.fill('Half-typed');
    await lastName.press('Escape');
    expect(await lastName.inputValue()).toBe('');
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('shows custom fields with editors by type, hides hidden fields, and reads numbers and dates typed the Russian way', async () => {
    const { page, errors } = await e2e.open({ locale: 'ru-RU' });
    const nav = page.getByRole('navigation', { name: ru['app.sections'] });
    await nav.getByRole('link', { name: ru['app.settings'] }).click();
    await page.getByRole('tab', { name: ru['settings.tab.fields'] }).click();
    const custom: [string, string][] = [
      ['Сотрудников', 'number'],
      ['Бюджет', 'money'],
      ['Клиент с', 'date'],
      ['Договор подписан', 'bool'],
      ['Запасная почта', 'email'],
    ];
    for (const [name, type] of custom) {
      await page.getByRole('textbox', { name: ru['settings.add.name'], exact: true }).fill(name);
      await page.getByRole('combobox', { name: ru['settings.add.type'], exact: true }).selectOption(type);
      await page.getByRole('button', { name: ru['settings.add.submit'] }).click();
      await page.getByRole('textbox', { name: ru['settings.fields.nameOf'].replace('{name}', name) }).waitFor();
    }
    const industry = ru['field.orgs.industry'];
    await page.getByRole('checkbox', { name: ru['settings.fields.showOf'].replace('{name}', industry) }).uncheck();

    await openNewForm(page, ru['section.orgs'], ru['table.add']);
    const card = page.getByRole('dialog');
    await card.getByRole('heading', { name: ru['card.new.orgs'] }).waitFor();
    expect(await card.getByLabel(industry, { exact: true }).count()).toBe(0);
    await typeAndLeave(page, ru['field.orgs.name'], 'Ромашка');
    await typeAndLeave(page, 'Сотрудников', '1 250');
    await typeAndLeave(page, 'Бюджет', '1 234 567,89');
    await card.getByText('1 234 567,89 €').waitFor();
    await typeAndLeave(page, 'Клиент с', '31.12.2023');
    await card.getByLabel('Договор подписан').check();
    await typeAndLeave(page, 'Запасная почта', 'ivan@');
    await card.getByRole('alert').filter({ hasText: '«ivan@» в поле «Запасная почта»' }).waitFor();
    await typeAndLeave(page, 'Запасная почта', 'ivan@romashka.ru');
    await card.getByRole('button', { name: ru['card.save'], exact: true }).click();
    await page.getByRole('dialog', { name: 'Ромашка' }).waitFor();
    await page.screenshot({ path: '/tmp/card-custom-ru.png' });

    const stored = await page.evaluate(() => {
      const base = window.__clientela!.base;
      const row = [...base.engine.rows.values()].find((candidate) => candidate.v.name === 'Ромашка')!;
      const byLabel = Object.fromEntries(base.fields('orgs').filter((field) => !field.builtin).map((field) => [field.label, row.v[field.id]]));
      return byLabel;
    });
    expect(stored).toEqual({ Сотрудников: 1250, Бюджет: 1234567.89, 'Клиент с': '2023-12-31', 'Договор подписан': true, 'Запасная почта': 'ivan@romashka.ru' });
    expect(await card.getByLabel('Клиент с').inputValue()).toBe('31.12.2023');
    expect(errors).toEqual([]);
  });
});
