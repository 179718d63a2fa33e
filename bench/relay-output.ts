/**
 * Output of the relay bench: one JSON object per line ({"metric", "size", "value", "unit"}),
 * plus a `<metric>_vs_target` ratio line where the issue sets a target; progress on stderr.
 * Same conventions as the app bench (bench/targets.ts), with the relay's own units and targets.
 */
import { round } from './targets';

/** Units the relay bench reports in. */
export type RelayUnit = 'ms' | 'MB' | 'percent' | 'bytes' | 'count' | 'ratio';

/** One line of relay bench output. */
export interface RelayMeasurement {
  metric: string;
  size: number;
  value: number | null;
  unit: RelayUnit;
  /** What the figure covers or why it is missing. */
  note?: string;
}

/** The upper limits for the relay (issue 3, Bench). */
export const RELAY_TARGETS: Readonly<Record<string, number>> = {
  propagation_p99_ms: 50,
  merge_apply_ms: 500,
  merge_wire_bytes: 400_000,
  fresh_join_ms: 10_000,
  fresh_join_cold_relay_ms: 10_000,
};

/** The ratio line of a measurement with a target, or null when it has none (or no value). */
export function relayRatioLine(measurement: RelayMeasurement): (RelayMeasurement & { target: number; ok: boolean }) | null {
  const target = RELAY_TARGETS[measurement.metric];
  if (target === undefined || measurement.value === null) return null;
  const ratio = Math.round((measurement.value / target) * 100) / 100;
  return { metric: `${measurement.metric}_vs_target`, size: measurement.size, value: ratio, unit: 'ratio', target, ok: ratio <= 1 };
}

/** Prints a measurement (and its ratio line) on stdout. */
export function emit(size: number, metric: string, value: number | null, unit: RelayUnit, note?: string): void {
  const measurement: RelayMeasurement = { metric, size, value: value === null ? null : round(value), unit, ...(note ? { note } : {}) };
  process.stdout.write(JSON.stringify(measurement) + '\n');
  const ratio = relayRatioLine(measurement);
  if (ratio) process.stdout.write(JSON.stringify(ratio) + '\n');
}

/** Prints a progress line on stderr (figures stay alone on stdout). */
export function progress(message: string): void {
  process.stderr.write(`[relay-bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
