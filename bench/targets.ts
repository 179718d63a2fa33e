/**
 * The bench's output format and targets: one JSON object per line, and per measured metric a
 * ratio line (value / target) so misses stand out. Targets are the issue's, at 100k records
 * on a 2-core machine.
 */

/** Units the bench reports in. */
export type Unit = 'ms' | 'MB' | 'rows/s' | 'ratio' | 'count';

/** One line of bench output. */
export interface Measurement {
  metric: string;
  size: number;
  value: number | null;
  unit: Unit;
  /** Why a value is missing or what it covers, when that is not obvious. */
  note?: string;
}

/** Upper limits per metric (the targets at 100k records). */
export const TARGETS: Readonly<Record<string, number>> = {
  cold_open_ms: 1000,
  search_p95_ms: 16,
  search_p99_ms: 50,
  sort_ms: 100,
  autofilter_ms: 100,
  totals_ms: 50,
  heap_mb: 300,
};

/** The ratio line of a measurement with a target, or null when it has none (or no value). */
export function ratioLine(measurement: Measurement): (Measurement & { target: number; ok: boolean }) | null {
  const target = TARGETS[measurement.metric];
  if (target === undefined || measurement.value === null) return null;
  const ratio = Math.round((measurement.value / target) * 100) / 100;
  return { metric: `${measurement.metric}_vs_target`, size: measurement.size, value: ratio, unit: 'ratio', target, ok: ratio <= 1 };
}

/** The value at quantile q (0..1) of a list of samples (nearest rank). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Rounds a figure for printing: 2 decimals below 10, 1 below 1000, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs < 10 ? 100 : abs < 1000 ? 10 : 1;
  return Math.round(value * digits) / digits;
}
