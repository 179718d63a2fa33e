/** What a logged or planned event stores, how the plan form reads a date and time, and which phone a tel: link dials. */
import { describe, expect, it } from 'vitest';
import { builtinFields } from '../../schema/fields';
import { callValues, completionValues, dateTimeInputs, defaultPlanTime, eventField, localInstant, planValues } from './event-values';
import { phoneOfHref } from './call-offer';

describe('a logged call', () => {
  it("from a person's card: a call with that person, the clicked result and the comment", () => {
    expect(callValues('people', 'ann', null, 'reached', '  Wants the price list ')).toEqual({ kind: 'call', person: 'ann', result: 'reached', comment: 'Wants the price list' });
  });

  it("from an organization's card: with the organization, and the chosen employee when one was picked", () => {
    expect(callValues('orgs', 'org1', null, 'noAnswer', '')).toEqual({ kind: 'call', org: 'org1', result: 'noAnswer' });
    expect(callValues('orgs', 'org1', 'ann', 'callBack', '')).toEqual({ kind: 'call', org: 'org1', person: 'ann', result: 'callBack' });
  });

  it('without a result list, the call is saved without a result; a blank comment is not stored', () => {
    expect(callValues('people', 'ann', null, null, '   ')).toEqual({ kind: 'call', person: 'ann' });
  });
});

describe('a planned event', () => {
  it('is planned at the chosen time, with the kind, subject, reminder and comment given', () => {
    expect(planValues('orgs', 'org1', null, { kind: 'meeting', subject: ' Contract ', start: 5_000, remind: 15, comment: '' })).toEqual({
      kind: 'meeting', status: 'planned', start: 5_000, org: 'org1', subject: 'Contract', remind: 15,
    });
  });

  it('"no reminder" stores no reminder; "at the time" (0 minutes) is a reminder', () => {
    expect(planValues('people', 'ann', null, { kind: 'call', subject: '', start: 1, remind: null, comment: '' })).not.toHaveProperty('remind');
    expect(planValues('people', 'ann', null, { kind: 'call', subject: '', start: 1, remind: 0, comment: '' }).remind).toBe(0);
  });
});

describe('reading the date and time of a plan', () => {
  it('a date and a time are a local instant', () => {
    expect(localInstant('2025-03-07', '09:30')).toBe(new Date(2025, 2, 7, 9, 30).getTime());
  });

  it('a missing, impossible or malformed date or time is refused', () => {
    for (const [date, time] of [['', '10:00'], ['2025-03-07', ''], ['2025-02-30', '10:00'], ['2025-13-01', '10:00'], ['2025-03-07', '24:00'], ['2025-03-07', '10:60'], ['7.3.2025', '10:00']]) {
      expect(localInstant(date, time), `${date} ${time}`).toBeNull();
    }
  });

  it('29 February exists in leap years only', () => {
    expect(localInstant('2024-02-29', '12:00')).not.toBeNull();
    expect(localInstant('2025-02-29', '12:00')).toBeNull();
  });

  it('the inputs show an instant back in local time', () => {
    const instant = new Date(2025, 10, 3, 7, 5).getTime();
    expect(dateTimeInputs(instant)).toEqual({ date: '2025-11-03', time: '07:05' });
    expect(localInstant(dateTimeInputs(instant).date, dateTimeInputs(instant).time)).toBe(instant);
  });

  it('a new plan starts tomorrow at 10:00, also across the end of a month', () => {
    expect(dateTimeInputs(defaultPlanTime(new Date(2025, 0, 31, 18, 0).getTime()))).toEqual({ date: '2025-02-01', time: '10:00' });
  });
});

describe('the fields the forms read', () => {
  it("the kind and result fields come with the company's options; a deleted field is not offered", () => {
    const fields = builtinFields('events');
    expect(eventField(fields, 'result')?.options).toContain('noAnswer');
    expect(eventField(fields.map((field) => ({ ...field, deletedAt: 1 })), 'result')).toBeUndefined();
  });
});

describe('phone links', () => {
  it('a tel: link dials the number after the scheme; other links are not calls', () => {
    expect(phoneOfHref('tel:+40722000111')).toBe('+40722000111');
    expect(phoneOfHref('TEL:%2B40722')).toBe('+40722');
    expect(phoneOfHref('mailto:a@b.co')).toBeNull();
    expect(phoneOfHref('tel:')).toBeNull();
    expect(phoneOfHref(null)).toBeNull();
  });
});

describe('recording the result of a planned event', () => {
  it('marks it done with the result and comment, keeping the planned time when it has passed', () => {
    expect(completionValues(1_000, 5_000, 'reached', ' Agreed ')).toEqual({ status: 'done', result: 'reached', comment: 'Agreed' });
  });

  it('done before its planned time (or planned without one), it happened now', () => {
    expect(completionValues(9_000, 5_000, null, '')).toEqual({ status: 'done', start: 5_000 });
    expect(completionValues(null, 5_000, 'order', '')).toEqual({ status: 'done', start: 5_000, result: 'order' });
  });
});
