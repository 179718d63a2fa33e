/**
 * Column indexes: one pass over a section's rows turns a field into typed arrays that sorting,
 * filtering, AutoFilter lists, grouping and totals use without touching the rows again.
 * Every row has zero (blank), one, or (for multi-valued fields) several keys: the strings
 * AutoFilter lists and counts. Keys are kept in sort order, so a key's index is its rank.
 */
import type { Row } from '../engine/rows';
import { isNumericType, type FieldDef, type FieldType, type FieldValue, type KindedValue } from '../schema/fields';
import { CollationRanks, sharedRanks } from './collation';
import { isInstant, localDayKey } from '../schema/datetime';
import { dayRange, localDateOf } from '../local-time/local-time';

/**
 * How a column compares and filters: by collated text, by number, by ISO date, yes/no, or by
 * instant (datetime: sorted by the instant, filtered and listed by its local day).
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'bool' | 'datetime';

/** What indexing needs from outside: names of referenced records and users, and the collation. */
export interface ColumnContext {
  /** The display name of a referenced record ('' when unknown). */
  refName(recordId: string): string;
  /** The display name of a user. */
  userName(userId: string): string;
  /** The UI language's string order (collator().compare). */
  compare(a: string, b: string): number;
  /** Identifies the collation, so cached ranks are never shared between languages. */
  collationKey: string;
}

/** The typed-array index of one column over a fixed array of rows. */
export interface ColumnIndex {
  field: FieldDef;
  kind: ColumnKind;
  /** Distinct keys in sort order; may include keys no current row has (their count is 0). */
  keys: readonly string[];
  /** Numeric value of each key (number columns; NaN elsewhere). */
  keyNumbers: Float64Array;
  /** Row r's keys are keyIds[keyStart[r] .. keyStart[r + 1]) (indexes into keys). */
  keyStart: Uint32Array;
  keyIds: Int32Array;
  /** Per row: its sort rank (-1 when blank); for multi-valued fields the rank of the joined text. */
  sortRank: Int32Array;
  /** The strings sortRank ranks (equals keys for single-valued fields): group labels. */
  sortKeys: readonly string[];
  /** Per row: its number (number columns; NaN when blank). */
  numbers: Float64Array | null;
  multi: boolean;
}

/** The kind of a field type. */
export function columnKind(type: FieldType): ColumnKind {
  // Reminders are minutes: they sort and compare as numbers (but are never totalled).
  if (isNumericType(type) || type === 'reminder') return 'number';
  if (type === 'date') return 'date';
  if (type === 'datetime') return 'datetime';
  if (type === 'bool') return 'bool';
  return 'text';
}

/** Whether a field type holds several values per record (each one counts in AutoFilter). */
export function isMultiValued(type: FieldType): boolean {
  return type === 'phones' || type === 'emails' || type === 'accounts' || type === 'tags' || type === 'multichoice' || type === 'checklist';
}

/** The keys of one value: what AutoFilter lists and "filter by this value" matches ([] = blank). */
export function valueKeys(field: FieldDef, value: FieldValue | undefined, context: ColumnContext): string[] {
  if (!isMultiValued(field.type)) {
    const key = singleValueKey(field, value, context);
    return key === null ? [] : [key];
  }
  if (value === null || value === undefined || value === '') return [];
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() ? [value.trim()] : [];
  const keys: string[] = [];
  for (const entry of value as (string | KindedValue)[]) {
    const text = (typeof entry === 'string' ? entry : entry?.value ?? '').trim();
    if (text && !keys.includes(text)) keys.push(text);
  }
  return keys;
}

/** The one key of a value of a single-valued field, or null when blank (no array per row). */
export function singleValueKey(field: FieldDef, value: FieldValue | undefined, context: ColumnContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'number':
    case 'money':
    case 'reminder': {
      const number = numericValue(value);
      return Number.isNaN(number) ? null : String(number);
    }
    case 'datetime':
      // The local day: AutoFilter lists days and "filter by this value" keeps the whole day.
      return isInstant(value) ? localDayKey(value) : null;
    case 'bool':
      return typeof value === 'boolean' ? String(value) : null;
    case 'ref':
      return typeof value === 'string' ? context.refName(value).trim() || null : null;
    case 'user':
      return typeof value === 'string' ? context.userName(value).trim() || null : null;
    default: {
      const text = (Array.isArray(value) ? value.join(', ') : String(value)).trim();
      return text || null;
    }
  }
}

/** The number a stored value holds (numbers typed as text are read too); NaN when none. */
function numericValue(value: FieldValue | undefined): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) ? number : NaN;
}

