import { describe, expect, it } from 'vitest';
import { addCell, newColumnStats } from './column-stats';
import { detectPreset, suggestMapping } from './suggest-mapping';
import { targetFromHeader } from './header-dictionary';

function mapping(headers: string[], rows: string[][] = [], european = false) {
  const stats = headers.map(newColumnStats);
  for (const row of rows) row.forEach((cell, index) => addCell(stats[index], cell));
  if (rows.length === 0) stats.forEach((column) => addCell(column, 'x'));
  return suggestMapping(stats, { european });
}

describe('column mapping from headers in five languages', () => {
  const phone = { kind: 'field', field: 'phones' };
  it.each([
    ['Phone', phone],
    ['Teléfono', phone],
    ['Telefon', phone],
    ['Телефон', phone],
    ['Phone 1 - Value', phone],
    ['Mobile Phone', { kind: 'field', field: 'phones', entryKind: 'mobile' }],
    ['Telefon mobil', { kind: 'field', field: 'phones', entryKind: 'mobile' }],
    ['Business Fax', { kind: 'field', field: 'phones', entryKind: 'fax' }],
    ['E-mail Address', { kind: 'field', field: 'emails' }],
    ['Correo electrónico', { kind: 'field', field: 'emails' }],
    ['Эл. почта', { kind: 'field', field: 'emails' }],
    ['Vorname', { kind: 'field', field: 'firstName' }],
    ['Prenume', { kind: 'field', field: 'firstName' }],
    ['Apellidos', { kind: 'field', field: 'lastName' }],
    ['Фамилия', { kind: 'field', field: 'lastName' }],
    ['Отчество', { kind: 'middleName' }],
    ['Geburtsdatum', { kind: 'field', field: 'birthday' }],
    ['Data nașterii', { kind: 'field', field: 'birthday' }],
    ['Должность', { kind: 'field', field: 'position' }],
    ['Empresa', { kind: 'orgName' }],
    ['Город', { kind: 'field', field: 'city' }],
    ['Ciudad', { kind: 'field', field: 'city' }],
  ])('"%s" → %o for people', (header, expected) => {
    expect(targetFromHeader(header, 'people')).toMatchObject(expected);
  });
  it('organization headers: name, tax id (ИНН, CUI, NIF), website', () => {
    expect(targetFromHeader('Название', 'orgs')).toEqual({ kind: 'field', field: 'name' });
    expect(targetFromHeader('ИНН', 'orgs')).toEqual({ kind: 'field', field: 'taxId' });
    expect(targetFromHeader('CUI', 'orgs')).toEqual({ kind: 'field', field: 'taxId' });
    expect(targetFromHeader('Sitio web', 'orgs')).toEqual({ kind: 'field', field: 'website' });
  });
  it('a list with a tax id and no person names is a list of organizations', () => {
    expect(mapping(['Denumire', 'CUI', 'Telefon', 'Oraș']).mapping).toMatchObject({ section: 'orgs', targets: [{ field: 'name' }, { field: 'taxId' }, { field: 'phones' }, { field: 'city' }] });
  });
});

describe('column mapping from values', () => {
  it('unknown headers: e-mails, phones, dates and numbers are recognised by their values; the rest goes to notes', () => {
    const { mapping: suggested } = mapping(['Last name', 'A', 'B', 'C', 'D', 'E'], [
      ['Pop', 'ana@pop.ro', '+40 722 000 111', '31.12.2024', '12,5', 'hello'],
      ['Rus', 'ion@rus.ro', '0733 000 222', '01.02.2023', '7', 'world'],
    ]);
    expect(suggested.targets).toEqual([
      { kind: 'field', field: 'lastName' },
      { kind: 'field', field: 'emails', entryKind: 'other' },
      { kind: 'field', field: 'phones', entryKind: 'other' },
      { kind: 'newField', label: 'C', type: 'date' },
      { kind: 'newField', label: 'D', type: 'number' },
      { kind: 'notes', label: 'E' },
    ]);
  });
  it('postal codes and ids stay text even when all digits', () => {
    const { mapping: suggested } = mapping(['Last name', 'Postal code', 'Kundennummer'], [['Pop', '700000', '12']]);
    expect(suggested.targets.slice(1)).toEqual([{ kind: 'notes', label: 'Postal code' }, { kind: 'notes', label: 'Kundennummer' }]);
  });
  it('empty columns are skipped as empty, never silently', () => {
    expect(mapping(['Last name', 'Fax'], [['Pop', '']]).mapping.targets[1]).toEqual({ kind: 'skip', reason: 'empty' });
  });
});

describe('presets of known exports', () => {
  it('Google, both generations', () => {
    expect(detectPreset(['Name', 'Given Name', 'Family Name', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value'])).toBe('google-legacy');
    expect(detectPreset(['First Name', 'Middle Name', 'Last Name', 'Organization Name', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value'])).toBe('google');
  });
  it('Google 2024: label columns give the kind of their value column and ::: splits', () => {
    const { mapping: suggested } = mapping(['First Name', 'Last Name', 'Labels', 'Phone 1 - Label', 'Phone 1 - Value', 'Organization Name', 'Organization Title']);
    expect(suggested.preset).toBe('google');
    expect(suggested.multiValueSeparator).toBe(' ::: ');
    expect(suggested.targets[3]).toEqual({ kind: 'entryKindOf', column: 4 });
    expect(suggested.targets[5]).toEqual({ kind: 'orgName' });
    expect(suggested.targets[6]).toEqual({ kind: 'field', field: 'position' });
  });
  it('Outlook desktop (92 columns) and Outlook.com', () => {
    const outlook = ['First Name', 'Middle Name', 'Last Name', 'Title', 'Suffix', 'Company', 'Department', 'Job Title', 'Business Street', 'Business City', 'Home Street', 'E-mail Address', 'Mobile Phone', 'Business Phone'];
    const padded = [...outlook, ...Array.from({ length: 78 }, (_, index) => `User ${index + 1}`)];
    expect(detectPreset(padded)).toBe('outlook');
    expect(detectPreset(outlook)).toBe('outlook-com');
    const { mapping: suggested } = mapping(outlook);
    expect(suggested.targets[3]).toEqual({ kind: 'notes', label: 'Title' });
    expect(suggested.targets[5]).toEqual({ kind: 'orgName' });
    expect(suggested.targets[11]).toMatchObject({ kind: 'field', field: 'emails' });
    expect(suggested.targets[12]).toEqual({ kind: 'field', field: 'phones', entryKind: 'mobile' });
  });
  it('Thunderbird', () => {
    expect(detectPreset(['First Name', 'Last Name', 'Display Name', 'Nickname', 'Primary Email', 'Secondary Email', 'Screen Name'])).toBe('thunderbird');
  });
});
