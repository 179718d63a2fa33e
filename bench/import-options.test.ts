import { describe, expect, it } from 'vitest';
import { calcRatio, DEFAULT_IMPORT_SIZES, measurementLine, parseImportBenchArgs, targetLine } from './import-options';

const DIR = '/tmp/bench-dir';

describe('bench:import command line', () => {
  it('runs 100k and 1M rows with Calc by default', () => {
    expect(parseImportBenchArgs([], DIR)).toEqual({ sizes: [...DEFAULT_IMPORT_SIZES], seed: 42, calc: true, duplicates: 'create', dir: DIR });
    expect(DEFAULT_IMPORT_SIZES).toEqual([100_000, 1_000_000]);
  });

  it('--sizes 100000 gives a quick run of one size; a comma list gives several', () => {
    expect(parseImportBenchArgs(['--sizes', '100000'], DIR).sizes).toEqual([100_000]);
    expect(parseImportBenchArgs(['--sizes=1000, 1_000_000'], DIR).sizes).toEqual([1000, 1_000_000]);
  });

  it('--no-calc, --seed, --duplicates and --dir are honoured', () => {
    expect(parseImportBenchArgs(['--no-calc', '--seed', '7', '--duplicates', 'skip', '--dir', '/x'], DIR)).toEqual({ sizes: [...DEFAULT_IMPORT_SIZES], seed: 7, calc: false, duplicates: 'skip', dir: '/x' });
  });

  it('a bad size, seed, policy or unknown option is refused with a message naming it', () => {
    expect(() => parseImportBenchArgs(['--sizes', '0'], DIR)).toThrow(/--sizes: "0"/);
    expect(() => parseImportBenchArgs(['--sizes', '10k'], DIR)).toThrow(/--sizes: "10k"/);
    expect(() => parseImportBenchArgs(['--seed', '-1'], DIR)).toThrow(/--seed/);
    expect(() => parseImportBenchArgs(['--duplicates', 'ignore'], DIR)).toThrow(/--duplicates: "ignore"/);
    expect(() => parseImportBenchArgs(['--size', '5'], DIR)).toThrow(/size/);
  });
});

describe('bench:import output', () => {
  it('prints one JSON object per line with metric, size, value and unit, rounded', () => {
    expect(JSON.parse(measurementLine('import_ms', 100_000, 1234.567, 'ms'))).toEqual({ metric: 'import_ms', size: 100_000, value: 1235, unit: 'ms' });
    expect(JSON.parse(measurementLine('import_heap_mb', 100_000, 512.34, 'MB', 'peak'))).toEqual({ metric: 'import_heap_mb', size: 100_000, value: 512.3, unit: 'MB', note: 'peak' });
    expect(measurementLine('x', 1, 1, 'ms')).not.toContain('\n');
  });

  it('a missing or non-finite value is printed as null, never as a made-up number', () => {
    expect(JSON.parse(measurementLine('calc_open_ms', 100, null, 'ms')).value).toBeNull();
    expect(JSON.parse(measurementLine('import_vs_calc_ratio', 100, Infinity, 'ratio')).value).toBeNull();
  });

  it('rows/s at 100k is checked against the 50,000 floor, 1M import time against 60 s', () => {
    expect(JSON.parse(targetLine('import_rows_per_s', 100_000, 40_000)!)).toEqual({ metric: 'import_rows_per_s_vs_target', size: 100_000, value: 0.8, unit: 'ratio', target: 50_000, ok: false });
    expect(JSON.parse(targetLine('import_rows_per_s', 100_000, 60_000)!).ok).toBe(true);
    expect(JSON.parse(targetLine('import_ms', 1_000_000, 45_000)!)).toMatchObject({ value: 0.75, ok: true });
    expect(JSON.parse(targetLine('import_ms', 1_000_000, 90_000)!).ok).toBe(false);
  });

  it('metrics and sizes the issue sets no target for get no target line', () => {
    expect(targetLine('import_ms', 100_000, 5000)).toBeNull();
    expect(targetLine('calc_open_ms', 100_000, 5000)).toBeNull();
    expect(targetLine('import_rows_per_s', 100_000, null)).toBeNull();
  });

  it('the Calc ratio is ours over Calc, null when either is missing', () => {
    expect(calcRatio(5000, 15_000)).toBeCloseTo(1 / 3);
    expect(calcRatio(null, 15_000)).toBeNull();
    expect(calcRatio(5000, null)).toBeNull();
    expect(calcRatio(5000, 0)).toBeNull();
  });
});
