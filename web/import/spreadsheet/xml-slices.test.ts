import { describe, expect, it } from 'vitest';
import { exportTable } from '../../export/export-table';
import { customField, testContext, testRow } from '../../export/test-fixtures';
import { writeXlsx } from '../../export/write-xlsx';
import { readOds } from './read-ods';
import { readXlsx } from './read-xlsx';
import { buildOds, buildXlsx } from './test-packages';
import { xmlSlices } from './xml-slices';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('large parts are decoded in slices cut after a closing tag', () => {
  it('slices end right after </row> or </prefix:row>, never inside a tag or a multi-byte character', () => {
    const xml = '<sheetData><row r="1"><c><v>1</v></c></row><x:row r="2"><c><v>Ж</v></c></x:row><row r="3"/></sheetData>';
    const slices = [...xmlSlices(bytes(xml), 'row', 30)];
    expect(slices.join('')).toBe(xml);
    expect(slices.length).toBeGreaterThan(2);
    for (const slice of slices.slice(0, -1)) expect(slice).toMatch(/<\/(x:)?row>$/);
  });

  it('a row longer than a slice makes a longer slice rather than a broken one', () => {
    const xml = `<a><row>${'x'.repeat(200)}</row><row>y</row></a>`;
    const slices = [...xmlSlices(bytes(xml), 'row', 16)];
    expect(slices[0]).toBe(`<a><row>${'x'.repeat(200)}</row>`);
    expect(slices.join('')).toBe(xml);
  });

  it('an XLSX sheet read in tiny slices gives exactly the rows read in one piece', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const fields = [customField('orgs', 'c_t', 'text', 'T'), customField('orgs', 'c_n', 'number', 'N'), customField('orgs', 'c_d', 'date', 'D')];
    const rows = Array.from({ length: 200 }, (_unused, index) =>
      testRow('orgs', `r${index}`, { c_t: random() < 0.2 ? null : `Текст ${index} </row> <row>`, c_n: Math.round(random() * 1e6) / 100, c_d: random() < 0.5 ? '2024-02-29' : null }),
    );
    const file = writeXlsx(exportTable(rows, fields, testContext), 'S');
    expect(readXlsx(file, 97)).toEqual(readXlsx(file));
    const sparse = buildXlsx({ sheets: [{ name: 'S', sheetData: '<row r="2"><c r="B2"><v>1</v></c></row><row r="5"/><row r="7"><c r="A7" t="inlineStr"><is><t>z</t></is></c></row>' }] });
    expect(readXlsx(sparse, 10)).toEqual(readXlsx(sparse));
  });

  it('an ODS table read in tiny slices gives exactly the rows read in one piece', () => {
    const cell = (text: string) => `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
    const rowsXml = Array.from({ length: 50 }, (_unused, index) => `<table:table-row>${cell(`a${index}`)}<table:table-cell table:number-columns-repeated="2"/>${cell('ё')}</table:table-row>`).join('');
    const file = buildOds(`<table:table table:name="T">${rowsXml}<table:table-row table:number-rows-repeated="1000"><table:table-cell/></table:table-row></table:table>`);
    const whole = readOds(file);
    expect(whole[0].rows).toHaveLength(50);
    expect(readOds(file, 64)).toEqual(whole);
  });
});
