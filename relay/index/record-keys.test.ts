/** What the relay indexes of a record for duplicate checks and blob access. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldChangeAffectsEntries, recordEntries, taxIdKey } from './record-keys';

const HASH = 'a'.repeat(64);

function record(values: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>(Object.entries(values));
  doc.getMap('records').set('r', map);
  return map;
}

describe('record keys', () => {
  it('tax ids compare without spaces, punctuation or a country prefix', () => {
    expect(taxIdKey('RO 123.456-78')).toBe('12345678');
    expect(taxIdKey('12345678')).toBe('12345678');
    expect(taxIdKey('B-12345678X')).toBe('b12345678x');
  });

  it('an organization gives phone (last 9 digits), e-mail, tax id, name and city keys', () => {
    const { keys } = recordEntries(record({ $section: 'orgs', name: 'Acme SRL', taxId: 'RO1', city: 'Cluj', phones: [{ kind: 'work', value: '+40 722 000 111' }], emails: [{ kind: 'work', value: 'A@B.ro' }] }));
    expect(keys).toEqual([
      { kind: 'phone', key: '722000111' },
      { kind: 'email', key: 'a@b.ro' },
      { kind: 'taxId', key: '1' },
      { kind: 'name', key: 'acme' },
      { kind: 'city', key: 'cluj' },
    ]);
  });

  it('a person is named by first and last name', () => {
    expect(recordEntries(record({ $section: 'people', firstName: 'Ion', lastName: 'Popescu' })).keys).toEqual([{ kind: 'name', key: 'ion popescu' }]);
  });

  it('a trashed record has no duplicate keys but keeps its blob references (it can be restored)', () => {
    const entries = recordEntries(record({ $section: 'people', lastName: 'Pop', photo: HASH, $deleted: 1 }));
    expect(entries).toEqual({ keys: [], blobs: [HASH] });
  });

  it('finds blob hashes nested in lists and objects, not in metadata', () => {
    const entries = recordEntries(record({ $section: 'notes', files: [{ name: 'x.pdf', blob: HASH }], $batch: 'b'.repeat(64) }));
    expect(entries.blobs).toEqual([HASH]);
  });
});

describe('which field changes matter to the index', () => {
  it('key fields and the trash flag always do; bookkeeping and plain values do not', () => {
    for (const field of ['name', 'city', 'taxId', 'phones', 'emails', 'firstName', 'lastName', '$deleted', '$section']) {
      expect(fieldChangeAffectsEntries(field, undefined, 'x')).toBe(true);
    }
    expect(fieldChangeAffectsEntries('$updated', 1, 2)).toBe(false);
    expect(fieldChangeAffectsEntries('$by', 'u1', 'u2')).toBe(false);
    expect(fieldChangeAffectsEntries('notes', 'called', 'called again')).toBe(false);
    expect(fieldChangeAffectsEntries('revenue', 10, 20)).toBe(false);
  });

  it('any field that holds or held a blob hash, or a structured value, does', () => {
    expect(fieldChangeAffectsEntries('photo', undefined, HASH)).toBe(true);
    expect(fieldChangeAffectsEntries('photo', HASH, undefined)).toBe(true);
    expect(fieldChangeAffectsEntries('files', [], [{ hash: HASH }])).toBe(true);
    expect(fieldChangeAffectsEntries('notes', 'a', 'z'.repeat(64))).toBe(false);
  });
});
