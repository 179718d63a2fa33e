import { describe, expect, it } from 'vitest';
import { builtinFields } from '../schema/fields';
import { exportColumns, exportTable } from './export-table';
import { columnFields, customField, PEOPLE, testContext, testRow } from './test-fixtures';

describe('export table: rows and visible fields to typed cells', () => {
  it('phones and e-mails get one column per kind used, repeated kinds numbered, in kind order', () => {
    const headers = exportColumns(PEOPLE, columnFields('people')).map((column) => column.header);
    expect(headers).toEqual([
      'First name',
      'Last name',
      'Position',
      'Organization',
      'Phones (Mobile)',
      'Phones (Work)',
      'Phones (Work) 2',
      'Phones (Home)',
      'E-mails (Work)',
      'E-mails (Personal)',
      'E-mails (Other)',
      'City',
      'Birthday',
    ]);
  });

  it('cells are typed: text, ref names, dates as {date}, kinded values by kind and occurrence, blanks null', () => {
    const table = exportTable(PEOPLE, columnFields('people'), testContext);
    expect(table.cells[0]).toEqual([
      'Ion', 'Popescu', 'Director', 'Acme, "Best" SRL', '+40 721 000 001', '021 300 00 00', '021 300 00 01 ext. 12', null, 'ion@acme.ro', null, null, 'Brașov', { date: '1980-01-31' },
    ]);
    expect(table.cells[2]).toEqual([null, 'Solo', ...Array<null>(11).fill(null)]);
  });

  it('numbers, money, yes/no, choices, tags and users keep their types or labels', () => {
    const fields = [
      ...builtinFields('orgs').filter((field) => ['name', 'category', 'revenue', 'tags'].includes(field.id)),
      customField('orgs', 'c_staff', 'number', 'Staff'),
      customField('orgs', 'c_vip', 'bool', 'VIP'),
      customField('orgs', 'c_owner', 'user', 'Owner'),
    ];
    const row = testRow('orgs', 'o1', { name: 'Acme', category: 'key', revenue: 1234.5, tags: ['wood', 'export'], c_staff: 12, c_vip: true, c_owner: 'u1' });
    const table = exportTable([row], fields, testContext);
    expect(table.columns.map((column) => column.kind)).toEqual(['text', 'text', 'text', 'money', 'number', 'bool', 'text']);
    expect(table.cells[0]).toEqual(['Acme', 'Key client', 'wood, export', 1234.5, 12, true, 'Ana Pop']);
  });

  it('photos are left out of tables, and a company label replaces the built-in one', () => {
    const fields = builtinFields('people').filter((field) => field.id === 'photo' || field.id === 'city');
    fields[1] = { ...fields[1], label: 'Town' };
    expect(exportColumns(PEOPLE, fields).map((column) => column.header)).toEqual(['Town']);
  });

  it('a kinded field no row uses still gets its one column', () => {
    const fields = builtinFields('people').filter((field) => field.id === 'accounts');
    expect(exportColumns(PEOPLE, fields).map((column) => column.header)).toEqual(['Messengers and social networks']);
  });
});
