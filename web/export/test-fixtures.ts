/** Rows and contexts for export tests: a few people and organizations with awkward values. */
import type { Row } from '../engine/rows';
import { builtinFields, type FieldDef, type FieldValue, type SectionId } from '../schema/fields';
import type { ExportContext } from './export-table';

/** A projection row with the given values. */
export function testRow(section: SectionId, id: string, v: Record<string, FieldValue>, updated = Date.UTC(2026, 0, 2, 3, 4, 5)): Row {
  return { id, section, shard: 'book:test:0', v, created: updated, updated, by: 'u1', seq: 0 };
}

/** The built-in fields of a section that are default table columns (what a fresh view shows). */
export function columnFields(section: SectionId): FieldDef[] {
  return builtinFields(section).filter((field) => field.column);
}

/** A custom field definition for tests. */
export function customField(section: SectionId, id: string, type: FieldDef['type'], label: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { id, section, type, label, builtin: false, hidden: false, order: 100, ...extra };
}

/** Resolves the org ids used in the fixtures to names. */
export const testContext: ExportContext = {
  refName: (id) => ({ o1: 'Acme, "Best" SRL', o2: 'ООО «Ромашка»' })[id] ?? '',
  userName: (id) => ({ u1: 'Ana Pop' })[id] ?? '',
};

/** People with phones of several kinds, Cyrillic and diacritics, formula-like notes. */
export const PEOPLE: Row[] = [
  testRow('people', 'p1', {
    firstName: 'Ion',
    lastName: 'Popescu',
    position: 'Director',
    org: 'o1',
    phones: [
      { kind: 'mobile', value: '+40 721 000 001' },
      { kind: 'work', value: '021 300 00 00' },
      { kind: 'work', value: '021 300 00 01 ext. 12' },
    ],
    emails: [{ kind: 'work', value: 'ion@acme.ro' }],
    city: 'Brașov',
    birthday: '1980-01-31',
    notes: '=HYPERLINK("http://evil.example","click")',
  }),
  testRow('people', 'p2', {
    firstName: 'Анна',
    lastName: 'Иванова; "Аня"',
    org: 'o2',
    phones: [{ kind: 'home', value: '007 495 123-45-67' }],
    emails: [
      { kind: 'home', value: 'anna@example.ru' },
      { kind: 'other', value: 'a.ivanova@example.com' },
    ],
    city: 'Москва',
    birthday: '1992-02-29',
    notes: 'Line one\nLine two, with comma',
  }),
  testRow('people', 'p3', { lastName: 'Solo' }),
];
