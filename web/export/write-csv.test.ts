import { describe, expect, it } from 'vitest';
import { exportTable } from './export-table';
import { csvField, csvText, isFormulaLike, writeCsv } from './write-csv';
import { columnFields, PEOPLE, testContext } from './test-fixtures';

const comma = { delimiter: ',' as const };
const semicolon = { delimiter: ';' as const };

describe('CSV export', () => {
  it('starts with a UTF-8 BOM so Excel reads Cyrillic and diacritics right', () => {
    const bytes = writeCsv(exportTable(PEOPLE, columnFields('people'), testContext), comma);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Москва');
  });

  it('quotes fields holding the delimiter, quotes, line breaks or edge spaces, and doubles quotes', () => {
    expect(csvField('Acme, "Best" SRL', comma)).toBe('"Acme, ""Best"" SRL"');
    expect(csvField('Acme, Best', semicolon)).toBe('Acme, Best');
    expect(csvField('a;b', semicolon)).toBe('"a;b"');
    expect(csvField('Line one\nLine two', comma)).toBe('"Line one\nLine two"');
    expect(csvField(' padded', comma)).toBe('" padded"');
    expect(csvField(null, comma)).toBe('');
  });

  it('neutralises formula-like text the OWASP way: a leading apostrophe, quoted', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")', comma)).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField('+cmd|\' /C calc\'!A0', comma)).toBe('"\'+cmd|\' /C calc\'!A0"');
    expect(csvField('-2+3+cmd|x', comma)).toBe('"\'-2+3+cmd|x"');
    expect(csvField('@SUM(A1)', comma)).toBe('"\'@SUM(A1)"');
    expect(csvField('\t=1', comma)).toBe('"\'\t=1"');
    expect(csvField('\r=1', comma)).toBe('"\'\r=1"');
    expect(csvField('＝1+1', comma)).toBe('"\'＝1+1"');
  });

  it('keeps phone numbers readable: digits with +, -, spaces, dots, slashes and brackets are not formulas', () => {
    for (const phone of ['+40 721 000 001', '+7 (495) 123-45-67', '-5', '+1.212.555.0100', '+49 30/123456']) {
      expect(isFormulaLike(phone), phone).toBe(false);
      expect(csvField(phone, comma)).toBe(phone);
    }
    expect(isFormulaLike('+40 721 CALL')).toBe(true);
  });

  it('numbers use a decimal point with `,` and a decimal comma with `;`; dates ISO; yes/no TRUE/FALSE', () => {
    expect(csvField(1234.5, comma)).toBe('1234.5');
    expect(csvField(1234.5, semicolon)).toBe('1234,5');
    expect(csvField(0.1 + 0.2, comma)).toBe('0.3');
    expect(csvField({ date: '2024-12-31' }, semicolon)).toBe('2024-12-31');
    expect(csvField(true, comma)).toBe('TRUE');
    expect(csvField(false, comma)).toBe('FALSE');
  });

  it('writes a header line and one CRLF-terminated line per row', () => {
    const text = csvText(exportTable(PEOPLE, columnFields('people'), testContext), semicolon);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(PEOPLE.length + 2); // header, rows, the empty string after the last CRLF
    expect(lines[0]).toBe('First name;Last name;Position;Organization;Phones (Mobile);Phones (Work);Phones (Work) 2;Phones (Home);E-mails (Work);E-mails (Personal);E-mails (Other);City;Birthday');
    expect(lines[1]).toBe('Ion;Popescu;Director;"Acme, ""Best"" SRL";+40 721 000 001;021 300 00 00;021 300 00 01 ext. 12;;ion@acme.ro;;;Brașov;1980-01-31');
    expect(lines[2]).toBe('Анна;"Иванова; ""Аня""";;ООО «Ромашка»;;;;007 495 123-45-67;;anna@example.ru;a.ivanova@example.com;Москва;1992-02-29');
    expect(text.endsWith('\r\n')).toBe(true);
  });
});
