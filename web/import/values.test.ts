import { describe, expect, it } from 'vitest';
import { addDateEvidence, chooseDateOrder, newDateEvidence, parseDateValue } from './dates';
import { addNumberEvidence, chooseDecimalMark, newNumberEvidence, parseNumberValue } from './numbers';

function dateReading(values: string[], dayFirst = false) {
  const evidence = newDateEvidence();
  values.forEach((value) => addDateEvidence(evidence, value));
  return chooseDateOrder(evidence, dayFirst);
}

describe('dates by evidence over the whole column', () => {
  it('one value past 12 in the first place makes the column day-first', () => {
    expect(dateReading(['01/02/2024', '03/04/2024', '31/12/2024'])).toEqual({ order: 'dmy', ambiguous: false, conflicting: 0 });
  });
  it('one value past 12 in the second place makes it month-first', () => {
    expect(dateReading(['01/02/2024', '12/31/2024'])).toMatchObject({ order: 'mdy', ambiguous: false });
  });
  it('a column that never decides is ambiguous, read by the file convention', () => {
    expect(dateReading(['01/02/2024', '03/04/2024'], true)).toEqual({ order: 'dmy', ambiguous: true, conflicting: 0 });
    expect(dateReading(['01/02/2024'], false)).toMatchObject({ order: 'mdy', ambiguous: true });
  });
  it('ISO and dotted dates', () => {
    expect(dateReading(['2024-12-31'])).toMatchObject({ order: 'ymd' });
    expect(parseDateValue('31.12.2024', 'mdy')).toBe('2024-12-31');
    expect(parseDateValue('2024-12-31T10:00:00Z', 'dmy')).toBe('2024-12-31');
    expect(parseDateValue('12/31/2024', 'mdy')).toBe('2024-12-31');
    expect(parseDateValue('31/12/2024', 'dmy')).toBe('2024-12-31');
  });
  it('impossible dates are not dates', () => {
    expect(parseDateValue('31.02.2024', 'dmy')).toBeNull();
    expect(parseDateValue('13/13/2024', 'mdy')).toBeNull();
  });
});

describe('numbers with decimal comma and thousands separators', () => {
  it('12.345,67 and 1 234,56 read with a decimal comma', () => {
    expect(parseNumberValue('12.345,67', ',')).toBe(12345.67);
    expect(parseNumberValue('1 234,56', ',')).toBe(1234.56);
    expect(parseNumberValue('-1.234,567', ',')).toBe(-1234.567);
  });
  it('12,345.67 reads with a decimal point', () => {
    expect(parseNumberValue('12,345.67', '.')).toBe(12345.67);
  });
  it('the column decides; 3,999 alone follows the file convention', () => {
    const evidence = newNumberEvidence();
    ['3,999', '1.234,5'].forEach((value) => addNumberEvidence(evidence, value));
    expect(chooseDecimalMark(evidence, false)).toBe(',');
    const undecided = newNumberEvidence();
    addNumberEvidence(undecided, '3,999');
    expect(chooseDecimalMark(undecided, true)).toBe(',');
    expect(chooseDecimalMark(undecided, false)).toBe('.');
  });
  it('leading zeros mean a code, not a number', () => {
    expect(parseNumberValue('00188', '.')).toBeNull();
    const evidence = newNumberEvidence();
    addNumberEvidence(evidence, '0722000111');
    expect(evidence.leadingZero).toBe(1);
  });
});

describe('Excel serial dates', () => {
  it('a serial number in a date column is the day Excel shows', async () => {
    const { excelSerialDate } = await import('./build-record');
    expect(excelSerialDate(45657)).toBe('2024-12-31');
    expect(excelSerialDate(1)).toBe('1899-12-31');
    expect(excelSerialDate(-3)).toBeNull();
  });
});
