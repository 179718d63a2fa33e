import { describe, expect, it } from 'vitest';
import { builtinFields } from '../schema/fields';
import { instantFromLocal } from '../schema/datetime';
import { autoFilterValues } from './autofilter-values';
import { createTableData, columnKind, valueKeys } from './columns';
import { computeView } from './compute-view';
import { conditionProblem } from './filtering';
import { formatCell, formatKey } from './format';
import { makeRow, seededRandom, testContext } from './test-rows';
import { defaultViewState, filterByValue, type Condition, type ViewState } from './view-state';

const taskFields = builtinFields('tasks');
const eventFields = builtinFields('events');
const at = (day: string, time: string) => instantFromLocal(day, time)!;
const due = taskFields.find((field) => field.id === 'due')!;

const rows = [
  makeRow('tasks', { title: 'late evening', due: at('2026-11-24', '23:30') }, 't1'),
  makeRow('tasks', { title: 'morning', due: at('2026-11-24', '08:00') }, 't2'),
  makeRow('tasks', { title: 'no due' }, 't3'),
  makeRow('tasks', { title: 'next day', due: at('2026-11-25', '00:15') }, 't4'),
  makeRow('tasks', { title: 'earlier', due: at('2026-11-20', '12:00') }, 't5'),
];
const data = () => createTableData(rows, taskFields, testContext());
const base = (): ViewState => ({ ...defaultViewState(taskFields), columns: ['title', 'due'] });
const ids = (indexes: Int32Array) => [...indexes].map((index) => rows[index].id);
const cond = (op: Condition['op'], value = '', value2 = ''): Condition => ({ field: 'due', op, value, value2 });
const withCond = (...items: Condition[]): ViewState => ({ ...base(), conditions: { mode: 'and', items } });

describe('datetime columns', () => {
  it('sort by the instant, not by its text, blanks last either way', () => {
    expect(ids(computeView(data(), { ...base(), sort: [{ field: 'due', dir: 'asc' }] }, null).rows)).toEqual(['t5', 't2', 't1', 't4', 't3']);
    expect(ids(computeView(data(), { ...base(), sort: [{ field: 'due', dir: 'desc' }] }, null).rows)).toEqual(['t4', 't1', 't2', 't5', 't3']);
  });

  it('a random set of instants sorts the same as a numeric sort (seeded)', () => {
    const random = seededRandom(42);
    const many = Array.from({ length: 300 }, (_, n) => makeRow('tasks', random() < 0.1 ? {} : { due: Math.floor(random() * 4e12) }, `x${n}`));
    const table = createTableData(many, taskFields, testContext());
    const sorted = [...computeView(table, { ...base(), sort: [{ field: 'due', dir: 'asc' }] }, null).rows].map((index) => many[index].v.due as number | undefined);
    const filled = sorted.filter((value): value is number => value !== undefined);
    expect(filled).toEqual([...filled].sort((a, b) => a - b));
    expect(sorted.slice(filled.length).every((value) => value === undefined)).toBe(true);
  });

  it('filter before / after / between compare local days, and equals keeps the whole day', () => {
    expect(ids(computeView(data(), withCond(cond('equals', '2026-11-24')), null).rows).sort()).toEqual(['t1', 't2']);
    expect(ids(computeView(data(), withCond(cond('before', '2026-11-24')), null).rows)).toEqual(['t5']);
    expect(ids(computeView(data(), withCond(cond('after', '2026-11-24')), null).rows)).toEqual(['t4']);
    expect(ids(computeView(data(), withCond(cond('between', '2026-11-25', '2026-11-21')), null).rows).sort()).toEqual(['t1', 't2', 't4']);
  });

  it('a condition with text that is no date says so and filters nothing', () => {
    const column = data().column('due');
    expect(conditionProblem(column, cond('before', 'tomorrow'))).toBe('table.cond.badDate');
    expect(conditionProblem(column, cond('contains', 'x'))).toBe('table.cond.badOp');
    expect(computeView(data(), withCond(cond('before', 'tomorrow')), null).rows.length).toBe(rows.length);
  });

  it('datetime fields have their own column kind (the detailed search offers date operators for it)', () => {
    expect(columnKind('datetime')).toBe('datetime');
    expect(conditionProblem(data().column('due'), cond('between', '2026-01-01', '2026-12-31'))).toBeNull();
  });

  it('AutoFilter lists local days with counts; filter by a cell keeps that day', () => {
    const { entries, blanks } = autoFilterValues(data(), base(), null, 'due');
    expect(entries.map((entry) => [entry.key, entry.count])).toEqual([
      ['2026-11-20', 1],
      ['2026-11-24', 2],
      ['2026-11-25', 1],
    ]);
    expect(blanks).toBe(1);
    const key = valueKeys(due, rows[0].v.due, testContext())[0];
    expect(ids(computeView(data(), filterByValue(base(), 'due', key), null).rows).sort()).toEqual(['t1', 't2']);
  });

  it('cells show date and time in local time; AutoFilter days show as dates', () => {
    const text = formatCell(due, at('2026-11-24', '23:30'), testContext(), 'EUR');
    expect(text).toMatch(/24/);
    expect(text).toMatch(/11/);
    expect(text).toMatch(/11:30|23:30/);
    expect(formatKey(due, '2026-11-24', 'EUR')).not.toMatch(/23:30/);
  });

  it('datetimes are never totalled; event durations are', () => {
    const events = [makeRow('events', { subject: 'a', duration: 30, start: 1 }), makeRow('events', { subject: 'b', duration: 45, start: 2 })];
    const table = createTableData(events, eventFields, testContext());
    const totals = computeView(table, { ...defaultViewState(eventFields), columns: ['subject', 'start', 'duration'] }, null).totals;
    expect(totals.get('duration')?.sum).toBe(75);
    expect(totals.has('start')).toBe(false);
  });
});

