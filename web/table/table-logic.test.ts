import { describe, expect, it } from 'vitest';
import { builtinFields } from '../schema/fields';
import { autoFilterValues, caseSpellings } from './autofilter-values';
import { buildColumnIndex, createTableData, valueKeys } from './columns';
import { computeView } from './compute-view';
import { conditionProblem, filterRows, parseNumberInput } from './filtering';
import { displayItems, groupKey } from './grouping';
import { makeRow, orgFields, testContext } from './test-rows';
import { defaultViewState, filterByValue, withAutoFilter, type Condition, type ViewState } from './view-state';

const rows = [
  makeRow('orgs', { name: 'Ștefănescu SRL', city: 'Iași', category: 'key', revenue: 1000, tags: ['wood', 'export'], phones: [{ kind: 'work', value: '+40 722 000 111' }], contractEnd: '2025-03-01' }, 'a'),
  makeRow('orgs', { name: 'Alfa', city: 'Cluj', category: 'regular', revenue: 250.5, tags: ['wood'], contractEnd: '2024-12-31' }, 'b'),
  makeRow('orgs', { name: 'zeta', city: 'Iași', revenue: 40, contractEnd: '2026-01-15' }, 'c'),
  makeRow('orgs', { name: 'Beta', city: 'Arad', category: 'key', tags: ['export'] }, 'd'),
  makeRow('orgs', { name: 'Émile', category: 'one-off', revenue: -10 }, 'e'),
];
const data = () => createTableData(rows, orgFields, testContext());
const base = (): ViewState => ({ ...defaultViewState(orgFields), columns: ['name', 'city', 'revenue'] });
const ids = (indexes: Int32Array) => [...indexes].map((index) => rows[index].id);
const condition = (field: string, op: Condition['op'], value = '', value2 = ''): Condition => ({ field, op, value, value2 });
const withConditions = (mode: 'and' | 'or', ...items: Condition[]): ViewState => ({ ...base(), conditions: { mode, items } });

describe('column index', () => {
  it('multi-valued fields give one key per value; blanks give none', () => {
    const context = testContext();
    const tags = orgFields.find((field) => field.id === 'tags')!;
    expect(valueKeys(tags, ['wood', 'export', 'wood'], context)).toEqual(['wood', 'export']);
    expect(valueKeys(tags, [], context)).toEqual([]);
    const phones = orgFields.find((field) => field.id === 'phones')!;
    expect(valueKeys(phones, [{ kind: 'work', value: ' 0722 ' }], context)).toEqual(['0722']);
  });

  it('ref fields are known by the referenced record name', () => {
    const people = builtinFields('people');
    const org = people.find((field) => field.id === 'org')!;
    const index = buildColumnIndex([makeRow('people', { org: 'a' }), makeRow('people', {})], org, testContext({ a: 'Alfa SRL' }));
    expect(index.keys).toContain('Alfa SRL');
    expect(index.sortRank[1]).toBe(-1);
  });

  it('yes/no columns rank No before Yes, blanks apart', () => {
    const flag = { ...orgFields[0], id: 'vip', type: 'bool' as const, title: false };
    const index = buildColumnIndex([makeRow('orgs', { vip: true }), makeRow('orgs', { vip: false }), makeRow('orgs', {})], flag, testContext());
    expect([...index.sortRank]).toEqual([1, 0, -1]);
    expect(index.keys).toEqual(['false', 'true']);
  });

  it('a number stored as text still counts as a number; text that is not a number is blank', () => {
    const amount = { ...orgFields[0], id: 'amount', type: 'number' as const, title: false };
    const index = buildColumnIndex([makeRow('orgs', { amount: '12.5' }), makeRow('orgs', { amount: 'n/a' }), makeRow('orgs', { amount: 3 })], amount, testContext());
    expect([...index.numbers!]).toEqual([12.5, NaN, 3]);
    expect(index.keys).toEqual(['3', '12.5']);
    expect([...index.sortRank]).toEqual([1, -1, 0]);
  });

  it('number keys are ordered by value, not as text', () => {
    const index = data().column('revenue');
    expect(index.keys).toEqual(['-10', '40', '250.5', '1000']);
    expect([...index.numbers!]).toEqual([1000, 250.5, 40, NaN, -10]);
  });
});

