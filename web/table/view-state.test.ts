import { describe, expect, it } from 'vitest';
import { builtinFields } from '../schema/fields';
import { defaultViewState, filterByValue, moveColumn, parseViewState, serializeViewState, toggleColumn, toggleSort, withAutoFilter, type ViewState } from './view-state';

const fields = builtinFields('orgs');

describe('view state: what a saved view holds', () => {
  it('the default view shows the section default columns and nothing filtered', () => {
    const state = defaultViewState(fields);
    expect(state.columns).toEqual(fields.filter((field) => field.column).map((field) => field.id));
    expect(state).toMatchObject({ sort: [], filters: [], search: '', groupBy: null });
  });

  it('hidden and deleted fields are not default columns', () => {
    const changed = fields.map((field) => (field.id === 'city' ? { ...field, hidden: true } : field.id === 'taxId' ? { ...field, deletedAt: 1 } : field));
    const columns = defaultViewState(changed).columns;
    expect(columns).not.toContain('city');
    expect(columns).not.toContain('taxId');
  });

  it('a serialized view reads back to the same state (round trip through JSON)', () => {
    const state: ViewState = {
      columns: ['name', 'city', 'revenue'],
      sort: [{ field: 'city', dir: 'asc' }, { field: 'revenue', dir: 'desc' }],
      filters: [{ field: 'category', values: ['key'], blanks: true }],
      conditions: { mode: 'or', items: [{ field: 'revenue', op: 'between', value: '10', value2: '20' }] },
      search: 'iasi',
      groupBy: 'manager',
    };
    const stored = JSON.parse(JSON.stringify(serializeViewState(state)));
    expect(stored.version).toBe(1);
    expect(parseViewState(stored, fields)).toEqual({ state, dropped: [] });
  });

  it('a view naming a field that no longer exists opens without it and says what was dropped', () => {
    const { state, dropped } = parseViewState({ columns: ['name', 'gone'], sort: [{ field: 'gone', dir: 'asc' }], groupBy: 'gone' }, fields);
    expect(state.columns).toEqual(['name']);
    expect(state.sort).toEqual([]);
    expect(state.groupBy).toBeNull();
    expect(dropped).toHaveLength(3);
    expect(dropped[0]).toContain('columns[1]');
  });

  it('garbage is not a view: the default state comes back with a reason', () => {
    expect(parseViewState('nonsense', fields)).toEqual({ state: defaultViewState(fields), dropped: ['view is not an object'] });
    expect(parseViewState({ conditions: { items: [{ field: 'name', op: 'explode' }] } }, fields).state.conditions.items).toEqual([]);
  });

  it('a click sorts by one column: ascending, then descending, then unsorted', () => {
    let sort = toggleSort([], 'name', false);
    expect(sort).toEqual([{ field: 'name', dir: 'asc' }]);
    sort = toggleSort(sort, 'name', false);
    expect(sort).toEqual([{ field: 'name', dir: 'desc' }]);
    expect(toggleSort(sort, 'name', false)).toEqual([]);
  });

  it('a click on another column replaces a multi-column sort; Shift+click adds or flips a key', () => {
    let sort = toggleSort([{ field: 'city', dir: 'asc' }], 'name', true);
    expect(sort).toEqual([{ field: 'city', dir: 'asc' }, { field: 'name', dir: 'asc' }]);
    sort = toggleSort(sort, 'city', true);
    expect(sort).toEqual([{ field: 'city', dir: 'desc' }, { field: 'name', dir: 'asc' }]);
    expect(toggleSort(sort, 'revenue', false)).toEqual([{ field: 'revenue', dir: 'asc' }]);
  });

  it('filter by value keeps one value of a column and replaces that column filter only', () => {
    let state = withAutoFilter(defaultViewState(fields), 'category', { values: ['key', 'regular'], blanks: false });
    state = filterByValue(state, 'city', 'Iași');
    state = filterByValue(state, 'category', null);
    expect(state.filters).toEqual([
      { field: 'city', values: ['Iași'], blanks: false },
      { field: 'category', values: [], blanks: true },
    ]);
    expect(withAutoFilter(state, 'city', null).filters.map((filter) => filter.field)).toEqual(['category']);
  });

  it('columns move left and right within bounds and toggle on and off', () => {
    expect(moveColumn(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(toggleColumn(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleColumn(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
  });
});
