import { describe, expect, it } from 'vitest';
import { builtinFields } from '../schema/fields';
import { exportTable } from './export-table';
import { cardHtml, escapeHtml, listHtml } from './write-html';
import { columnFields, customField, PEOPLE, testContext, testRow } from './test-fixtures';

describe('HTML export and print views', () => {
  it('a standalone list page: charset, title, header cells, one row per record, values escaped', () => {
    const people = [...PEOPLE, testRow('people', 'px', { lastName: '<script>alert(1)</script>', firstName: 'O\'Neil & "Co"' })];
    const html = listHtml(exportTable(people, columnFields('people'), testContext), { title: 'People <all>', currency: 'EUR' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>People &#60;all&#62;</title>');
    expect(html).toContain('<th scope="col">Phones (Mobile)</th>');
    expect(html.match(/<tr>/g)).toHaveLength(people.length + 1);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('O&#39;Neil &#38; &#34;Co&#34;');
    expect(html).toContain('Rows: 4');
  });

  it('numbers, money and dates are shown as the UI shows them; numbers right-aligned', () => {
    const fields = [builtinFields('orgs').find((field) => field.id === 'revenue')!, customField('orgs', 'c_day', 'date', 'Day'), customField('orgs', 'c_ok', 'bool', 'OK')];
    const html = listHtml(exportTable([testRow('orgs', 'o1', { revenue: 1234.5, c_day: '2024-12-31', c_ok: true })], fields, testContext), { title: 'Orgs', currency: 'EUR' });
    expect(html).toMatch(/<td class="number">€1,234\.50<\/td>/);
    expect(html).toContain('<td>12/31/2024</td>');
    expect(html).toContain('<td>Yes</td>');
  });

  it('print CSS: repeated header on every page, no row split, landscape when asked', () => {
    const table = exportTable(PEOPLE, columnFields('people'), testContext);
    const html = listHtml(table, { title: 'P', currency: 'EUR', landscape: true });
    expect(html).toContain('@media print');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('size: landscape');
    expect(listHtml(table, { title: 'P', currency: 'EUR' })).not.toContain('size: landscape');
  });

  it('a card: every non-empty visible field with its label, kinded values with their kind, the photo inline', () => {
    const html = cardHtml(PEOPLE[0], builtinFields('people'), { ...testContext, currency: 'EUR', title: 'Ion Popescu', photoUrl: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(html).toContain('<h1>Ion Popescu</h1>');
    expect(html).toContain('<dt>Organization</dt><dd>Acme, &#34;Best&#34; SRL</dd>');
    expect(html).toContain('<dd>+40 721 000 001 (Mobile)\n021 300 00 00 (Work)\n021 300 00 01 ext. 12 (Work)</dd>');
    expect(html).toContain('<dt>Birthday</dt><dd>01/31/1980</dd>');
    expect(html).toContain('<img class="photo" src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).not.toContain('<dt>Hobbies</dt>');
    expect(html).toContain('@media print');
  });

  it('a photo URL that is not a plain image data: URL is not put in the page', () => {
    const html = cardHtml(PEOPLE[0], builtinFields('people'), { ...testContext, currency: 'EUR', title: 'x', photoUrl: 'javascript:alert(1)' });
    expect(html).not.toContain('<img');
  });

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
