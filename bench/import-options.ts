/**
 * The pure parts of `npm run bench:import`: its command line, its output lines and its targets
 * (the issue's: at least 50,000 rows/s at 100k rows, 1M rows within 60 s).
 */
import { parseArgs } from 'node:util';
import { round, type Unit } from './targets';

/** The sizes run when no --sizes is given. */
export const DEFAULT_IMPORT_SIZES: readonly number[] = [100_000, 1_000_000];

/** What the command line chose. */
export interface ImportBenchOptions {
  sizes: number[];
  /** Seed of the generated file (same seed, same file). */
  seed: number;
  /** Whether to time LibreOffice Calc on the same file. */
  calc: boolean;
  /** The duplicate policy of the import (the wizard's choice). */
  duplicates: 'create' | 'skip' | 'merge';
  /** Where the generated files go (kept between runs: generating 1M rows takes a while). */
  dir: string;
  /** Where to write a CPU profile of the page's main thread during the import (its hottest functions go to stderr). */
  profile?: string;
}

/** Units of the import bench: the app bench's, plus the machine's load average. */
export type ImportUnit = Unit | 'load';

/** One output line. */
export interface ImportMeasurement {
  metric: string;
  size: number;
  value: number | null;
  unit: ImportUnit;
  note?: string;
}

/** A ratio line against a target: for rows/s the target is a floor, for times a ceiling. */
export interface TargetLine extends ImportMeasurement {
  target: number;
  ok: boolean;
}

/** The targets, by metric and file size. */
export const IMPORT_TARGETS: readonly { metric: string; size: number; target: number; floor: boolean }[] = [
  { metric: 'import_rows_per_s', size: 100_000, target: 50_000, floor: true },
  { metric: 'import_ms', size: 1_000_000, target: 60_000, floor: false },
];

function positive(name: string, text: string): number {
  const number = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name}: "${text}" is not a positive whole number`);
  return number;
}

/** Parses `--sizes 100000[,1000000]`, `--seed`, `--no-calc`, `--duplicates`, `--dir`, `--profile FILE`; a clear error on anything else. */
export function parseImportBenchArgs(argv: readonly string[], defaultDir: string): ImportBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'no-calc': { type: 'boolean', default: false },
      duplicates: { type: 'string', default: 'create' },
      dir: { type: 'string', default: defaultDir },
      profile: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const sizes = values.sizes === undefined ? [...DEFAULT_IMPORT_SIZES] : values.sizes.split(',').map((part) => positive('sizes', part.trim()));
  const duplicates = values.duplicates!;
  if (duplicates !== 'create' && duplicates !== 'skip' && duplicates !== 'merge') throw new Error(`--duplicates: "${duplicates}" is not one of create, skip, merge`);
  return { sizes, seed: positive('seed', values.seed!), calc: !values['no-calc'], duplicates, dir: values.dir!, profile: values.profile };
}

/** One JSON line of output (values rounded like the app bench's). */
export function measurementLine(metric: string, size: number, value: number | null, unit: ImportUnit, note?: string): string {
  const line: ImportMeasurement = { metric, size, value: value === null || !Number.isFinite(value) ? null : round(value), unit, ...(note ? { note } : {}) };
  return JSON.stringify(line);
}

/** The `<metric>_vs_target` line of a measurement the issue sets a target for, else null. */
export function targetLine(metric: string, size: number, value: number | null): string | null {
  const target = IMPORT_TARGETS.find((entry) => entry.metric === metric && entry.size === size);
  if (!target || value === null || !Number.isFinite(value)) return null;
  const ratio = Math.round((value / target.target) * 100) / 100;
  const line: TargetLine = { metric: `${metric}_vs_target`, size, value: ratio, unit: 'ratio', target: target.target, ok: target.floor ? ratio >= 1 : ratio <= 1 };
  return JSON.stringify(line);
}

/** Ours / Calc's time on the same file (below 1: we are faster); null when either is missing. */
export function calcRatio(importMs: number | null, calcMs: number | null): number | null {
  if (importMs === null || calcMs === null || calcMs <= 0) return null;
  return importMs / calcMs;
}