/** Indexes one column of `rows` (see ColumnIndex). Cost: one pass plus sorting new distinct keys. */
export function buildColumnIndex(rows: readonly Row[], field: FieldDef, context: ColumnContext): ColumnIndex {
  if (isMultiValued(field.type)) return buildMultiIndex(rows, field, context);
  if (columnKind(field.type) === 'number') return buildNumberIndex(rows, field);
  if (columnKind(field.type) === 'datetime') return buildInstantIndex(rows, field);
  return buildSingleIndex(rows, field, context);
}

/** Numbers: read straight into a Float64Array; distinct values sorted natively. */
function buildNumberIndex(rows: readonly Row[], field: FieldDef): ColumnIndex {
  const count = rows.length;
  const numbers = new Float64Array(count);
  let filled = 0;
  for (let r = 0; r < count; r++) {
    numbers[r] = numericValue(rows[r].v[field.id]);
    if (!Number.isNaN(numbers[r])) filled++;
  }
  const sorted = new Float64Array(filled);
  let at = 0;
  for (let r = 0; r < count; r++) if (!Number.isNaN(numbers[r])) sorted[at++] = numbers[r];
  sorted.sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  const keyNumbers = sorted.slice(0, distinct);
  const sortRank = new Int32Array(count);
  for (let r = 0; r < count; r++) sortRank[r] = Number.isNaN(numbers[r]) ? -1 : binarySearch(keyNumbers, numbers[r]);
  const keys = Array.from(keyNumbers, String);
  return { field, kind: 'number', keys, keyNumbers, ...singleKeyLists(sortRank), sortRank, sortKeys: keys, numbers, multi: false };
}

/**
 * Datetimes: keys are local days (`YYYY-MM-DD`, what AutoFilter lists and date conditions
 * compare), while rows sort by the instant itself; `sortKeys` are the instants as strings.
 */
function buildInstantIndex(rows: readonly Row[], field: FieldDef): ColumnIndex {
  const count = rows.length;
  const numbers = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const value = rows[r].v[field.id];
    numbers[r] = isInstant(value) ? value : NaN;
  }
  const instants = distinctSorted(numbers);
  const sortRank = new Int32Array(count);
  for (let r = 0; r < count; r++) sortRank[r] = Number.isNaN(numbers[r]) ? -1 : binarySearch(instants, numbers[r]);
  // Days in instant order are already in day order: a new day starts only at a local midnight,
  // so the calendar is consulted once per day, not once per instant.
  const keys: string[] = [];
  const dayOfInstant = new Int32Array(instants.length);
  let nextMidnight = -Infinity;
  for (let i = 0; i < instants.length; i++) {
    if (instants[i] >= nextMidnight) {
      const day = localDayKey(instants[i]);
      if (keys.length === 0 || keys[keys.length - 1] !== day) keys.push(day);
      nextMidnight = dayRange(localDateOf(instants[i])).end;
    }
    dayOfInstant[i] = keys.length - 1;
  }
  const dayRank = new Int32Array(count);
  for (let r = 0; r < count; r++) dayRank[r] = sortRank[r] < 0 ? -1 : dayOfInstant[sortRank[r]];
  const keyNumbers = new Float64Array(keys.length).fill(NaN);
  return { field, kind: 'datetime', keys, keyNumbers, ...singleKeyLists(dayRank), sortRank, sortKeys: Array.from(instants, String), numbers, multi: false };
}

/** The distinct non-NaN values of `numbers`, ascending. */
function distinctSorted(numbers: Float64Array): Float64Array {
  const sorted = numbers.filter((value) => !Number.isNaN(value)).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  return sorted.slice(0, distinct);
}

/** Text, dates and yes/no: one key per row, ranked through the shared collation dictionary. */
function buildSingleIndex(rows: readonly Row[], field: FieldDef, context: ColumnContext): ColumnIndex {
  const kind = columnKind(field.type);
  const count = rows.length;
  const texts: (string | null)[] = new Array(count);
  for (let r = 0; r < count; r++) texts[r] = singleValueKey(field, rows[r].v[field.id], context);
  const sortRank = new Int32Array(count);
  let keys: readonly string[];
  if (kind === 'bool') {
    keys = ['false', 'true'];
    for (let r = 0; r < count; r++) sortRank[r] = texts[r] === null ? -1 : texts[r] === 'true' ? 1 : 0;
  } else {
    const dictionary = kind === 'date' ? sharedRanks(`${field.section}.${field.id}#date`, codeUnitOrder) : sharedRanks(`${field.section}.${field.id}|${context.collationKey}`, context.compare);
    dictionary.add(texts.filter((text): text is string => text !== null));
    keys = dictionary.sorted;
    for (let r = 0; r < count; r++) sortRank[r] = texts[r] === null ? -1 : dictionary.rank(texts[r]!);
  }
  const keyNumbers = new Float64Array(keys.length).fill(NaN);
  return { field, kind, keys, keyNumbers, ...singleKeyLists(sortRank), sortRank, sortKeys: keys, numbers: null, multi: false };
}

