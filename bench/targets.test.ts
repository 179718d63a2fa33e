import { describe, expect, it } from 'vitest';
import { quantile, ratioLine, round } from './targets';

describe('bench figures', () => {
  it('quantiles use the nearest rank of the sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(quantile(samples, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('a metric with a target gets a ratio line that flags a miss', () => {
    expect(ratioLine({ metric: 'search_p95_ms', size: 100_000, value: 32, unit: 'ms' })).toEqual({
      metric: 'search_p95_ms_vs_target',
      size: 100_000,
      value: 2,
      unit: 'ratio',
      target: 16,
      ok: false,
    });
    expect(ratioLine({ metric: 'cold_open_ms', size: 10_000, value: 500, unit: 'ms' })?.ok).toBe(true);
  });

  it('metrics without a target or without a value get no ratio line', () => {
    expect(ratioLine({ metric: 'load_ms', size: 10, value: 5, unit: 'ms' })).toBeNull();
    expect(ratioLine({ metric: 'sort_ms', size: 10, value: null, unit: 'ms' })).toBeNull();
  });

  it('rounds small figures to 2 decimals and large ones to whole numbers', () => {
    expect(round(3.14159)).toBe(3.14);
    expect(round(123.456)).toBe(123.5);
    expect(round(12345.6)).toBe(12346);
  });
});
