import { describe, expect, it } from 'vitest';
import { builtinFields, type FieldDef } from '../schema/fields';
import { cardFields, requiredFields } from './card-rules';

describe('card: which fields are shown', () => {
  const custom = (id: string, extra: Partial<FieldDef>): FieldDef => ({ id, section: 'orgs', type: 'text', label: id, builtin: false, hidden: false, order: 100, ...extra });

  it('shows every built-in field of an organization by default, in order', () => {
    expect(cardFields(builtinFields('orgs')).map((field) => field.id)).toEqual(builtinFields('orgs').map((field) => field.id));
  });
  it('hidden fields, built-in or custom, are not shown', () => {
    const fields = builtinFields('orgs').map((field) => (field.id === 'industry' ? { ...field, hidden: true } : field));
    const shown = cardFields([...fields, custom('c_hidden', { hidden: true }), custom('c_shown', {})]).map((field) => field.id);
    expect(shown).not.toContain('industry');
    expect(shown).not.toContain('c_hidden');
    expect(shown).toContain('c_shown');
  });
  it('a custom field whose deletion is pending is not shown', () => {
    expect(cardFields([custom('c_gone', { deletedAt: 1 })])).toEqual([]);
  });
  it('follows the company order', () => {
    expect(cardFields([custom('c_b', { order: 2 }), custom('c_a', { order: 1 })]).map((field) => field.id)).toEqual(['c_a', 'c_b']);
  });
});

describe('card: what a new record needs', () => {
  it('a person needs a first or a last name, an organization its name', () => {
    expect(requiredFields('people')).toEqual(['firstName', 'lastName']);
    expect(requiredFields('orgs')).toEqual(['name']);
  });
  it('every required field is a built-in field of its section', () => {
    for (const section of ['orgs', 'people', 'notes', 'links'] as const) {
      const ids = builtinFields(section).map((field) => field.id);
      for (const id of requiredFields(section)) expect(ids, `${section}.${id}`).toContain(id);
    }
  });
});