/** Key lists of a single-valued column: each row's one key is its rank. */
function singleKeyLists(sortRank: Int32Array): { keyStart: Uint32Array; keyIds: Int32Array } {
  const keyStart = new Uint32Array(sortRank.length + 1);
  let filled = 0;
  for (let r = 0; r < sortRank.length; r++) if (sortRank[r] >= 0) filled++;
  const keyIds = new Int32Array(filled);
  let at = 0;
  for (let r = 0; r < sortRank.length; r++) {
    keyStart[r] = at;
    if (sortRank[r] >= 0) keyIds[at++] = sortRank[r];
  }
  keyStart[sortRank.length] = at;
  return { keyStart, keyIds };
}

/** ISO dates compare as plain strings. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Multi-valued fields (phones, e-mails, tags...): several keys per row, sorted by the joined text. */
function buildMultiIndex(rows: readonly Row[], field: FieldDef, context: ColumnContext): ColumnIndex {
  const kind = columnKind(field.type);
  const multi = true;
  const count = rows.length;
  const rowKeys: string[][] = new Array(count);
  let total = 0;
  for (let r = 0; r < count; r++) {
    const keys = valueKeys(field, rows[r].v[field.id], context);
    rowKeys[r] = keys;
    total += keys.length;
  }
  const { keys, keyOf, keyNumbers } = keyDictionary(rowKeys, field, context);
  const keyStart = new Uint32Array(count + 1);
  const keyIds = new Int32Array(total);
  let at = 0;
  for (let r = 0; r < count; r++) {
    keyStart[r] = at;
    for (const key of rowKeys[r]) keyIds[at++] = keyOf(key);
  }
  keyStart[count] = at;

  const joined = rowKeys.map((list) => list.join(', '));
  const dictionary = sharedRanks(`${field.section}.${field.id}#joined|${context.collationKey}`, context.compare);
  dictionary.add(joined.filter(Boolean));
  const sortRank = new Int32Array(count);
  for (let r = 0; r < count; r++) sortRank[r] = joined[r] ? dictionary.rank(joined[r]) : -1;
  return { field, kind, keys, keyNumbers, keyStart, keyIds, sortRank, sortKeys: dictionary.sorted, numbers: null, multi };
}

function keyDictionary(rowKeys: string[][], field: FieldDef, context: ColumnContext): { keys: readonly string[]; keyOf: (key: string) => number; keyNumbers: Float64Array } {
  const dictionary = sharedRanks(`${field.section}.${field.id}|${context.collationKey}`, context.compare);
  addAll(dictionary, rowKeys);
  const keys = dictionary.sorted;
  return { keys, keyOf: (key) => dictionary.rank(key), keyNumbers: new Float64Array(keys.length).fill(NaN) };
}

function binarySearch(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else if (sorted[middle] > value) high = middle - 1;
    else return middle;
  }
  return -1;
}

function addAll(dictionary: CollationRanks, rowKeys: string[][]): void {
  const all: string[] = [];
  for (const list of rowKeys) for (const key of list) all.push(key);
  dictionary.add(all);
}

/** The rows of one table with their column indexes, built lazily and cached per field. */
export interface TableData {
  rows: readonly Row[];
  /** Fields by id (every field of the section, shown or not). */
  fields: ReadonlyMap<string, FieldDef>;
  /** The index of a column (built on first use). Throws on an unknown field id. */
  column(fieldId: string): ColumnIndex;
}

/** Wraps the rows of a table; column indexes are built on demand and kept with this object. */
export function createTableData(rows: readonly Row[], fields: readonly FieldDef[], context: ColumnContext): TableData {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const cache = new Map<string, ColumnIndex>();
  return {
    rows,
    fields: byId,
    column(fieldId) {
      let index = cache.get(fieldId);
      if (!index) {
        const field = byId.get(fieldId);
        if (!field) throw new Error(`No field "${fieldId}" in this table`);
        index = buildColumnIndex(rows, field, context);
        cache.set(fieldId, index);
      }
      return index;
    },
  };
}
