import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateOrgDoc, SCHEMA_VERSION } from './migrations';
import { setUpOrgDoc } from './org-setup';
import { freshIndexedDB, openTestEngine } from './test-support';
import { orgSections, readFields, readSections } from '../schema/org-doc';
import { DEFAULT_EVENT_RESULTS, DEFAULT_EVENT_TYPES, TASK_PRIORITIES, TASK_STATUSES } from '../schema/fields';
import * as commands from './commands';

/** An org document as a schema-2 app left it: hidden links, a renamed section, maybe a stored order. */
function schema2Org(storedOrder?: Record<string, number>): Y.Doc {
  const org = new Y.Doc();
  org.transact(() => {
    org.getMap('meta').set('schemaVersion', 2);
    const sections = orgSections(org);
    for (const id of ['orgs', 'people', 'notes', 'links']) {
      const entry = new Y.Map<unknown>();
      if (id === 'links') entry.set('hidden', true);
      if (id === 'orgs') entry.set('label', 'Clients');
      if (storedOrder && id in storedOrder) entry.set('order', storedOrder[id]);
      sections.set(id, entry);
    }
  });
  return org;
}

describe('migration 2 → 3: events and tasks sections', () => {
  it('a schema-2 base gets the Events and Tasks sections right after Contacts, keeping its own settings', () => {
    const org = schema2Org();
    expect(migrateOrgDoc(org)).toBe(1);
    expect(org.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    const sections = readSections(org);
    expect(sections.map((section) => section.id)).toEqual(['orgs', 'people', 'events', 'tasks', 'notes', 'links']);
    expect(sections.find((section) => section.id === 'orgs')?.label).toBe('Clients');
    expect(sections.find((section) => section.id === 'links')?.hidden).toBe(true);
    expect(sections.find((section) => section.id === 'events')?.hidden).toBe(false);
  });

  it('a company that stored its own section order keeps it, with events and tasks after contacts', () => {
    const org = schema2Org({ links: 0, people: 1, orgs: 2, notes: 3 });
    migrateOrgDoc(org);
    expect(readSections(org).map((section) => section.id)).toEqual(['links', 'people', 'events', 'tasks', 'orgs', 'notes']);
    const orders = readSections(org).map((section) => section.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('the new sections have their built-in fields with the contract ids and default lists', () => {
    const org = schema2Org();
    migrateOrgDoc(org);
    const events = readFields(org, 'events');
    expect(events.map((field) => field.id)).toEqual(['kind', 'subject', 'status', 'start', 'duration', 'assignee', 'result', 'comment', 'org', 'person', 'remind', 'tags']);
    expect(events.find((field) => field.id === 'kind')?.options).toEqual(DEFAULT_EVENT_TYPES);
    expect(events.find((field) => field.id === 'result')?.options).toEqual(DEFAULT_EVENT_RESULTS);
    expect(events.find((field) => field.id === 'start')?.type).toBe('datetime');
    expect(events.find((field) => field.id === 'person')?.refSection).toBe('people');
    const tasks = readFields(org, 'tasks');
    expect(tasks.map((field) => field.id)).toEqual(['title', 'due', 'assignee', 'priority', 'status', 'org', 'person', 'checklist', 'remind', 'notes', 'tags']);
    expect(tasks.find((field) => field.id === 'priority')?.options).toEqual([...TASK_PRIORITIES]);
    expect(tasks.find((field) => field.id === 'status')?.options).toEqual([...TASK_STATUSES]);
    expect(tasks.find((field) => field.id === 'checklist')?.type).toBe('checklist');
  });

  it('the relay path (setUpOrgDoc) migrates a schema-2 org and a second run writes nothing', () => {
    const org = schema2Org();
    expect(setUpOrgDoc(org, 'relay')).toBe(true);
    let updates = 0;
    org.on('update', () => updates++);
    expect(setUpOrgDoc(org, 'relay')).toBe(false);
    expect(updates).toBe(0);
  });

  it('a base opened by this app after a schema-2 app is migrated and can hold events and tasks', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    await commands.createRecord(first, 'orgs', { name: 'Old Corp' });
    await first.run(['org'], ([org]) => org.getMap('meta').set('schemaVersion', 2));
    await first.close();

    const engine = await openTestEngine({ deps });
    expect(engine.org.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    const id = await commands.createRecord(engine, 'tasks', { title: 'Send the offer' });
    expect(engine.rows.get(id)?.section).toBe('tasks');
    expect([...engine.rows.values()].some((row) => row.v.name === 'Old Corp')).toBe(true);
    await engine.close();
  });
});
