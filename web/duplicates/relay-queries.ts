/**
 * The questions a "see only own" manager asks the relay before adding a client: does this phone,
 * e-mail, tax id or name (with city) already belong to someone? The relay answers only owners'
 * names (POST /api/duplicates takes one phone and one e-mail per call), so a form with several
 * phones or e-mails becomes several calls. Pure.
 */
import type { FieldValue, KindedValue, SectionId } from '../schema/fields';
import type { DuplicateQuery } from '../sync/relay-api';
import { phoneDigits } from '../search/normalize';
import { displayName } from './find-duplicates';

/** The relay refuses a phone with fewer digits than this (it could match anyone). */
const MIN_PHONE_DIGITS = 6;
/** At most this many calls per check: a pasted list of twenty phones must not flood the relay. */
const MAX_QUERIES = 6;

/** The queries for the values of a new record of `section` (empty when nothing is worth asking). */
export function relayDuplicateQueries(section: SectionId, values: Record<string, FieldValue>): DuplicateQuery[] {
  if (section !== 'orgs' && section !== 'people') return [];
  const phones = entries(values.phones).filter((phone) => phoneDigits(phone).length >= MIN_PHONE_DIGITS);
  const emails = entries(values.emails).filter((email) => email.includes('@'));
  const taxId = section === 'orgs' && typeof values.taxId === 'string' ? values.taxId.trim() : '';
  const name = displayName(section, values).trim();
  const city = typeof values.city === 'string' ? values.city.trim() : '';
  const first: DuplicateQuery = {};
  if (phones[0]) first.phone = phones[0];
  if (emails[0]) first.email = emails[0];
  if (taxId) first.taxId = taxId;
  if (name) first.name = name;
  if (city && name) first.city = city;
  const queries: DuplicateQuery[] = Object.keys(first).length ? [first] : [];
  for (const phone of phones.slice(1)) queries.push({ phone });
  for (const email of emails.slice(1)) queries.push({ email });
  return queries.slice(0, MAX_QUERIES);
}

/** A stable text of the queries: the form asks again only when it changes. */
export function queriesKey(queries: readonly DuplicateQuery[]): string {
  return JSON.stringify(queries);
}

/** The owners named in several answers, once each, without the asking user himself, in `compare` order. */
export function colleagueOwners(answers: readonly string[][], ownName: string | null, compare: (a: string, b: string) => number): string[] {
  const names = new Set(answers.flat());
  if (ownName !== null) names.delete(ownName);
  return [...names].sort(compare);
}

function entries(value: FieldValue | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() ? [value.trim()] : [];
  return (value as (string | KindedValue)[])
    .map((entry) => (typeof entry === 'string' ? entry : entry?.value ?? '').trim())
    .filter(Boolean);
}
