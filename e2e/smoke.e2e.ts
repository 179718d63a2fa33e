import { expect, it } from 'vitest';
import { describeE2E } from './suite';

describeE2E('app shell', (e2e) => {
  it('opens the base on Today with no page errors and shows Today, the calendar and the sections', async () => {
    const { page, errors } = await e2e.open({ hash: '' });
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Organizations' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Today', 'Calendar', 'Organizations', 'Contacts', 'Events', 'Tasks', 'Notes', 'Links', 'Settings']);
    expect(errors).toEqual([]);
  });
});
