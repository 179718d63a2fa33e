/** What a "see only own" manager asks the relay before adding a client, and how its answers are shown. */
import { describe, expect, it } from 'vitest';
import { colleagueOwners, queriesKey, relayDuplicateQueries } from './relay-queries';

describe('questions for the relay', () => {
  it('an organization: first phone, first e-mail, tax id, name and city in one call', () => {
    expect(
      relayDuplicateQueries('orgs', {
        name: ' Acme ',
        city: 'Cluj',
        taxId: 'RO123',
        phones: [{ kind: 'work', value: '+40 722 000 111' }],
        emails: [{ kind: 'work', value: 'a@acme.ro' }],
      }),
    ).toEqual([{ phone: '+40 722 000 111', email: 'a@acme.ro', taxId: 'RO123', name: 'Acme', city: 'Cluj' }]);
  });

  it('a person is asked by first and last name', () => {
    expect(relayDuplicateQueries('people', { firstName: 'Ion', lastName: 'Pop' })).toEqual([{ name: 'Ion Pop' }]);
  });

  it('further phones and e-mails become further calls, at most six in all', () => {
    const phones = Array.from({ length: 9 }, (_, index) => ({ kind: 'mobile', value: `0722 000 1${index}0` }));
    const queries = relayDuplicateQueries('orgs', { phones, emails: [{ kind: 'work', value: 'x@y.z' }, { kind: 'home', value: 'w@y.z' }] });
    expect(queries).toHaveLength(6);
    expect(queries[0]).toEqual({ phone: '0722 000 100', email: 'x@y.z' });
    expect(queries[1]).toEqual({ phone: '0722 000 110' });
  });

  it('a phone under 6 digits, an e-mail without @ and a city without a name ask nothing (the relay would refuse or match anyone)', () => {
    expect(relayDuplicateQueries('orgs', { phones: [{ kind: 'work', value: '12-34' }], emails: [{ kind: 'work', value: 'half' }], city: 'Cluj' })).toEqual([]);
  });

  it('other sections (notes, links) are never asked about', () => {
    expect(relayDuplicateQueries('notes', { title: 'Acme' })).toEqual([]);
  });

  it('the same values give the same key, so the form does not ask twice', () => {
    expect(queriesKey(relayDuplicateQueries('orgs', { name: 'A' }))).toBe(queriesKey([{ name: 'A' }]));
  });
});

describe('answers', () => {
  it('each colleague once, in order, never the asking manager himself', () => {
    expect(colleagueOwners([['Bob', 'Ann'], ['Bob'], ['Me']], 'Me', (a, b) => a.localeCompare(b))).toEqual(['Ann', 'Bob']);
  });
});
