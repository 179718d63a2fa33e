import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine } from './test-support';
import * as commands from './commands';
import type { Engine } from './engine';
import { findDuplicates } from '../duplicates/find-duplicates';
import { newRecordFormDefaults, withContactOrg, withNewRecordDefaults } from './record-defaults';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function open(): Promise<Engine> {
  engine = await openTestEngine();
  return engine;
}

describe('new events and tasks: defaults', () => {
  it('an event whose time is ahead is planned, assigned to its creator', () => {
    const now = 1_000_000;
    expect(withNewRecordDefaults('events', { subject: 'Call', start: now + 60_000 }, 'u1', now)).toMatchObject({ status: 'planned', assignee: 'u1' });
  });

  it('an event in the past or without a time is done (it is being logged)', () => {
    const now = 1_000_000;
    expect(withNewRecordDefaults('events', { start: now - 1 }, 'u1', now).status).toBe('done');
    expect(withNewRecordDefaults('events', { start: now }, 'u1', now).status).toBe('done');
    expect(withNewRecordDefaults('events', {}, 'u1', now).status).toBe('done');
  });

  it('a task is open, normal priority, assigned to its creator', () => {
    expect(withNewRecordDefaults('tasks', { title: 'T' }, 'u1', 0)).toEqual({ title: 'T', status: 'open', priority: 'normal', assignee: 'u1' });
  });

  it('values the creator chose are kept', () => {
    expect(withNewRecordDefaults('tasks', { status: 'doing', priority: 'high', assignee: 'u2' }, 'u1', 0)).toEqual({ status: 'doing', priority: 'high', assignee: 'u2' });
    expect(withNewRecordDefaults('events', { status: 'done', start: 5 }, 'u1', 0).status).toBe('done');
  });

  it('records of other sections get no defaults', () => {
    expect(withNewRecordDefaults('orgs', { name: 'A' }, 'u1', 0)).toEqual({ name: 'A' });
    expect(withContactOrg('notes', { person: 'p' }, () => 'o')).toEqual({ person: 'p' });
  });

  it('choosing a contact sets his organization; a contact without one leaves org as it was', () => {
    expect(withContactOrg('events', { person: 'p1', org: 'other' }, () => 'o1')).toEqual({ person: 'p1', org: 'o1' });
    expect(withContactOrg('tasks', { person: 'p1', org: 'kept' }, () => undefined)).toEqual({ person: 'p1', org: 'kept' });
  });

  it('createRecord applies the defaults through the engine', async () => {
    const e = await open();
    const taskId = await commands.createRecord(e, 'tasks', { title: 'Send the price list' });
    expect(e.rows.get(taskId)?.v).toMatchObject({ status: 'open', priority: 'normal', assignee: e.user.id });
    const eventId = await commands.createRecord(e, 'events', { subject: 'Visit', start: Date.now() + 3_600_000 });
    expect(e.rows.get(eventId)?.v).toMatchObject({ status: 'planned', assignee: e.user.id });
  });
});

describe('logEvent', () => {
  it('logs a done event now, by the current user', async () => {
    const e = await open();
    const before = Date.now();
    const id = await commands.logEvent(e, { kind: 'call', subject: 'Asked about the offer' });
    const row = e.rows.get(id)!;
    expect(row.section).toBe('events');
    expect(row.v).toMatchObject({ kind: 'call', status: 'done', assignee: e.user.id });
    expect(row.v.start).toBeGreaterThanOrEqual(before);
    expect(row.v.start).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the time, status and assignee it is given', async () => {
    const e = await open();
    const id = await commands.logEvent(e, { kind: 'meeting', start: 1_700_000_000_000, status: 'planned', assignee: 'colleague' });
    expect(e.rows.get(id)?.v).toMatchObject({ start: 1_700_000_000_000, status: 'planned', assignee: 'colleague' });
  });

  it('blank values given do not blank out the defaults', async () => {
    const e = await open();
    const id = await commands.logEvent(e, { kind: 'call', start: null, assignee: '' });
    expect(e.rows.get(id)?.v.assignee).toBe(e.user.id);
    expect(typeof e.rows.get(id)?.v.start).toBe('number');
  });

  it('fills the organization from the contact, so the org history shows the call', async () => {
    const e = await open();
    const orgId = await commands.createRecord(e, 'orgs', { name: 'Horizont' });
    const personId = await commands.createRecord(e, 'people', { lastName: 'Popescu', org: orgId });
    const id = await commands.logEvent(e, { kind: 'call', person: personId });
    expect(e.rows.get(id)?.v.org).toBe(orgId);
  });

  it('is one undo step', async () => {
    const e = await open();
    const id = await commands.logEvent(e, { kind: 'call' });
    expect(e.rows.has(id) && !e.rows.get(id)!.deleted).toBe(true);
    await e.undo();
    expect(e.rows.has(id)).toBe(false);
  });
});

