import { describe, expect, it } from 'vitest';
import { findDuplicates } from './find-duplicates';
import type { Row } from '../engine/rows';

function row(id: string, v: Row['v'], extra: Partial<Row> = {}): Row {
  return { id, section: 'orgs', shard: 'book:u:0', v, created: 0, updated: 0, by: 'u', seq: 1, ...extra };
}

const base = [
  row('a', { name: 'Ștefănescu SRL', city: 'Iași', phones: [{ kind: 'work', value: '+40 (722) 000-111' }] }),
  row('b', { name: 'Acme', city: 'Madrid', emails: [{ kind: 'work', value: 'Info@Acme.es' }], taxId: 'B 12345678' }),
  row('c', { name: 'Trashed', city: 'X', phones: [{ kind: 'work', value: '0722 999 999' }] }, { deleted: 1 }),
];

describe('duplicates', () => {
  it('a phone written another way is the same phone', () => {
    expect(findDuplicates(base, 'orgs', { name: 'New', phones: [{ kind: 'mobile', value: '0722000111' }] })).toEqual([{ recordId: 'a', reasons: ['phone'] }]);
  });
  it('an e-mail differing only in case matches', () => {
    expect(findDuplicates(base, 'orgs', { name: 'X', emails: [{ kind: 'work', value: 'info@acme.ES ' }] })[0]?.recordId).toBe('b');
  });
  it('a tax id with other spacing matches', () => {
    expect(findDuplicates(base, 'orgs', { name: 'X', taxId: 'b12345678' })[0]?.reasons).toEqual(['taxId']);
  });
  it('the same name matches only in the same city, forgiving accents and legal form', () => {
    expect(findDuplicates(base, 'orgs', { name: 'stefanescu', city: 'Iasi' })[0]?.reasons).toEqual(['nameCity']);
    expect(findDuplicates(base, 'orgs', { name: 'Stefanescu', city: 'Cluj' })).toEqual([]);
  });
  it('records in the trash and the record itself are not duplicates', () => {
    expect(findDuplicates(base, 'orgs', { name: 'Z', phones: [{ kind: 'work', value: '+40722999999' }] })).toEqual([]);
    expect(findDuplicates(base, 'orgs', base[0].v, 'a')).toEqual([]);
  });
});
