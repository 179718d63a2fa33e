import { describe, expect, it } from 'vitest';
import type { Row } from '../engine/rows';
import { builtinFields } from '../schema/fields';
import { setLanguage } from '../i18n/i18n';
import { readActionMessage } from './notifications';
import { reminderDetail, reminderTitle } from './reminder-text';
import type { Reminder } from './schedule';

function row(section: Row['section'], v: Row['v']): Row {
  return { id: 'r', section, shard: 'book:me:0', v, created: 0, updated: 0, by: 'me', seq: 0 };
}

describe('reminders: what a reminder says', () => {
  setLanguage('en');

  it('a person is named by first and last name, an event by its subject or else its kind', () => {
    expect(reminderTitle(row('people', { firstName: 'Ana', lastName: 'Pop' }), builtinFields('people'))).toBe('Ana Pop');
    expect(reminderTitle(row('events', { subject: 'Offer call' }), builtinFields('events'))).toBe('Offer call');
    expect(reminderTitle(row('events', { kind: 'meeting' }), builtinFields('events'))).toBe('Meeting');
    expect(reminderTitle(row('tasks', {}), builtinFields('tasks'))).toBe('(untitled)');
    expect(reminderTitle(undefined, [])).toBe('(untitled)');
  });

  it('a birthday with a known year says the age; without a year it does not', () => {
    const reminder: Reminder = { key: 'bday:r:2026', kind: 'birthday', recordId: 'r', fireAt: 0, date: '2026-06-12', expiresAt: 1 };
    expect(reminderDetail(reminder, row('people', { birthday: '1980-06-12' }))).toBe('Turns 46 on 06/12/2026: congratulate');
    expect(reminderDetail(reminder, row('people', { birthday: '--06-12' }))).toBe('Birthday on 06/12/2026: congratulate');
  });

  it('a contract end says renegotiate with the date', () => {
    const reminder: Reminder = { key: 'contract:r:2026-12-31', kind: 'contract', recordId: 'r', fireAt: 0, date: '2026-12-31', expiresAt: 1 };
    expect(reminderDetail(reminder, row('orgs', { contractEnd: '2026-12-31' }))).toBe('Contract ends on 12/31/2026: renegotiate');
  });
});

describe('reminders: messages from the service worker', () => {
  it('a notification click becomes an action on a reminder key', () => {
    expect(readActionMessage({ type: 'reminder-action', key: 'rec:abc:123', action: 'snooze' })).toEqual({ type: 'reminder-action', key: 'rec:abc:123', action: 'snooze' });
    expect(readActionMessage({ type: 'reminder-action', key: 'bday:p:2026', action: 'open' })?.action).toBe('open');
  });

  it('anything else is ignored', () => {
    expect(readActionMessage(null)).toBeNull();
    expect(readActionMessage({ type: 'other', key: 'rec:a:1', action: 'done' })).toBeNull();
    expect(readActionMessage({ type: 'reminder-action', key: 'views:x', action: 'done' })).toBeNull();
    expect(readActionMessage({ type: 'reminder-action', key: 'rec:a:1', action: 'delete' })).toBeNull();
  });
});
