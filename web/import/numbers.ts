/**
 * Numbers as files write them: `12.345,67` and `1 234,56` (decimal comma), `12,345.67`
 * (decimal point). The separator is read from evidence over the whole column; a value such as
 * `1.234` or `3,999` fits both and follows the column's other values, else the file's locale.
 */

/** The decimal separator of a column. */
export type DecimalMark = ',' | '.';

/** Evidence about the numbers of one column. */
export interface NumberEvidence {
  numbers: number;
  /** Values only readable with a decimal comma. */
  comma: number;
  /** Values only readable with a decimal point. */
  point: number;
  /** Values with a leading zero (`00188`): an id or code, never a number. */
  leadingZero: number;
}

/** Empty evidence. */
export function newNumberEvidence(): NumberEvidence {
  return { numbers: 0, comma: 0, point: 0, leadingZero: 0 };
}

const PLAIN = /^[-+]?\d+$/;
const COMMA_DECIMAL = /^[-+]?\d{1,3}([. \u00a0\u202f]\d{3})*,\d+$|^[-+]?\d+,\d+$/;
const POINT_DECIMAL = /^[-+]?\d{1,3}([, \u00a0\u202f']\d{3})*\.\d+$|^[-+]?\d+\.\d+$/;
const COMMA_THOUSANDS_ONLY = /^[-+]?\d{1,3}(,\d{3})+$/;
const POINT_THOUSANDS_ONLY = /^[-+]?\d{1,3}(\.\d{3})+$/;
const SPACE_THOUSANDS_ONLY = /^[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+$/;

/** Adds a value to a column's evidence. */
export function addNumberEvidence(evidence: NumberEvidence, value: string): void {
  const text = value.trim();
  if (!text) return;
  if (/^[-+]?0\d/.test(text)) {
    evidence.leadingZero++;
    return;
  }
  const asComma = COMMA_DECIMAL.test(text) || POINT_THOUSANDS_ONLY.test(text) || SPACE_THOUSANDS_ONLY.test(text) || PLAIN.test(text);
  const asPoint = POINT_DECIMAL.test(text) || COMMA_THOUSANDS_ONLY.test(text) || SPACE_THOUSANDS_ONLY.test(text) || PLAIN.test(text);
  if (!asComma && !asPoint) return;
  evidence.numbers++;
  // `3,999` and `1.234` read both ways: they are no evidence.
  const ambiguous = /^[-+]?\d{1,3}[.,]\d{3}$/.test(text);
  if (ambiguous) return;
  if (asComma && !asPoint) evidence.comma++;
  if (asPoint && !asComma) evidence.point++;
}

/** The decimal mark of a column: its evidence, else the file's convention. */
export function chooseDecimalMark(evidence: NumberEvidence, commaByDefault: boolean): DecimalMark {
  if (evidence.comma > evidence.point) return ',';
  if (evidence.point > evidence.comma) return '.';
  return commaByDefault ? ',' : '.';
}

/** A value as a number read with `mark`, or null when it is no number written that way. */
export function parseNumberValue(value: string, mark: DecimalMark): number | null {
  const text = value.trim();
  if (!text || /^[-+]?0\d/.test(text)) return null;
  const valid = mark === ',' ? COMMA_DECIMAL.test(text) || POINT_THOUSANDS_ONLY.test(text) || SPACE_THOUSANDS_ONLY.test(text) || PLAIN.test(text) : POINT_DECIMAL.test(text) || COMMA_THOUSANDS_ONLY.test(text) || SPACE_THOUSANDS_ONLY.test(text) || PLAIN.test(text);
  if (!valid) return null;
  const normalized = mark === ',' ? text.replace(/[. \u00a0\u202f]/g, '').replace(',', '.') : text.replace(/[, \u00a0\u202f']/g, '');
  const number = Number(normalized);
  return Number.isFinite(number) ? number : null;
}
