import { describe, expect, it } from 'vitest';
import { autoFilterValues } from './autofilter-values';
import { createTableData } from './columns';
import { computeView } from './compute-view';
import { makeRow, orgFields, seededRandom, testContext } from './test-rows';
import { defaultViewState, withAutoFilter } from './view-state';

// Not a benchmark (npm run bench measures): a guard that the work stays linear-ish at 100k rows.
// The bounds are ~10× the figures measured on the 2-core machine, so only a regression to
// quadratic work (or per-row collator calls) trips them.
describe('table logic at 100,000 rows', () => {
  const random = seededRandom(42);
  const cities = Array.from({ length: 300 }, (_, i) => `Oraș ${i}`);
  const rows = Array.from({ length: 100_000 }, (_, i) =>
    makeRow('orgs', { name: `Firma ${Math.floor(random() * 1e9).toString(36)} ${i}`, city: cities[Math.floor(random() * cities.length)], revenue: Math.round(random() * 1e7) / 100 }),
  );
  const data = createTableData(rows, orgFields, testContext({}, 'ro'));
  // Indexes are built once before timing, as the table does in idle time after opening.
  for (const field of ['name', 'city', 'revenue']) data.column(field);
  const state = defaultViewState(orgFields);
  const timed = (work: () => unknown) => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };

  it('sorting by name and by city + revenue stays under a second', () => {
    expect(timed(() => computeView(data, { ...state, sort: [{ field: 'name', dir: 'asc' }] }, null))).toBeLessThan(1000);
    const view = computeView(data, { ...state, sort: [{ field: 'city', dir: 'asc' }, { field: 'revenue', dir: 'desc' }] }, null);
    expect(view.rows).toHaveLength(100_000);
    for (let i = 1; i < 1000; i++) {
      const [a, b] = [rows[view.rows[i - 1]], rows[view.rows[i]]];
      if (a.v.city === b.v.city) expect(a.v.revenue as number).toBeGreaterThanOrEqual(b.v.revenue as number);
    }
  });

  it('an AutoFilter list and its application stay under a second', () => {
    let list = autoFilterValues(data, state, null, 'city');
    expect(timed(() => (list = autoFilterValues(data, state, null, 'city')))).toBeLessThan(1000);
    expect(list.entries).toHaveLength(300);
    const filtered = computeView(data, withAutoFilter(state, 'city', { values: [list.entries[0].key], blanks: false }), null);
    expect(filtered.rows.length).toBe(list.entries[0].count);
  });

  it('totals of every shown row stay under half a second', () => {
    const view = computeView(data, state, null);
    expect(timed(() => computeView(data, state, null))).toBeLessThan(500);
    expect(view.totals.get('revenue')!.count).toBe(100_000);
  });
});