describe('setRecordStatus', () => {
  it('marks a planned event done and reopens it, each one undo step', async () => {
    const e = await open();
    const id = await commands.createRecord(e, 'events', { subject: 'Call back', start: Date.now() + 60_000 });
    expect(e.rows.get(id)?.v.status).toBe('planned');
    await commands.setRecordStatus(e, id, 'done');
    expect(e.rows.get(id)?.v.status).toBe('done');
    await e.undo();
    expect(e.rows.get(id)?.v.status).toBe('planned');
  });

  it('marks a task done', async () => {
    const e = await open();
    const id = await commands.createRecord(e, 'tasks', { title: 'Offer' });
    await commands.setRecordStatus(e, id, 'done');
    expect(e.rows.get(id)?.v.status).toBe('done');
  });

  it('refuses a status the section does not have, saying which ones it has, and changes nothing', async () => {
    const e = await open();
    const id = await commands.createRecord(e, 'tasks', { title: 'Offer' });
    await expect(commands.setRecordStatus(e, id, 'planned')).rejects.toThrow(/"planned" is not a status of tasks \(one of: open, doing, done\)/);
    expect(e.rows.get(id)?.v.status).toBe('open');
  });

  it('refuses records without a status field', async () => {
    const e = await open();
    const id = await commands.createRecord(e, 'orgs', { name: 'A' });
    await expect(commands.setRecordStatus(e, id, 'done')).rejects.toThrow(/orgs have no status/);
  });

  it('changing an event\'s contact moves it to that contact\'s organization', async () => {
    const e = await open();
    const orgA = await commands.createRecord(e, 'orgs', { name: 'A' });
    const orgB = await commands.createRecord(e, 'orgs', { name: 'B' });
    const person = await commands.createRecord(e, 'people', { lastName: 'Ionescu', org: orgB });
    const id = await commands.createRecord(e, 'events', { subject: 'Call', org: orgA });
    await commands.updateField(e, id, 'person', person);
    expect(e.rows.get(id)?.v.org).toBe(orgB);
  });
});

describe('the new-record form', () => {
  it('a new task form shows its creator, open and normal priority; an event form only its creator', () => {
    expect(newRecordFormDefaults('tasks', 'u1')).toEqual({ assignee: 'u1', status: 'open', priority: 'normal' });
    expect(newRecordFormDefaults('events', 'u1')).toEqual({ assignee: 'u1' });
    expect(newRecordFormDefaults('orgs', 'u1')).toEqual({});
  });
});

describe('duplicate check', () => {
  it('a second call with the same subject is not a duplicate warning (events and tasks are never checked)', async () => {
    const e = await open();
    await commands.logEvent(e, { kind: 'call', subject: 'Call back' });
    await commands.createRecord(e, 'tasks', { title: 'Offer' });
    expect(findDuplicates(e.rows.values(), 'events', { subject: 'Call back' })).toEqual([]);
    expect(findDuplicates(e.rows.values(), 'tasks', { title: 'Offer' })).toEqual([]);
  });
});
