/**
 * The state of a section's table that a user can save as a view: columns, sort, filters,
 * detailed-search conditions, quick search text and grouping. Plain JSON, so it is stored as
 * it is in the prefs document (commands.saveView) and read back through parseViewState.
 */
import type { FieldDef } from '../schema/fields';

/** One sort key: a field and a direction. */
export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

/** An AutoFilter on one column: the keys a row may have to stay shown, and whether blanks stay. */
export interface AutoFilter {
  field: string;
  values: string[];
  blanks: boolean;
}

/** Operators of the detailed search. */
export const CONDITION_OPS = ['equals', 'contains', 'startsWith', 'before', 'after', 'between', 'empty', 'notEmpty'] as const;
/** One operator of the detailed search. */
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** One condition of the detailed search (`value2` is the upper bound of `between`). */
export interface Condition {
  field: string;
  op: ConditionOp;
  value: string;
  value2: string;
}

/** The detailed search: conditions combined with AND or OR. */
export interface ConditionGroup {
  mode: 'and' | 'or';
  items: Condition[];
}

/** Everything a saved view holds. */
export interface ViewState {
  /** Visible columns, in display order. */
  columns: string[];
  sort: SortKey[];
  filters: AutoFilter[];
  conditions: ConditionGroup;
  /** Quick search text. */
  search: string;
  /** The field rows are grouped by, or null. */
  groupBy: string | null;
}

/** The version written into serialized views, so later formats can migrate old ones. */
export const VIEW_STATE_VERSION = 1;

/** Fields a table can show: not hidden, not pending deletion, not a photo. */
export function tableFields(fields: readonly FieldDef[]): FieldDef[] {
  return fields.filter((field) => !field.hidden && field.deletedAt === undefined && field.type !== 'photo');
}

/** The view of a section before the user changes anything: its default columns, nothing else. */
export function defaultViewState(fields: readonly FieldDef[]): ViewState {
  const usable = tableFields(fields);
  const columns = usable.filter((field) => field.column).map((field) => field.id);
  return {
    columns: columns.length > 0 ? columns : usable.slice(0, 6).map((field) => field.id),
    sort: [],
    filters: [],
    conditions: { mode: 'and', items: [] },
    search: '',
    groupBy: null,
  };
}

/** A saved view in its stored form (JSON-compatible, versioned). */
export function serializeViewState(state: ViewState): unknown {
  return { version: VIEW_STATE_VERSION, ...JSON.parse(JSON.stringify(state)) };
}

/**
 * Reads a stored view against the section's current fields. Anything malformed or naming a
 * field that no longer exists is dropped and listed in `dropped`, so an old view still opens.
 */
export function parseViewState(raw: unknown, fields: readonly FieldDef[]): { state: ViewState; dropped: string[] } {
  const known = new Set(tableFields(fields).map((field) => field.id));
  const dropped: string[] = [];
  const state = defaultViewState(fields);
  if (!isObject(raw)) return { state, dropped: ['view is not an object'] };
  const keep = (field: unknown, where: string): field is string => {
    if (typeof field === 'string' && known.has(field)) return true;
    dropped.push(`${where}: unknown field ${JSON.stringify(field)}`);
    return false;
  };
  if (Array.isArray(raw.columns)) {
    const columns = raw.columns.filter((field, index) => keep(field, `columns[${index}]`));
    state.columns = [...new Set(columns)];
  }
  if (Array.isArray(raw.sort)) {
    state.sort = raw.sort
      .filter((key): key is Record<string, unknown> => isObject(key))
      .filter((key, index) => keep(key.field, `sort[${index}]`))
      .map((key) => ({ field: key.field as string, dir: key.dir === 'desc' ? 'desc' : 'asc' }));
  }
  if (Array.isArray(raw.filters)) {
    state.filters = raw.filters
      .filter((filter): filter is Record<string, unknown> => isObject(filter))
      .filter((filter, index) => keep(filter.field, `filters[${index}]`))
      .map((filter) => ({
        field: filter.field as string,
        values: Array.isArray(filter.values) ? filter.values.filter((value): value is string => typeof value === 'string') : [],
        blanks: filter.blanks === true,
      }));
  }
  if (isObject(raw.conditions)) {
    const items = Array.isArray(raw.conditions.items) ? raw.conditions.items : [];
    state.conditions = {
      mode: raw.conditions.mode === 'or' ? 'or' : 'and',
      items: items
        .filter((item): item is Record<string, unknown> => isObject(item))
        .filter((item, index) => keep(item.field, `conditions[${index}]`))
        .filter((item) => (CONDITION_OPS as readonly unknown[]).includes(item.op))
        .map((item) => ({
          field: item.field as string,
          op: item.op as ConditionOp,
          value: typeof item.value === 'string' ? item.value : '',
          value2: typeof item.value2 === 'string' ? item.value2 : '',
        })),
    };
  }
  if (typeof raw.search === 'string') state.search = raw.search;
  if (raw.groupBy !== null && raw.groupBy !== undefined && keep(raw.groupBy, 'groupBy')) state.groupBy = raw.groupBy;
  return { state, dropped };
}

/**
 * The sort after a header click: a plain click makes the column the only key (asc, then desc,
 * then unsorted); Shift+click adds it as a further key or flips its direction.
 */
export function toggleSort(sort: readonly SortKey[], field: string, additive: boolean): SortKey[] {
  const existing = sort.find((key) => key.field === field);
  if (additive) {
    if (!existing) return [...sort, { field, dir: 'asc' }];
    return sort.map((key) => (key.field === field ? { field, dir: key.dir === 'asc' ? 'desc' : 'asc' } : key));
  }
  if (sort.length === 1 && existing) return existing.dir === 'asc' ? [{ field, dir: 'desc' }] : [];
  return [{ field, dir: 'asc' }];
}

/** The state with the AutoFilter of `field` replaced (null removes it). */
export function withAutoFilter(state: ViewState, field: string, filter: Omit<AutoFilter, 'field'> | null): ViewState {
  const others = state.filters.filter((existing) => existing.field !== field);
  return { ...state, filters: filter ? [...others, { field, ...filter }] : others };
}

/**
 * "Filter by this value": keeps only rows whose `field` has `key` (null means blank cells);
 * `spellings` are the stored spellings that count as that value (see caseSpellings).
 */
export function filterByValue(state: ViewState, field: string, key: string | null, spellings: readonly string[] = key === null ? [] : [key]): ViewState {
  return withAutoFilter(state, field, key === null ? { values: [], blanks: true } : { values: [...spellings], blanks: false });
}

/** Moves a visible column one place left (-1) or right (+1). */
export function moveColumn(columns: readonly string[], field: string, delta: -1 | 1): string[] {
  const index = columns.indexOf(field);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= columns.length) return [...columns];
  const next = [...columns];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Shows or hides a column (a shown column goes to the end). */
export function toggleColumn(columns: readonly string[], field: string): string[] {
  return columns.includes(field) ? columns.filter((id) => id !== field) : [...columns, field];
}

/** Whether a view filters rows at all (search, AutoFilters or conditions). */
export function isFiltered(state: ViewState): boolean {
  return state.search.trim() !== '' || state.filters.length > 0 || state.conditions.items.length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
