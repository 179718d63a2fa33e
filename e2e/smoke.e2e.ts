import { expect, it } from 'vitest';
import { describeE2E } from './suite';

describeE2E('app shell', (e2e) => {
  it('opens the base with no page errors and shows the sections', async () => {
    const { page, errors } = await e2e.open();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Organizations' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Organizations', 'Contacts', 'Notes', 'Links', 'Settings']);
    expect(errors).toEqual([]);
  });
});
