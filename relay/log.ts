/** Structured logging: one JSON object per line on stdout. */

/** Writes one log event with its fields. */
export type Logger = (event: string, fields?: Record<string, unknown>) => void;

/** The relay's standard logger (JSON lines with a timestamp). */
export const jsonLogger: Logger = (event, fields = {}) => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n');
};

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = () => {};
