import { describe, expect, it } from 'vitest';
import { builtinFields } from '../schema/fields';
import { exportedHeaderTarget } from './export-headers';
import { customField } from './test-fixtures';

const people = [...builtinFields('people'), customField('people', 'c_since', 'date', 'Client since')];

describe('headers of our own exports map back to their fields', () => {
  it('built-in labels in every UI language', () => {
    expect(exportedHeaderTarget('Last name', people)).toEqual({ field: 'lastName' });
    expect(exportedHeaderTarget('Фамилия', people)).toEqual({ field: 'lastName' });
    expect(exportedHeaderTarget('  birthday ', people)).toEqual({ field: 'birthday' });
  });

  it('phones, e-mails and accounts with their kind, numbered repeats included, in any language', () => {
    expect(exportedHeaderTarget('Phones (Mobile)', people)).toEqual({ field: 'phones', entryKind: 'mobile' });
    expect(exportedHeaderTarget('Phones (Work) 2', people)).toEqual({ field: 'phones', entryKind: 'work' });
    expect(exportedHeaderTarget('E-mails (Personal)', people)).toEqual({ field: 'emails', entryKind: 'home' });
    expect(exportedHeaderTarget('Телефоны (Мобильный)', people)).toEqual({ field: 'phones', entryKind: 'mobile' });
    expect(exportedHeaderTarget('Эл. почта (Личная)', people)).toEqual({ field: 'emails', entryKind: 'home' });
    expect(exportedHeaderTarget('Messengers and social networks (Telegram)', people)).toEqual({ field: 'accounts', entryKind: 'telegram' });
  });

  it('a company label and custom fields; unknown headers give null', () => {
    const renamed = people.map((field) => (field.id === 'city' ? { ...field, label: 'Town' } : field));
    expect(exportedHeaderTarget('Town', renamed)).toEqual({ field: 'city' });
    expect(exportedHeaderTarget('Client since', people)).toEqual({ field: 'c_since' });
    expect(exportedHeaderTarget('Shoe size', people)).toBeNull();
    expect(exportedHeaderTarget('Phones (Pager thing)', people)).toBeNull();
    expect(exportedHeaderTarget('', people)).toBeNull();
  });
});
