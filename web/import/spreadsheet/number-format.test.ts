import { describe, expect, it } from 'vitest';
import { applyPaddedTemplate, formatCodeKind, generalText, isoToSerial, numberFormatKind, serialToIso } from './number-format';

describe('number formats: what a numeric cell means', () => {
  it('built-in date formats 14–22 and time formats 45–47 are dates and times, 49 is text', () => {
    for (const id of [14, 15, 16, 17]) expect(numberFormatKind(id, undefined)).toEqual({ kind: 'date', time: false });
    expect(numberFormatKind(22, undefined)).toEqual({ kind: 'date', time: true });
    for (const id of [18, 19, 20, 21, 45, 46, 47]) expect(numberFormatKind(id, undefined).kind).toBe('time');
    expect(numberFormatKind(49, undefined).kind).toBe('text');
    expect(numberFormatKind(0, undefined).kind).toBe('number');
    expect(numberFormatKind(4, undefined).kind).toBe('number');
  });

  it('custom date codes are dates, whatever their locale prefix, colour or literals', () => {
    expect(formatCodeKind('dd.mm.yyyy').kind).toBe('date');
    expect(formatCodeKind('[$-419]d mmmm yyyy "г."').kind).toBe('date');
    expect(formatCodeKind('mm/dd/yy;@').kind).toBe('date');
    expect(formatCodeKind('yyyy\\-mm\\-dd\\ hh:mm')).toEqual({ kind: 'date', time: true });
    expect(formatCodeKind('mmm').kind).toBe('date');
    expect(formatCodeKind('[h]:mm:ss').kind).toBe('time');
    expect(formatCodeKind('h:mm AM/PM').kind).toBe('time');
  });

  it('number codes with literals that contain d, m or y letters stay numbers', () => {
    expect(formatCodeKind('#,##0.00 "days"').kind).toBe('number');
    expect(formatCodeKind('[Red]#,##0.00').kind).toBe('number');
    expect(formatCodeKind('0.00%').kind).toBe('number');
    expect(formatCodeKind('General').kind).toBe('number');
    expect(formatCodeKind('0').kind).toBe('number');
    expect(formatCodeKind('#,##0').kind).toBe('number');
  });

  it('text format @ and zero-padded codes keep the displayed text', () => {
    expect(formatCodeKind('@').kind).toBe('text');
    expect(formatCodeKind('00000')).toEqual({ kind: 'padded', template: '00000' });
    expect(formatCodeKind('000\\-000\\-0000')).toEqual({ kind: 'padded', template: '000-000-0000' });
    expect(applyPaddedTemplate(1234, '00000')).toBe('01234');
    expect(applyPaddedTemplate(721000000, '0000000000')).toBe('0721000000');
    expect(applyPaddedTemplate(5551234567, '000-000-0000')).toBe('555-123-4567');
    expect(applyPaddedTemplate(1234567, '00000')).toBe('1234567');
  });

  it('General text has no float noise', () => {
    expect(generalText(0.1 + 0.2)).toBe('0.3');
    expect(generalText(40721000000)).toBe('40721000000');
  });

  it('Excel serials become ISO dates in the 1900 system, including its phantom 29 February 1900', () => {
    expect(serialToIso(45657, false, false)).toBe('2024-12-31');
    expect(serialToIso(1, false, false)).toBe('1900-01-01');
    expect(serialToIso(59, false, false)).toBe('1900-02-28');
    expect(serialToIso(60, false, false)).toBe('1900-02-29');
    expect(serialToIso(61, false, false)).toBe('1900-03-01');
    expect(serialToIso(45657.5, false, true)).toBe('2024-12-31T12:00');
    expect(serialToIso(45657.5 + 15 / 86400, false, true)).toBe('2024-12-31T12:00:15');
  });

  it('the 1904 date system counts from 1 January 1904', () => {
    expect(serialToIso(0, true, false)).toBe('1904-01-01');
    expect(serialToIso(45657 - 1462, true, false)).toBe('2024-12-31');
  });

  it('isoToSerial is the inverse of serialToIso and refuses impossible dates', () => {
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '1999-12-31', '2024-02-29', '2099-07-04']) {
      expect(serialToIso(isoToSerial(iso)!, false, false)).toBe(iso);
    }
    expect(serialToIso(isoToSerial('2024-12-31T08:30')!, false, true)).toBe('2024-12-31T08:30');
    expect(isoToSerial('2023-02-29')).toBeNull();
    expect(isoToSerial('31.12.2024')).toBeNull();
  });
});
