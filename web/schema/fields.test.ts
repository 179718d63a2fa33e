import { describe, expect, it } from 'vitest';
import { builtinFields, CUSTOM_FIELD_TYPES, DEFAULT_EVENT_RESULTS, DEFAULT_EVENT_TYPES, EVENT_STATUSES, hasFixedOptions, SECTION_IDS, TASK_PRIORITIES, TASK_STATUSES } from './fields';

describe('schema of events and tasks (the issue-5 contract)', () => {
  it('events and tasks come right after contacts', () => {
    expect(SECTION_IDS).toEqual(['orgs', 'people', 'events', 'tasks', 'notes', 'links']);
  });

  it('a company can add datetime custom fields; reminder and checklist stay built-in types', () => {
    expect(CUSTOM_FIELD_TYPES).toContain('datetime');
    expect(CUSTOM_FIELD_TYPES).not.toContain('reminder' as never);
    expect(CUSTOM_FIELD_TYPES).not.toContain('checklist' as never);
  });

  it('event fields have the contract ids and types', () => {
    const types = Object.fromEntries(builtinFields('events').map((field) => [field.id, field.type]));
    expect(types).toEqual({
      kind: 'choice', subject: 'text', status: 'choice', start: 'datetime', duration: 'number', assignee: 'user',
      result: 'choice', comment: 'longtext', org: 'ref', person: 'ref', remind: 'reminder', tags: 'tags',
    });
    expect(builtinFields('events').find((field) => field.title)?.id).toBe('subject');
  });

  it('task fields have the contract ids and types', () => {
    const types = Object.fromEntries(builtinFields('tasks').map((field) => [field.id, field.type]));
    expect(types).toEqual({
      title: 'text', due: 'datetime', assignee: 'user', priority: 'choice', status: 'choice', org: 'ref', person: 'ref',
      checklist: 'checklist', remind: 'reminder', notes: 'longtext', tags: 'tags',
    });
    expect(builtinFields('tasks').find((field) => field.title)?.id).toBe('title');
  });

  it('the lists are the contract lists', () => {
    expect(DEFAULT_EVENT_TYPES).toEqual(['call', 'meeting', 'letter', 'visit']);
    expect(DEFAULT_EVENT_RESULTS).toEqual(['reached', 'noAnswer', 'callBack', 'offerSent', 'order', 'refused']);
    expect(EVENT_STATUSES).toEqual(['planned', 'done']);
    expect(TASK_PRIORITIES).toEqual(['high', 'normal', 'low']);
    expect(TASK_STATUSES).toEqual(['open', 'doing', 'done']);
  });

  it('event types and results are editable lists; statuses and priorities are fixed by the app', () => {
    const field = (section: 'events' | 'tasks' | 'links', id: string) => builtinFields(section).find((candidate) => candidate.id === id)!;
    expect(hasFixedOptions(field('events', 'kind'))).toBe(false);
    expect(hasFixedOptions(field('events', 'result'))).toBe(false);
    expect(hasFixedOptions(field('events', 'status'))).toBe(true);
    expect(hasFixedOptions(field('tasks', 'priority'))).toBe(true);
    expect(hasFixedOptions(field('links', 'kind'))).toBe(false);
  });
});
