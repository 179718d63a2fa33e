/**
 * Totals as Excel computes them over the numbers of a range (text and blanks are ignored):
 * SUM, COUNT, AVERAGE, MIN, MAX, PRODUCT, STDEV.S, VAR.S. Where Excel shows an error
 * (#DIV/0! for AVERAGE of nothing and for STDEV.S/VAR.S of fewer than two numbers, #NUM! for
 * a PRODUCT that overflows) the value is null and the UI shows "—".
 */

/** The eight totals of one column. */
export interface Totals {
  sum: number;
  count: number;
  average: number | null;
  min: number;
  max: number;
  product: number | null;
  stdevS: number | null;
  varS: number | null;
}

/** Names of the totals in display order, with Excel's function names. */
export const TOTAL_FUNCTIONS: readonly { key: keyof Totals; excel: string }[] = [
  { key: 'sum', excel: 'SUM' },
  { key: 'count', excel: 'COUNT' },
  { key: 'average', excel: 'AVERAGE' },
  { key: 'min', excel: 'MIN' },
  { key: 'max', excel: 'MAX' },
  { key: 'product', excel: 'PRODUCT' },
  { key: 'stdevS', excel: 'STDEV.S' },
  { key: 'varS', excel: 'VAR.S' },
];

/** Totals of the numbers in `values` (NaN entries are blanks and are skipped). */
export function computeTotals(values: ArrayLike<number>): Totals {
  return totalsOf(values, null);
}

/** Totals of `numbers` at the row positions in `rows` (a column over the rows shown). */
export function totalsAt(numbers: Float64Array, rows: Int32Array): Totals {
  return totalsOf(numbers, rows);
}

function totalsOf(values: ArrayLike<number>, at: Int32Array | null): Totals {
  const length = at ? at.length : values.length;
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let product = 1;
  for (let i = 0; i < length; i++) {
    const value = values[at ? at[i] : i];
    if (Number.isNaN(value)) continue;
    count++;
    sum += value;
    product *= value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (count === 0) return { sum: 0, count: 0, average: null, min: 0, max: 0, product: 0, stdevS: null, varS: null };
  const average = sum / count;
  let varS: number | null = null;
  if (count >= 2) {
    // Two passes (mean first, then squared deviations): no cancellation on large amounts.
    let squares = 0;
    for (let i = 0; i < length; i++) {
      const value = values[at ? at[i] : i];
      if (Number.isNaN(value)) continue;
      squares += (value - average) ** 2;
    }
    varS = squares / (count - 1);
  }
  return {
    sum,
    count,
    average,
    min,
    max,
    product: Number.isFinite(product) ? product : null,
    stdevS: varS === null ? null : Math.sqrt(varS),
    varS,
  };
}
