import { describe, expect, it } from 'vitest';
import { computeTotals, totalsAt } from './totals';

// Excel's own documented examples (support.microsoft.com pages of each function).
const BREAKING_STRENGTH = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];

describe('totals: Excel functions over the numbers shown', () => {
  it('STDEV.S of the documented breaking-strength sample is 27.46392', () => {
    expect(computeTotals(BREAKING_STRENGTH).stdevS).toBeCloseTo(27.46391572, 7);
  });

  it('VAR.S of the documented breaking-strength sample is 754.2667', () => {
    expect(computeTotals(BREAKING_STRENGTH).varS).toBeCloseTo(754.2666667, 6);
  });

  it('AVERAGE, MIN, MAX and SUM of 10, 7, 9, 27, 2 are 11, 2, 27 and 55', () => {
    const totals = computeTotals([10, 7, 9, 27, 2]);
    expect(totals.average).toBe(11);
    expect(totals.min).toBe(2);
    expect(totals.max).toBe(27);
    expect(totals.sum).toBe(55);
    expect(totals.count).toBe(5);
  });

  it('PRODUCT of 5, 15, 30 is 2250', () => {
    expect(computeTotals([5, 15, 30]).product).toBe(2250);
  });

  it('COUNT counts numbers only: blanks are skipped by every function', () => {
    const totals = computeTotals([NaN, 4, NaN, 6]);
    expect(totals.count).toBe(2);
    expect(totals.sum).toBe(10);
    expect(totals.average).toBe(5);
    expect(totals.product).toBe(24);
    expect(totals.varS).toBe(2);
  });

  it('no numbers: SUM, COUNT, MIN, MAX, PRODUCT are 0 and AVERAGE, STDEV.S, VAR.S are #DIV/0! (null)', () => {
    expect(computeTotals([])).toEqual({ sum: 0, count: 0, average: null, min: 0, max: 0, product: 0, stdevS: null, varS: null });
    expect(computeTotals([NaN, NaN]).count).toBe(0);
  });

  it('one number: STDEV.S and VAR.S are #DIV/0! (n − 1 = 0), the rest are that number', () => {
    const totals = computeTotals([42]);
    expect(totals.stdevS).toBeNull();
    expect(totals.varS).toBeNull();
    expect(totals.average).toBe(42);
    expect(totals.min).toBe(42);
    expect(totals.max).toBe(42);
    expect(totals.product).toBe(42);
  });

  it('VAR.S divides by n − 1: two numbers 1 and 3 give 2, STDEV.S gives √2', () => {
    expect(computeTotals([1, 3]).varS).toBe(2);
    expect(computeTotals([1, 3]).stdevS).toBeCloseTo(Math.SQRT2, 12);
  });

  it('large amounts with small spread keep their variance (no cancellation)', () => {
    const totals = computeTotals([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(totals.varS).toBeCloseTo(30, 6);
  });

  it('negative numbers: MIN, MAX and PRODUCT keep their signs', () => {
    const totals = computeTotals([-2, 3, -4]);
    expect(totals.min).toBe(-4);
    expect(totals.max).toBe(3);
    expect(totals.product).toBe(24);
    expect(totals.sum).toBe(-3);
  });

  it('a PRODUCT that overflows is #NUM! (null), the other totals are unaffected', () => {
    const totals = computeTotals([1e200, 1e200]);
    expect(totals.product).toBeNull();
    expect(totals.max).toBe(1e200);
  });

  it('totalsAt totals only the rows shown, in any order', () => {
    const column = Float64Array.from([1, 100, 2, NaN, 3]);
    const totals = totalsAt(column, Int32Array.from([4, 0, 2, 3]));
    expect(totals.sum).toBe(6);
    expect(totals.count).toBe(3);
    expect(totals.varS).toBe(1);
  });

  it('matches a direct two-pass computation on seeded random amounts', () => {
    let seed = 7;
    const values = Array.from({ length: 500 }, () => ((seed = (seed * 16807) % 2147483647) % 100000) / 100);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    const totals = computeTotals(values);
    expect(totals.average).toBeCloseTo(mean, 9);
    expect(totals.varS).toBeCloseTo(variance, 6);
  });
});
