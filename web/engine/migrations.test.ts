import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateBookDoc, migrateOrgDoc, NewerSchemaError, ORG_MIGRATIONS, SCHEMA_VERSION, splitCell } from './migrations';
import { freshIndexedDB, openTestEngine } from './test-support';
import { bookRecords } from './rows';
import { ClientelaDatabase } from '../storage/database';
import * as commands from './commands';

function book(records: Record<string, Record<string, unknown>>): Y.Doc {
  const doc = new Y.Doc();
  for (const [id, values] of Object.entries(records)) {
    const record = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(values)) record.set(key, value);
    bookRecords(doc).set(id, record);
  }
  return doc;
}

function countUpdates(doc: Y.Doc, body: () => void): number {
  let updates = 0;
  const listener = () => updates++;
  doc.on('update', listener);
  body();
  doc.off('update', listener);
  return updates;
}

describe('migrations: schema versions', () => {
  it('there is one org migration step for every version below the current one', () => {
    expect(ORG_MIGRATIONS.map((step) => step.from)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, index) => index + 1));
  });

  it('an org document without a version is taken as current and not migrated', () => {
    const org = new Y.Doc();
    expect(migrateOrgDoc(org)).toBe(0);
  });

  it('a company that set up both the old and the new field keeps both settings', () => {
    const org = new Y.Doc();
    org.getMap('meta').set('schemaVersion', 1);
    const fields = org.getMap<Y.Map<unknown>>('fields');
    const oldEntry = new Y.Map<unknown>();
    oldEntry.set('label', 'Tel.');
    const newEntry = new Y.Map<unknown>();
    newEntry.set('label', 'Phones');
    fields.set('orgs.phone', oldEntry);
    fields.set('orgs.phones', newEntry);
    expect(migrateOrgDoc(org)).toBe(SCHEMA_VERSION - 1);
    expect(fields.get('orgs.phones')?.get('label')).toBe('Phones');
    expect(fields.get('orgs.phone')?.get('label')).toBe('Tel.');
    expect(org.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
  });
});

describe('migrations: book records', () => {
  it('a cell holding several numbers or addresses is split into list entries', () => {
    expect(splitCell('0232 111 222; 0744 555 666,\n021 1', 'phones')).toEqual(['0232 111 222', '0744 555 666', '021 1']);
    expect(splitCell(' a@x.ro  b@y.es;c@z.ru ', 'emails')).toEqual(['a@x.ro', 'b@y.es', 'c@z.ru']);
    expect(splitCell(' ; ', 'phones')).toEqual([]);
  });

  it('records of other sections keep a field that happens to be called phone', () => {
    const doc = book({ n1: { $section: 'notes', phone: 'ask for Ion' } });
    migrateBookDoc(doc);
    expect(bookRecords(doc).get('n1')?.get('phone')).toBe('ask for Ion');
  });

  it('a blank old value is removed without adding an empty list entry', () => {
    const doc = book({ o1: { $section: 'orgs', name: 'A', phone: '  ', email: '' } });
    migrateBookDoc(doc);
    expect(bookRecords(doc).get('o1')?.toJSON()).toEqual({ $section: 'orgs', name: 'A' });
  });

  it('an e-mail already in the list in another case is not added twice', () => {
    const doc = book({ p1: { $section: 'people', emails: [{ kind: 'work', value: 'Ana@Firma.ro' }], email: 'ana@firma.ro' } });
    migrateBookDoc(doc);
    expect(bookRecords(doc).get('p1')?.get('emails')).toEqual([{ kind: 'work', value: 'Ana@Firma.ro' }]);
  });

  it('an existing list in an unknown shape is never overwritten: the old value stays too', () => {
    const doc = book({ p1: { $section: 'people', phones: 'not a list', phone: '0722' } });
    migrateBookDoc(doc);
    expect(bookRecords(doc).get('p1')?.toJSON()).toMatchObject({ phones: 'not a list', phone: '0722' });
  });

  it('loading a book already in the current shape writes nothing (no update is produced)', () => {
    const doc = book({ o1: { $section: 'orgs', name: 'A', phones: [{ kind: 'work', value: '1' }] }, p1: { $section: 'people', lastName: 'B' } });
    expect(countUpdates(doc, () => doc.transact(() => migrateBookDoc(doc)))).toBe(0);
  });

  it('running the migration twice changes nothing the second time', () => {
    const doc = book({ o1: { $section: 'orgs', phone: '1; 2', email: 'a@b.c' } });
    migrateBookDoc(doc);
    const after = bookRecords(doc).toJSON();
    expect(countUpdates(doc, () => doc.transact(() => migrateBookDoc(doc)))).toBe(0);
    expect(bookRecords(doc).toJSON()).toEqual(after);
  });
});

describe('migrations: a base from a newer app', () => {
  it('is refused with a clear error and left byte for byte as it was', async () => {
    const deps = freshIndexedDB();
    const first = await openTestEngine({ deps });
    await commands.createRecord(first, 'orgs', { name: 'Future Corp' });
    await first.run(['org'], ([org]) => org.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1));
    await first.close();

    const db = new ClientelaDatabase('test', deps);
    const before = await db.updates.toArray();
    db.close();

    const error = await openTestEngine({ deps }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(NewerSchemaError);
    expect((error as NewerSchemaError).found).toBe(SCHEMA_VERSION + 1);
    expect((error as Error).message).toMatch(/newer version of Clientela.*not changed/);

    const check = new ClientelaDatabase('test', deps);
    expect(await check.updates.toArray()).toEqual(before);
    check.close();
  });
});