describe('sorting through the view', () => {
  it('sorts by name in collation order (Émile beside E, Ș after S), case ignored', () => {
    const view = computeView(data(), { ...base(), sort: [{ field: 'name', dir: 'asc' }] }, null);
    expect(ids(view.rows)).toEqual(['b', 'd', 'e', 'a', 'c']);
  });

  it('sorts by number value descending with blanks last', () => {
    expect(ids(computeView(data(), { ...base(), sort: [{ field: 'revenue', dir: 'desc' }] }, null).rows)).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('sorts by two columns: city, then revenue descending', () => {
    const view = computeView(data(), { ...base(), sort: [{ field: 'city', dir: 'asc' }, { field: 'revenue', dir: 'desc' }] }, null);
    expect(ids(view.rows)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });

  it('sorts dates chronologically', () => {
    expect(ids(computeView(data(), { ...base(), sort: [{ field: 'contractEnd', dir: 'asc' }] }, null).rows)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });
});

describe('AutoFilter and filter by value', () => {
  it('keeps rows having one of the chosen values; blanks only when asked', () => {
    const state = withAutoFilter(base(), 'city', { values: ['Iași'], blanks: false });
    expect(ids(filterRows(data(), state, null))).toEqual(['a', 'c']);
    const withBlanks = withAutoFilter(base(), 'city', { values: ['Cluj'], blanks: true });
    expect(ids(filterRows(data(), withBlanks, null))).toEqual(['b', 'e']);
  });

  it('a multi-valued row passes when any of its values is chosen', () => {
    expect(ids(filterRows(data(), withAutoFilter(base(), 'tags', { values: ['export'], blanks: false }), null))).toEqual(['a', 'd']);
  });

  it('the value list counts the values of rows left by the other filters, each tag once', () => {
    const state = withAutoFilter(withAutoFilter(base(), 'city', { values: ['Iași'], blanks: false }), 'tags', { values: ['wood'], blanks: false });
    const city = autoFilterValues(data(), state, null, 'city');
    // Its own filter is left out: the list shows every city of rows tagged "wood".
    expect(city).toEqual({ entries: [{ key: 'Cluj', keys: ['Cluj'], count: 1 }, { key: 'Iași', keys: ['Iași'], count: 1 }], blanks: 0 });
    const tags = autoFilterValues(data(), base(), null, 'tags');
    expect(tags).toEqual({ entries: [{ key: 'export', keys: ['export'], count: 2 }, { key: 'wood', keys: ['wood'], count: 2 }], blanks: 2 });
  });

  it('values differing only in case are one entry with every spelling; accents still differ', () => {
    const messy = [makeRow('orgs', { city: 'МОСКВА' }), makeRow('orgs', { city: 'Москва' }), makeRow('orgs', { city: 'Iasi' }), makeRow('orgs', { city: 'Iași' }), makeRow('orgs', { city: 'IASI' })];
    const list = autoFilterValues(createTableData(messy, orgFields, testContext({}, 'ru')), base(), null, 'city');
    // Russian collation puts Cyrillic before Latin.
    expect(list.entries.map((entry) => [entry.keys.sort(), entry.count])).toEqual([
      [['Москва', 'МОСКВА'].sort(), 2],
      [['IASI', 'Iasi'], 2],
      [['Iași'], 1],
    ]);
  });

  it('numbers are listed by value and blanks counted', () => {
    expect(autoFilterValues(data(), base(), null, 'revenue')).toEqual({
      entries: ['-10', '40', '250.5', '1000'].map((key) => ({ key, keys: [key], count: 1 })),
      blanks: 1,
    });
  });

  it('filter by a cell value shows the rows with that value; by a blank cell, the blank rows', () => {
    expect(ids(filterRows(data(), filterByValue(base(), 'category', 'key'), null))).toEqual(['a', 'd']);
    expect(ids(filterRows(data(), filterByValue(base(), 'category', null), null))).toEqual(['c']);
  });

  it('filter by a cell value keeps the spellings that differ only in case, as the AutoFilter list does', () => {
    const messy = [makeRow('orgs', { city: 'МОСКВА' }), makeRow('orgs', { city: 'Москва' }), makeRow('orgs', { city: 'Iași' }), makeRow('orgs', { city: 'Iasi' })];
    const messyData = createTableData(messy, orgFields, testContext({}, 'ru'));
    const state = filterByValue(base(), 'city', 'Москва', caseSpellings(messyData, 'city', 'Москва'));
    expect(filterRows(messyData, state, null).length).toBe(2);
    const accented = filterByValue(base(), 'city', 'Iași', caseSpellings(messyData, 'city', 'Iași'));
    expect(filterRows(messyData, accented, null).length).toBe(1);
  });

  it('quick search ids limit the rows; null means no search', () => {
    expect(ids(filterRows(data(), base(), new Set(['c', 'a'])))).toEqual(['a', 'c']);
    expect(filterRows(data(), base(), null)).toHaveLength(5);
    expect(filterRows(data(), base(), new Set())).toHaveLength(0);
  });
});

describe('detailed search conditions', () => {
  it('contains and starts with forgive case and accents', () => {
    expect(ids(filterRows(data(), withConditions('and', condition('name', 'contains', 'stefan')), null))).toEqual(['a']);
    expect(ids(filterRows(data(), withConditions('and', condition('city', 'startsWith', 'IA')), null))).toEqual(['a', 'c']);
    expect(ids(filterRows(data(), withConditions('and', condition('city', 'equals', 'iasi')), null))).toEqual(['a', 'c']);
  });

  it('numbers: equals, less than, greater than, between (inclusive, either order)', () => {
    const run = (c: Condition) => ids(filterRows(data(), withConditions('and', c), null));
    expect(run(condition('revenue', 'equals', '250,5'))).toEqual(['b']);
    expect(run(condition('revenue', 'before', '40'))).toEqual(['e']);
    expect(run(condition('revenue', 'after', '40'))).toEqual(['a', 'b']);
    expect(run(condition('revenue', 'between', '1 000', '40'))).toEqual(['a', 'b', 'c']);
  });

  it('dates: before, after, between', () => {
    const run = (c: Condition) => ids(filterRows(data(), withConditions('and', c), null));
    expect(run(condition('contractEnd', 'before', '2025-01-01'))).toEqual(['b']);
    expect(run(condition('contractEnd', 'after', '2025-03-01'))).toEqual(['c']);
    expect(run(condition('contractEnd', 'between', '2024-12-31', '2025-03-01'))).toEqual(['a', 'b']);
  });

  it('empty and not empty', () => {
    expect(ids(filterRows(data(), withConditions('and', condition('city', 'empty')), null))).toEqual(['e']);
    expect(ids(filterRows(data(), withConditions('and', condition('tags', 'notEmpty')), null))).toEqual(['a', 'b', 'd']);
  });

  it('AND needs every condition, OR any', () => {
    const both = [condition('city', 'equals', 'Iași'), condition('revenue', 'after', '100')];
    expect(ids(filterRows(data(), withConditions('and', ...both), null))).toEqual(['a']);
    expect(ids(filterRows(data(), withConditions('or', ...both), null))).toEqual(['a', 'b', 'c']);
  });

  it('an incomplete or wrong condition is reported and not applied', () => {
    const d = data();
    expect(conditionProblem(d.column('revenue'), condition('revenue', 'after', 'lots'))).toBe('table.cond.badNumber');
    expect(conditionProblem(d.column('contractEnd'), condition('contractEnd', 'before', '31.12.2024'))).toBe('table.cond.badDate');
    expect(conditionProblem(d.column('city'), condition('city', 'contains', ' '))).toBe('table.cond.needValue');
    expect(conditionProblem(d.column('revenue'), condition('revenue', 'contains', '1'))).toBe('table.cond.badOp');
    expect(filterRows(d, withConditions('and', condition('revenue', 'after', 'lots')), null)).toHaveLength(5);
  });

  it('typed numbers are read with decimal commas and thousands separators', () => {
    expect(parseNumberInput('1 234,5')).toBe(1234.5);
    expect(parseNumberInput('1,234.5')).toBe(1234.5);
    expect(parseNumberInput('-7')).toBe(-7);
    expect(parseNumberInput('12abc')).toBeNaN();
    expect(parseNumberInput('')).toBeNaN();
  });
});

describe('grouping with subtotals and totals of the rows shown', () => {
  it('groups by city in collation order with a count and a sum per group, blanks last', () => {
    const view = computeView(data(), { ...base(), groupBy: 'city' }, null);
    expect(view.groups!.map((group) => [group.label, group.end - group.start, group.totals.get('revenue')!.sum])).toEqual([
      ['Arad', 1, 0],
      ['Cluj', 1, 250.5],
      ['Iași', 2, 1040],
      [null, 1, -10],
    ]);
  });

  it('rows inside a group follow the sort', () => {
    const view = computeView(data(), { ...base(), groupBy: 'city', sort: [{ field: 'revenue', dir: 'asc' }] }, null);
    const iasi = view.groups![2];
    expect(ids(view.rows.subarray(iasi.start, iasi.end))).toEqual(['c', 'a']);
  });

  it('collapsed groups show only their header in the display list', () => {
    const view = computeView(data(), { ...base(), groupBy: 'city' }, null);
    const items = displayItems(view.rows.length, view.groups, new Set([groupKey(view.groups![2])]));
    expect([...items]).toEqual([-1, 0, -2, 1, -3, -4, 4]);
    expect([...displayItems(3, null, new Set())]).toEqual([0, 1, 2]);
  });

  it('totals follow the filters: AutoFilter on Iași totals only its rows', () => {
    const all = computeView(data(), base(), null).totals.get('revenue')!;
    expect(all.sum).toBeCloseTo(1280.5, 9);
    expect(all.count).toBe(4);
    const filtered = computeView(data(), withAutoFilter(base(), 'city', { values: ['Iași'], blanks: false }), null).totals.get('revenue')!;
    expect(filtered).toMatchObject({ sum: 1040, count: 2, min: 40, max: 1000, average: 520, product: 40000 });
  });

  it('only shown number and money columns are totalled', () => {
    expect([...computeView(data(), base(), null).totals.keys()]).toEqual(['revenue']);
    expect([...computeView(data(), { ...base(), columns: ['name'] }, null).totals.keys()]).toEqual([]);
  });
});
