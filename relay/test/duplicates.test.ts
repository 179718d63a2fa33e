/** The duplicate check: a manager who sees only his own records learns "already a client of <name>" and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { api, makeAdmin, makeUser, removeTempDataDirs, startRelay, type Client, type RelayProcess, type TestUser } from './harness';
import { openWriter, waitForLoggedSeq } from './book-writer';

let relay: RelayProcess;
let admin: TestUser;
let ann: TestUser; // manager whose book holds the clients
let bob: TestUser; // manager, sees only own records
const clients: Client[] = [];

const SECRET_VALUES = ['Ștefănescu', 'RO 12345678', 'Cluj', '722 000 111', 'Office@Stefanescu.ro', 'secret-note', 'Strada Secreta', 'Popescu', 'Ion', 'r-org-1', 'r-person-1'];

beforeAll(async () => {
  relay = await startRelay();
  admin = await makeAdmin(relay);
  ann = await makeUser(relay, admin, 'ann', 'manager');
  bob = await makeUser(relay, admin, 'bob', 'manager', true);
  const book = await openWriter(relay, ann, `book:${ann.id}:0`);
  clients.push(book.client);
  await book.put('r-org-1', {
    $section: 'orgs',
    name: 'Ștefănescu SRL',
    taxId: 'RO 12345678',
    city: 'Cluj',
    phones: [{ kind: 'work', value: '+40 722 000 111' }],
    emails: [{ kind: 'work', value: 'Office@Stefanescu.ro' }],
    notes: 'secret-note',
    address: 'Strada Secreta 1',
  });
  await book.put('r-person-1', { $section: 'people', firstName: 'Ion', lastName: 'Popescu', phones: [{ kind: 'mobile', value: '0733 444 555' }] });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

async function check(user: TestUser, query: Record<string, string>): Promise<{ status: number; raw: string }> {
  const response = await fetch(`${relay.httpUrl}/api/duplicates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify(query),
  });
  return { status: response.status, raw: await response.text() };
}

describe('duplicate check', () => {
  it('a "see only own" manager asking about a colleague\'s client\'s phone written differently gets only the colleague\'s name', async () => {
    expect((await api(relay, 'GET', `/api/audit?doc=book:${ann.id}:0`, undefined, bob.token)).status).toBe(404);
    const answer = await check(bob, { phone: '0722-000-111' });
    expect(answer.status).toBe(200);
    expect(answer.raw).toBe('{"matches":[{"ownerName":"ann"}]}');
  });

  it('the answer carries no field value, record id, document id or owner id', async () => {
    const answer = await check(bob, { phone: '+40722000111', email: 'office@stefanescu.ro', taxId: '12345678', name: 'Stefanescu', city: 'cluj' });
    expect(JSON.parse(answer.raw)).toEqual({ matches: [{ ownerName: 'ann' }] });
    for (const value of [...SECRET_VALUES, ann.id, 'book:']) expect(answer.raw).not.toContain(value);
  });

  it('matches e-mail case-insensitively, tax id without country prefix, and names without accents or legal form', async () => {
    expect(JSON.parse((await check(bob, { email: '  OFFICE@stefanescu.RO ' })).raw).matches).toEqual([{ ownerName: 'ann' }]);
    expect(JSON.parse((await check(bob, { taxId: '12 345 678' })).raw).matches).toEqual([{ ownerName: 'ann' }]);
    expect(JSON.parse((await check(bob, { name: 'STEFANESCU (srl)' })).raw).matches).toEqual([{ ownerName: 'ann' }]);
    expect(JSON.parse((await check(bob, { name: 'Ion Popescu' })).raw).matches).toEqual([{ ownerName: 'ann' }]);
  });

  it('a name match in another city is not a duplicate; unknown keys match nothing', async () => {
    expect(JSON.parse((await check(bob, { name: 'Stefanescu', city: 'Iași' })).raw).matches).toEqual([]);
    expect(JSON.parse((await check(bob, { phone: '0799 999 999', email: 'nobody@example.com' })).raw).matches).toEqual([]);
  });

  it('refuses an empty question and a too short phone with 400 saying what is wrong, and a missing token with 401', async () => {
    const empty = await check(bob, {});
    expect(empty.status).toBe(400);
    expect(empty.raw).toContain('at least one of phone');
    const short = await check(bob, { phone: '12-34' });
    expect(short.status).toBe(400);
    expect(short.raw).toContain('6 digits');
    expect((await fetch(`${relay.httpUrl}/api/duplicates`, { method: 'POST', body: '{"phone":"0722000111"}' })).status).toBe(401);
  });

  it('a client moved to the trash is no longer a duplicate, and is again once restored', async () => {
    const book = await openWriter(relay, ann, `book:${ann.id}:0`);
    clients.push(book.client);
    await book.change((records) => records.get('r-person-1')!.set('$deleted', Date.now()));
    expect(JSON.parse((await check(bob, { phone: '0733444555' })).raw).matches).toEqual([]);
    await book.change((records) => records.get('r-person-1')!.delete('$deleted'));
    await waitForLoggedSeq(relay, ann, `book:${ann.id}:0`, 4);
    expect(JSON.parse((await check(bob, { phone: '0733444555' })).raw).matches).toEqual([{ ownerName: 'ann' }]);
  });

  it('the index is rebuilt from the stored log when it lags (e.g. lost in a crash)', async () => {
    await relay.stop();
    const db = new Database(join(relay.dataDir, 'relay.sqlite'));
    db.exec('DELETE FROM record_keys; DELETE FROM index_state;');
    db.close();
    relay = await startRelay({ dataDir: relay.dataDir });
    expect(JSON.parse((await check(bob, { phone: '0722 000 111' })).raw).matches).toEqual([{ ownerName: 'ann' }]);
  });
});
