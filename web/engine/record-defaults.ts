/**
 * What a new event or task starts with when its creator left a field blank, and the
 * organization that follows a chosen contact. Pure functions: commands apply them so every
 * way of creating a record (card, Today, tests) gets the same defaults.
 */
import type { FieldValue, SectionId } from '../schema/fields';

/** Values by field id, as commands take them. */
type Values = Record<string, FieldValue>;

/**
 * The values of a new record of `section` with the defaults of events and tasks filled in:
 * the creator is the assignee; an event whose time is still ahead is planned, any other one
 * is done (it is being logged); a task is open with normal priority.
 */
export function withNewRecordDefaults(section: SectionId, values: Values, userId: string, now: number): Values {
  if (section !== 'events' && section !== 'tasks') return values;
  const filled: Values = { ...values };
  if (isUnset(filled.assignee)) filled.assignee = userId;
  if (section === 'events') {
    if (isUnset(filled.status)) filled.status = typeof filled.start === 'number' && filled.start > now ? 'planned' : 'done';
  } else {
    if (isUnset(filled.status)) filled.status = 'open';
    if (isUnset(filled.priority)) filled.priority = 'normal';
  }
  return filled;
}

/**
 * What the new-record form of `section` shows filled in before the user types: the defaults
 * that do not depend on other fields (an event's status waits for its time, so it is left to
 * withNewRecordDefaults on save).
 */
export function newRecordFormDefaults(section: SectionId, userId: string): Values {
  if (section === 'tasks') return { assignee: userId, status: 'open', priority: 'normal' };
  if (section === 'events') return { assignee: userId };
  return {};
}

/**
 * Sets `org` to the organization of the chosen contact, so the organization's history shows an
 * event or task about one of its people. Values without a contact, or a contact without an
 * organization, come back unchanged.
 */
export function withContactOrg(section: SectionId, values: Values, orgOfPerson: (personId: string) => string | undefined): Values {
  if (section !== 'events' && section !== 'tasks') return values;
  const person = values.person;
  if (typeof person !== 'string' || person === '') return values;
  const org = orgOfPerson(person);
  return org && values.org !== org ? { ...values, org } : values;
}

function isUnset(value: FieldValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}
