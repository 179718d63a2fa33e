import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E } from './suite';

/** Runs a quick search in the page through the app's SearchClient; sorted ids, or null. */
function search(page: Page, query: string, section: string): Promise<string[] | null> {
  return page.evaluate(async ([text, where]) => {
    const ids = await window.__clientela!.base.search.search(text, where as 'orgs');
    return ids ? [...ids].sort() : null;
  }, [query, section] as const);
}

/** The detail of the search-ready performance mark (how the worker opened its index). */
function readyDetail(page: Page): Promise<{ source: string; caughtUp: number; rows: number } | null> {
  return page.evaluate(async () => {
    await window.__clientela!.base.search.ready;
    const mark = performance.getEntriesByName('clientela:search-ready').at(-1) as PerformanceMark | undefined;
    return (mark?.detail as { source: string; caughtUp: number; rows: number }) ?? null;
  });
}

describeE2E('quick search (worker)', (e2e) => {
  it('finds records by accent-free, misspelt and phone-digit queries in the worker, and reopens from the persisted index', async () => {
    const { page, errors } = await e2e.open();
    expect((await readyDetail(page))?.source).toBe('rebuilt');
    await page.evaluate(async () => {
      const bench = window.__clientela!.bench;
      await bench.createRecords('orgs', [
        { name: 'Ștefănescu Mobilă SRL', city: 'Iași', phones: [{ kind: 'work', value: '+40 (722) 000-111' }] },
        { name: 'Núñez Logística S.L.', city: 'Málaga' },
      ]);
      await bench.createRecords('people', [{ firstName: 'Алексей', lastName: 'Семёнов', city: 'Москва' }]);
    });
    const orgs = await page.evaluate(() => [...window.__clientela!.base.engine.rows.values()].filter((row) => row.section === 'orgs').map((row) => [row.v.name, row.id]));
    const stef = orgs.find(([name]) => String(name).startsWith('Ș'))![1] as string;
    const nunez = orgs.find(([name]) => String(name).startsWith('N'))![1] as string;

    expect(await search(page, 'stefanescu iasi', 'orgs')).toEqual([stef]);
    expect(await search(page, 'Logsitica', 'orgs')).toEqual([nunez]);
    expect(await search(page, '2200011', 'orgs')).toEqual([stef]);
    expect((await search(page, 'семенов', 'people'))?.length).toBe(1);
    expect(await search(page, 'семенов', 'orgs')).toEqual([]);
    expect(await search(page, ' ', 'orgs')).toBeNull();

    // The index is persisted once edits settle (2 s); a reload must not rebuild it.
    await page.waitForTimeout(3500);
    await page.reload();
    await page.waitForFunction(() => window.__clientela !== undefined, null, { timeout: 30_000 });
    const reopened = await readyDetail(page);
    expect(reopened?.source).toBe('persisted');
    expect(reopened?.rows).toBe(3);
    expect(await search(page, 'nunez', 'orgs')).toEqual([nunez]);
    expect(errors).toEqual([]);
  });
});
