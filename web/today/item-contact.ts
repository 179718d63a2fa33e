/**
 * Who an agenda line is about and how to reach them in one click: the person's first phone
 * and e-mail, else the organization's. Pure over a row lookup.
 */
import type { Row } from '../engine/rows';
import type { FieldValue, KindedValue } from '../schema/fields';
import { displayName } from '../duplicates/find-duplicates';
import { emailHref, phoneHref } from '../card/links';
import type { AgendaItem } from './today-items';

/** The client of a line with its one-click links (null when the record has no usable value). */
export interface ItemContact {
  orgName: string;
  personName: string;
  phone: string | null;
  phoneHref: string | null;
  email: string | null;
  emailHref: string | null;
}

function firstValue(value: FieldValue | undefined, toHref: (text: string) => string | null): { value: string; href: string } | null {
  if (!Array.isArray(value)) return null;
  for (const entry of value as (KindedValue | string)[]) {
    const text = typeof entry === 'string' ? entry : entry?.value;
    const href = typeof text === 'string' ? toHref(text) : null;
    if (href) return { value: text as string, href };
  }
  return null;
}

/** The client names and first phone / e-mail of a line, looked up in the rows (deleted clients count as missing). */
export function itemContact(item: AgendaItem, rowOf: (id: string) => Row | undefined): ItemContact {
  const live = (id: string | undefined) => {
    const row = id ? rowOf(id) : undefined;
    return row && row.deleted === undefined ? row : undefined;
  };
  const person = live(item.personId);
  const org = live(item.orgId ?? (typeof person?.v.org === 'string' ? person.v.org : undefined));
  const phone = firstValue(person?.v.phones, phoneHref) ?? firstValue(org?.v.phones, phoneHref);
  const email = firstValue(person?.v.emails, emailHref) ?? firstValue(org?.v.emails, emailHref);
  return {
    orgName: org ? displayName('orgs', org.v) : '',
    personName: person ? displayName('people', person.v) : '',
    phone: phone?.value ?? null,
    phoneHref: phone?.href ?? null,
    email: email?.value ?? null,
    emailHref: email?.href ?? null,
  };
}
