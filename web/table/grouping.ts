/**
 * Grouping as Excel's subtotals do it: rows sorted by the group column first, then each run of
 * equal values is a group with its count and the totals of the numeric columns.
 */
import type { ColumnIndex } from './columns';
import { totalsAt, type Totals } from './totals';

/** One group of consecutive shown rows. */
export interface RowGroup {
  /** The group's value as text (joined for multi-valued fields); null for blank cells. */
  label: string | null;
  /** Positions [start, end) in the shown rows. */
  start: number;
  end: number;
  /** Totals of each numeric column over the group's rows. */
  totals: Map<string, Totals>;
}

/** The key of a group in the set of collapsed groups (blanks get a key no text can have). */
export function groupKey(group: Pick<RowGroup, 'label'>): string {
  return group.label ?? '\u0000blank';
}

/**
 * Splits `sorted` (already sorted with the group column as first key) into runs of equal
 * value, with totals of `numeric` columns per run.
 */
export function groupRows(sorted: Int32Array, column: ColumnIndex, numeric: readonly ColumnIndex[]): RowGroup[] {
  const groups: RowGroup[] = [];
  // Datetimes group by local day (their key), not by the exact instant they sort by.
  const byDay = column.kind === 'datetime';
  const rankOf = byDay ? (row: number) => (column.keyStart[row] === column.keyStart[row + 1] ? -1 : column.keyIds[column.keyStart[row]]) : (row: number) => column.sortRank[row];
  const labels = byDay ? column.keys : column.sortKeys;
  let start = 0;
  while (start < sorted.length) {
    const rank = rankOf(sorted[start]);
    let end = start + 1;
    while (end < sorted.length && rankOf(sorted[end]) === rank) end++;
    const members = sorted.subarray(start, end);
    const totals = new Map<string, Totals>();
    for (const index of numeric) totals.set(index.field.id, totalsAt(index.numbers!, members));
    groups.push({ label: rank < 0 ? null : labels[rank], start, end, totals });
    start = end;
  }
  return groups;
}

/**
 * The list the grid renders: row positions (>= 0, into the shown rows) and group headers
 * (-(g + 1) for group g); rows of collapsed groups are left out.
 */
export function displayItems(rowCount: number, groups: readonly RowGroup[] | null, collapsed: ReadonlySet<string>): Int32Array {
  if (!groups) {
    const items = new Int32Array(rowCount);
    for (let i = 0; i < rowCount; i++) items[i] = i;
    return items;
  }
  let size = groups.length;
  for (const group of groups) if (!collapsed.has(groupKey(group))) size += group.end - group.start;
  const items = new Int32Array(size);
  let at = 0;
  groups.forEach((group, g) => {
    items[at++] = -(g + 1);
    if (collapsed.has(groupKey(group))) return;
    for (let position = group.start; position < group.end; position++) items[at++] = position;
  });
  return items;
}
