/** Per-record audit: GET /api/audit?doc=&record= lists the logged updates that touched one record, newest first, for readers of the document. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeTempDataDirs, startRelay, type Client, type RelayProcess, type TestUser, makeTeam } from './harness';
import { openWriter, waitForLoggedSeq } from './book-writer';

let relay: RelayProcess;
let admin: TestUser;
let ann: TestUser;
let bob: TestUser; // sees only own
let vic: TestUser; // view-only
const clients: Client[] = [];
let docId: string;

interface Entry {
  seq: number;
  userId: string;
  userName: string;
  at: number;
  fields: string[];
}

beforeAll(async () => {
  relay = await startRelay();
  ({ admin, ann, bob, vic } = await makeTeam(relay));
  docId = `book:${ann.id}:0`;
  const annBook = await openWriter(relay, ann, docId);
  const adminBook = await openWriter(relay, admin, docId);
  clients.push(annBook.client, adminBook.client);
  await annBook.put('r1', { $section: 'orgs', name: 'Acme', city: 'Cluj' }); // seq 1
  await annBook.put('r2', { $section: 'orgs', name: 'Other' }); // seq 2
  await adminBook.change((records) => records.get('r1')!.set('phones', [{ kind: 'work', value: '0722000111' }])); // seq 3
  await annBook.change((records) => records.get('r2')!.set('name', 'Other Ltd')); // seq 4
  await annBook.change((records) => records.get('r1')!.delete('city')); // seq 5: a pure deletion
  await waitForLoggedSeq(relay, ann, docId, 5);
  await adminBook.change((records) => records.get('r1')!.set('name', 'Acme Group')); // seq 6: overwrite of an existing key
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

async function history(user: TestUser, record: string) {
  return api(relay, 'GET', `/api/audit?doc=${encodeURIComponent(docId)}&record=${record}`, undefined, user.token);
}

describe('per-record audit', () => {
  it('lists only the updates that touched the record, newest first, with user name, time and changed fields', async () => {
    const answer = await history(ann, 'r1');
    expect(answer.status).toBe(200);
    const entries: Entry[] = answer.body.entries;
    expect(entries.map((e) => `${e.seq}:${e.userName}:${e.fields.join(',')}`)).toEqual([
      '6:admin:name',
      '5:ann:city',
      '3:admin:phones',
      '1:ann:$section,city,name',
    ]);
    expect(entries[0].userId).toBe(admin.id);
    for (const e of entries) expect(e.at).toBeGreaterThan(Date.now() - 120_000);
    expect((await history(ann, 'r2')).body.entries.map((e: Entry) => e.seq)).toEqual([4, 2]);
  });

  it('includes updates written after a previous history request (the replay continues)', async () => {
    const book = await openWriter(relay, ann, docId);
    clients.push(book.client);
    await book.change((records) => records.get('r2')!.set('city', 'Iași'));
    expect((await history(ann, 'r2')).body.entries.map((e: Entry) => e.seq)).toEqual([7, 4, 2]);
    expect((await history(ann, 'r1')).body.entries).toHaveLength(4);
  });

  it('has the same access as reading the document: a viewer reads it, a "see only own" colleague gets 404', async () => {
    expect((await history(vic, 'r1')).body.entries).toHaveLength(4);
    const refused = await history(bob, 'r1');
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('admin');
    expect((await api(relay, 'GET', `/api/audit?doc=${docId}&record=r1`)).status).toBe(401);
  });

  it('answers an unknown record with no entries', async () => {
    expect((await history(ann, 'nope')).body.entries).toEqual([]);
  });
});
