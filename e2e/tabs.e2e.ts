import { expect, it } from 'vitest';
import { describeE2E } from './suite';

describeE2E('a second tab', (e2e) => {
  it('is told the base is open elsewhere, and can take it over: the first tab stops', async () => {
    const { page: first, profile } = await e2e.open();
    await first.getByRole('navigation', { name: 'Sections' }).waitFor();

    const second = await profile.context.newPage();
    await second.goto(e2e.server().url);
    const notice = second.getByRole('alert').filter({ hasText: 'open in another tab' });
    await notice.waitFor();
    expect(await second.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);

    await second.getByRole('button', { name: 'Use Clientela here' }).click();
    await second.getByRole('navigation', { name: 'Sections' }).waitFor();
    await first.getByRole('alert').filter({ hasText: 'now open in another tab' }).waitFor();
    expect(await first.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);

    // And back: the first tab takes the base again.
    await first.getByRole('button', { name: 'Use Clientela here' }).click();
    await first.getByRole('navigation', { name: 'Sections' }).waitFor();
    await second.getByRole('alert').filter({ hasText: 'now open in another tab' }).waitFor();
  });
});
