import { describe, expect, it } from 'vitest';
import type { Row } from '../engine/rows';
import type { FieldValue, SectionId } from '../schema/fields';
import { itemContact } from './item-contact';
import type { AgendaItem } from './today-items';

function row(id: string, section: SectionId, v: Record<string, FieldValue>, deleted?: number): Row {
  return { id, section, shard: 'book:me:0', v, created: 0, updated: 0, by: 'me', seq: 1, deleted };
}

const org = row('o1', 'orgs', { name: 'Acme', phones: [{ kind: 'work', value: '+40 21 000 111' }], emails: [{ kind: 'work', value: 'office@acme.ro' }] });
const person = row('p1', 'people', { firstName: 'Ana', lastName: 'Pop', org: 'o1', phones: [{ kind: 'mobile', value: 'n/a' }, { kind: 'mobile', value: '0722 000 222' }] });
const rows = new Map([org, person].map((entry) => [entry.id, entry]));
const item = (extra: Partial<AgendaItem>): AgendaItem => ({ recordId: 'e1', kind: 'event', title: 'Call', ...extra });

describe('one-click contact of an agenda line', () => {
  it('calls the person’s first usable phone and writes to the organization when the person has no e-mail', () => {
    const contact = itemContact(item({ personId: 'p1', orgId: 'o1' }), (id) => rows.get(id));
    expect(contact).toMatchObject({ personName: 'Ana Pop', orgName: 'Acme', phone: '0722 000 222', phoneHref: 'tel:0722000222', emailHref: 'mailto:office@acme.ro' });
  });

  it('a person alone still names the organization from the person’s own link', () => {
    expect(itemContact(item({ personId: 'p1' }), (id) => rows.get(id)).orgName).toBe('Acme');
  });

  it('no client, or a client in the trash, gives no links', () => {
    const trashed = new Map([['o2', row('o2', 'orgs', { name: 'Gone', phones: [{ kind: 'work', value: '+40 21 999 999' }] }, 5)]]);
    expect(itemContact(item({ orgId: 'o2' }), (id) => trashed.get(id))).toEqual({ orgName: '', personName: '', phone: null, phoneHref: null, email: null, emailHref: null });
    expect(itemContact(item({}), () => undefined).phoneHref).toBeNull();
  });
});
