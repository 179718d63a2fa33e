/**
 * Which rows a view shows: quick search ids, AutoFilters and detailed-search conditions.
 * Conditions are evaluated once per distinct key (a mask over ColumnIndex.keys), then each row
 * only looks its keys up in the mask, so the cost per row is a few array reads.
 */
import { foldText } from '../search/normalize';
import type { ColumnIndex, TableData } from './columns';
import type { AutoFilter, Condition, ViewState } from './view-state';

/** A row test built once per recompute. */
export type RowTest = (row: number) => boolean;

/** Whether any of row `row`'s keys is set in `mask`; a blank row passes when `blanks` is true. */
export function rowHasKeyIn(column: ColumnIndex, row: number, mask: Uint8Array, blanks: boolean): boolean {
  const start = column.keyStart[row];
  const end = column.keyStart[row + 1];
  if (start === end) return blanks;
  for (let at = start; at < end; at++) if (mask[column.keyIds[at]]) return true;
  return false;
}

/** The test of one AutoFilter: rows with one of the chosen keys, or blank when blanks is on. */
export function autoFilterTest(column: ColumnIndex, filter: AutoFilter): RowTest {
  const mask = new Uint8Array(column.keys.length);
  const wanted = new Set(filter.values);
  column.keys.forEach((key, index) => {
    if (wanted.has(key)) mask[index] = 1;
  });
  return (row) => rowHasKeyIn(column, row, mask, filter.blanks);
}

/** Parses a number typed by a user: `1 234,5`, `1,234.5`, `1234.5`; NaN when it is not one. */
export function parseNumberInput(text: string): number {
  let cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (cleaned === '') return NaN;
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  if (lastComma > lastDot) cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  else cleaned = cleaned.replace(/,/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
}

/** What is wrong with a condition (a message key), or null when it can be applied. */
export function conditionProblem(column: ColumnIndex, condition: Condition): 'table.cond.needValue' | 'table.cond.badNumber' | 'table.cond.badDate' | 'table.cond.badOp' | null {
  const { op } = condition;
  const { kind } = column;
  if (op === 'empty' || op === 'notEmpty') return null;
  if ((op === 'contains' || op === 'startsWith') && kind !== 'text') return 'table.cond.badOp';
  const dated = kind === 'date' || kind === 'datetime';
  if ((op === 'before' || op === 'after' || op === 'between') && kind !== 'number' && !dated) return 'table.cond.badOp';
  const values = op === 'between' ? [condition.value, condition.value2] : [condition.value];
  if (values.some((value) => value.trim() === '')) return 'table.cond.needValue';
  if (kind === 'number' && values.some((value) => Number.isNaN(parseNumberInput(value)))) return 'table.cond.badNumber';
  if (dated && values.some((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value.trim()))) return 'table.cond.badDate';
  return null;
}

/** The test of one condition, or null when it cannot be applied yet (see conditionProblem). */
export function conditionTest(column: ColumnIndex, condition: Condition): RowTest | null {
  if (conditionProblem(column, condition)) return null;
  if (condition.op === 'empty') return (row) => column.keyStart[row + 1] === column.keyStart[row];
  if (condition.op === 'notEmpty') return (row) => column.keyStart[row + 1] > column.keyStart[row];
  const matches = keyPredicate(column, condition);
  const mask = new Uint8Array(column.keys.length);
  for (let index = 0; index < column.keys.length; index++) if (matches(index)) mask[index] = 1;
  return (row) => rowHasKeyIn(column, row, mask, false);
}

function keyPredicate(column: ColumnIndex, condition: Condition): (key: number) => boolean {
  const { op } = condition;
  if (column.kind === 'number') {
    const low = parseNumberInput(condition.value);
    const high = parseNumberInput(condition.value2);
    const value = (key: number) => column.keyNumbers[key];
    if (op === 'equals') return (key) => value(key) === low;
    if (op === 'before') return (key) => value(key) < low;
    if (op === 'after') return (key) => value(key) > low;
    return (key) => value(key) >= Math.min(low, high) && value(key) <= Math.max(low, high);
  }
  if (column.kind === 'date' || column.kind === 'datetime') {
    // Keys are ISO days (a datetime's local day), so string order is date order. A birthday
    // without a year (`--MM-DD`) is on no particular day: only "equals" can match it.
    const low = condition.value.trim();
    const high = condition.value2.trim();
    const [from, to] = low <= high ? [low, high] : [high, low];
    const day = (key: number) => column.keys[key];
    const dated = (key: number) => !day(key).startsWith('--');
    if (op === 'equals') return (key) => day(key) === low;
    if (op === 'before') return (key) => dated(key) && day(key) < low;
    if (op === 'after') return (key) => dated(key) && day(key) > low;
    return (key) => dated(key) && day(key) >= from && day(key) <= to;
  }
  // Text and yes/no: forgiving of case and accents, as the quick search is.
  const wanted = foldText(condition.value.trim());
  const keys = foldedKeys(column.keys);
  const folded = (key: number) => keys[key];
  if (op === 'contains') return (key) => folded(key).includes(wanted);
  if (op === 'startsWith') return (key) => folded(key).startsWith(wanted);
  return (key) => folded(key) === wanted;
}

const foldCache = new WeakMap<readonly string[], string[]>();

/** Keys without case and accents; cached per keys array (those arrays are never mutated). */
function foldedKeys(keys: readonly string[]): string[] {
  let folded = foldCache.get(keys);
  if (!folded) {
    folded = keys.map(foldText);
    foldCache.set(keys, folded);
  }
  return folded;
}

/**
 * Row indexes (in row order) that pass the view's search, AutoFilters and conditions.
 * `exceptFilterOf` leaves one column's AutoFilter out: its value list shows what it could show.
 */
export function filterRows(data: TableData, state: ViewState, searchIds: ReadonlySet<string> | null, exceptFilterOf?: string): Int32Array {
  const tests: RowTest[] = [];
  for (const filter of state.filters) {
    if (filter.field === exceptFilterOf || !data.fields.has(filter.field)) continue;
    tests.push(autoFilterTest(data.column(filter.field), filter));
  }
  const conditionTests: RowTest[] = [];
  for (const condition of state.conditions.items) {
    if (!data.fields.has(condition.field)) continue;
    const test = conditionTest(data.column(condition.field), condition);
    if (test) conditionTests.push(test);
  }
  if (conditionTests.length > 0) {
    if (state.conditions.mode === 'or') tests.push((row) => conditionTests.some((test) => test(row)));
    else tests.push(...conditionTests);
  }
  const rows = data.rows;
  const out = new Int32Array(rows.length);
  let count = 0;
  for (let row = 0; row < rows.length; row++) {
    if (searchIds && !searchIds.has(rows[row].id)) continue;
    let pass = true;
    for (let t = 0; t < tests.length && pass; t++) pass = tests[t](row);
    if (pass) out[count++] = row;
  }
  return out.slice(0, count);
}