describe('reminder and checklist columns', () => {
  const remind = taskFields.find((field) => field.id === 'remind')!;
  const checklist = taskFields.find((field) => field.id === 'checklist')!;

  it('reminders sort as minutes and show in words', () => {
    const list = [makeRow('tasks', { remind: 120 }, 'a'), makeRow('tasks', { remind: 15 }, 'b'), makeRow('tasks', { remind: 0 }, 'c')];
    const table = createTableData(list, taskFields, testContext());
    const order = computeView(table, { ...base(), sort: [{ field: 'remind', dir: 'asc' }] }, null).rows;
    expect([...order].map((index) => list[index].id)).toEqual(['c', 'b', 'a']);
    expect(formatCell(remind, 15, testContext(), 'EUR')).toBe('15 min before');
    expect(formatCell(remind, 120, testContext(), 'EUR')).toBe('2 h before');
    expect(formatCell(remind, 0, testContext(), 'EUR')).toBe('At the time');
    expect(computeView(table, { ...base(), columns: ['remind'] }, null).totals.has('remind')).toBe(false);
  });

  it('a checklist cell shows its progress; AutoFilter lists its items', () => {
    const value = [
      { kind: 'done', value: 'Call' },
      { kind: 'open', value: 'Send offer' },
    ];
    expect(formatCell(checklist, value, testContext(), 'EUR')).toBe('1 of 2 done');
    expect(valueKeys(checklist, value, testContext())).toEqual(['Call', 'Send offer']);
  });
});

describe('grouping by a datetime', () => {
  it('groups by local day, in time order, with the blanks last', () => {
    const view = computeView(data(), { ...base(), groupBy: 'due', sort: [{ field: 'due', dir: 'asc' }] }, null);
    expect(view.groups!.map((group) => [group.label, group.end - group.start])).toEqual([
      ['2026-11-20', 1],
      ['2026-11-24', 2],
      ['2026-11-25', 1],
      [null, 1],
    ]);
    expect(ids(view.rows)).toEqual(['t5', 't2', 't1', 't4', 't3']);
  });
});
