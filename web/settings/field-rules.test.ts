import { describe, expect, it } from 'vitest';
import { addOption, canHideField, checkFieldName, checkNewField, cleanOptions, labelToStore, needsOptions, orderAfterMove } from './field-rules';
import { builtinFields, type FieldDef } from '../schema/fields';

function custom(id: string, order: number, extra: Partial<FieldDef> = {}): FieldDef {
  return { id, section: 'orgs', type: 'text', label: id, builtin: false, hidden: false, order, ...extra };
}

describe('field names', () => {
  it('refuses an empty or blank name', () => {
    expect(checkFieldName('', [])).toBe('emptyName');
    expect(checkFieldName('   ', ['Name'])).toBe('emptyName');
  });
  it('refuses a name already used in the section, ignoring case, spaces and accents', () => {
    expect(checkFieldName('staff', ['Name', 'Staff'])).toBe('duplicateName');
    expect(checkFieldName('  STAFF ', ['Staff'])).toBe('duplicateName');
    expect(checkFieldName('Oraș', ['Oras'])).toBe('duplicateName');
  });
  it('accepts a new name', () => {
    expect(checkFieldName('Employees', ['Name', 'City'])).toBeNull();
  });
});

describe('new custom field', () => {
  it('needs options for choice and multi-choice only', () => {
    expect(needsOptions('choice')).toBe(true);
    expect(needsOptions('multichoice')).toBe(true);
    expect(needsOptions('number')).toBe(false);
    expect(needsOptions('text')).toBe(false);
  });
  it('refuses a choice field without options, even blank ones', () => {
    expect(checkNewField({ label: 'Segment', type: 'choice', options: [] }, [])).toBe('noOptions');
    expect(checkNewField({ label: 'Segment', type: 'multichoice', options: ['  ', ''] }, [])).toBe('noOptions');
  });
  it('accepts a choice field with options and a number field without', () => {
    expect(checkNewField({ label: 'Segment', type: 'choice', options: ['A'] }, [])).toBeNull();
    expect(checkNewField({ label: 'Employees', type: 'number', options: [] }, [])).toBeNull();
  });
  it('reports the name problem before the options problem', () => {
    expect(checkNewField({ label: '', type: 'choice', options: [] }, [])).toBe('emptyName');
    expect(checkNewField({ label: 'City', type: 'choice', options: [] }, ['City'])).toBe('duplicateName');
  });
});

describe('options editor', () => {
  it('cleans options: trims, drops blanks and repeats, keeps the first spelling and the order', () => {
    expect(cleanOptions([' Gold ', '', 'silver', 'GOLD', 'Bronze'])).toEqual(['Gold', 'silver', 'Bronze']);
  });
  it('adds a trimmed option at the end', () => {
    expect(addOption(['A'], '  B ')).toEqual({ options: ['A', 'B'] });
  });
  it('refuses an empty or repeated option', () => {
    expect(addOption(['A'], ' ')).toEqual({ problem: 'emptyOption' });
    expect(addOption(['Key client'], 'key CLIENT')).toEqual({ problem: 'duplicateOption' });
  });
});

describe('renaming', () => {
  it('restores a built-in label when the name is emptied or typed as the default', () => {
    expect(labelToStore({ builtin: true }, '  ', 'City')).toEqual({ label: '' });
    expect(labelToStore({ builtin: true }, 'City', 'City')).toEqual({ label: '' });
  });
  it('stores a company label for a built-in field', () => {
    expect(labelToStore({ builtin: true }, ' Town ', 'City')).toEqual({ label: 'Town' });
  });
  it('refuses to leave a custom field without a name', () => {
    expect(labelToStore({ builtin: false }, '', 'Staff')).toEqual({ problem: 'emptyName' });
    expect(labelToStore({ builtin: false }, 'Staff', 'Employees')).toEqual({ label: 'Staff' });
  });
});

describe('reordering', () => {
  const fields = [custom('a', 0), custom('b', 1), custom('gone', 2, { deletedAt: 5 }), custom('c', 3)];
  it('moves a field up and down among the fields not deleted, deleted ones last', () => {
    expect(orderAfterMove(fields, 'c', -1)).toEqual(['a', 'c', 'b', 'gone']);
    expect(orderAfterMove(fields, 'a', 1)).toEqual(['b', 'a', 'c', 'gone']);
  });
  it('refuses moves past either end and moves of unknown or deleted fields', () => {
    expect(orderAfterMove(fields, 'a', -1)).toBeNull();
    expect(orderAfterMove(fields, 'c', 1)).toBeNull();
    expect(orderAfterMove(fields, 'gone', -1)).toBeNull();
    expect(orderAfterMove(fields, 'nope', 1)).toBeNull();
  });
  it('sorts by order first, whatever order the list comes in', () => {
    const shuffled = [custom('z', 2), custom('x', 0), custom('y', 1)];
    expect(orderAfterMove(shuffled, 'z', -1)).toEqual(['x', 'z', 'y']);
  });
  it('lists every field exactly once after any sequence of random moves (seeded)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let current = builtinFields('orgs');
    for (let step = 0; step < 200; step++) {
      const field = current[Math.floor(random() * current.length)];
      const next = orderAfterMove(current, field.id, random() < 0.5 ? -1 : 1);
      if (!next) continue;
      expect([...next].sort()).toEqual(current.map((f) => f.id).sort());
      current = next.map((id, order) => ({ ...current.find((f) => f.id === id)!, order }));
    }
  });
});

describe('hiding fields', () => {
  it('keeps the field that names records visible', () => {
    const [name, legalName] = builtinFields('orgs');
    expect(canHideField(name)).toBe(false);
    expect(canHideField(legalName)).toBe(true);
  });
});
