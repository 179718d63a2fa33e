/** Blobs through the relay: uploads need write access to the document, downloads need read access and a link to it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { removeTempDataDirs, seededRandom, startRelay, type Client, type RelayProcess, type TestUser, makeTeam } from './harness';
import { openWriter, waitForLoggedSeq } from './book-writer';

let relay: RelayProcess;
let admin: TestUser;
let ann: TestUser; // manager
let bob: TestUser; // manager, sees only own
let vic: TestUser; // view-only
const clients: Client[] = [];

const MAX_BLOB = 4096;

function bytes(seed: number, size: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function put(user: TestUser | null, hash: string, docId: string, body: Uint8Array) {
  const response = await fetch(`${relay.httpUrl}/api/blobs/${hash}?doc=${encodeURIComponent(docId)}`, {
    method: 'PUT',
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
    body: Buffer.from(body),
  });
  return { status: response.status, body: await response.json() };
}

async function get(user: TestUser, hash: string, docId: string) {
  const response = await fetch(`${relay.httpUrl}/api/blobs/${hash}?doc=${encodeURIComponent(docId)}`, { headers: { authorization: `Bearer ${user.token}` } });
  return { status: response.status, data: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  relay = await startRelay({ args: ['--max-blob-bytes', String(MAX_BLOB)] });
  ({ admin, ann, bob, vic } = await makeTeam(relay));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  removeTempDataDirs();
});

describe('blob uploads', () => {
  it('the owner uploads a blob for his book: 201, then 200 when it is already there', async () => {
    const photo = bytes(1, 1000);
    expect(await put(ann, sha256(photo), `book:${ann.id}:0`, photo)).toEqual({ status: 201, body: { hash: sha256(photo), bytes: 1000 } });
    expect((await put(ann, sha256(photo), `book:${ann.id}:0`, photo)).status).toBe(200);
  });

  it('refuses bytes whose SHA-256 is not the address, and stores nothing', async () => {
    const photo = bytes(2, 500);
    const wrong = sha256(bytes(3, 500));
    const answer = await put(ann, wrong, `book:${ann.id}:0`, photo);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('hash-mismatch');
    expect((await get(ann, wrong, `book:${ann.id}:0`)).status).toBe(404);
  });

  it('refuses a blob over the size limit with 413', async () => {
    const big = bytes(4, MAX_BLOB + 1);
    expect((await put(ann, sha256(big), `book:${ann.id}:0`, big)).status).toBe(413);
  });

  it('needs write access to the document: a viewer gets 403, a manager on a colleague\'s book 403, "see only own" 404, no token 401', async () => {
    const photo = bytes(5, 300);
    const hash = sha256(photo);
    expect((await put(vic, hash, `book:${ann.id}:0`, photo)).status).toBe(403);
    expect((await put(ann, hash, `book:${bob.id}:0`, photo)).status).toBe(403);
    expect((await put(bob, hash, `book:${ann.id}:0`, photo)).status).toBe(404);
    expect((await put(null, hash, `book:${ann.id}:0`, photo)).status).toBe(401);
    expect((await get(ann, hash, `book:${ann.id}:0`)).status).toBe(404);
    expect((await put(bob, hash, `book:${bob.id}:0`, photo)).status).toBe(201);
  });

  it('refuses a blob address that is not a SHA-256 hex digest', async () => {
    expect((await put(ann, 'not-a-hash', `book:${ann.id}:0`, bytes(6, 10))).status).toBe(400);
  });
});

describe('blob downloads', () => {
  it('readers of the document it was uploaded for get the bytes; a "see only own" colleague does not', async () => {
    const photo = bytes(1, 1000);
    const hash = sha256(photo);
    expect(await get(ann, hash, `book:${ann.id}:0`)).toEqual({ status: 200, data: photo });
    expect(await get(vic, hash, `book:${ann.id}:0`)).toEqual({ status: 200, data: photo });
    expect((await get(bob, hash, `book:${ann.id}:0`)).status).toBe(404);
    // Naming his own book does not help: the blob is neither uploaded for nor referenced from it.
    expect((await get(bob, hash, `book:${bob.id}:0`)).status).toBe(404);
  });

  it('a document that does not reference the blob does not give access to it, until a record of it references it', async () => {
    const photo = bytes(7, 800);
    const hash = sha256(photo);
    expect((await put(ann, hash, `book:${ann.id}:0`, photo)).status).toBe(201);
    const other = `book:${ann.id}:1`;
    expect((await get(vic, hash, other)).status).toBe(404);
    const book = await openWriter(relay, ann, other);
    clients.push(book.client);
    await book.put('p1', { $section: 'people', firstName: 'Ana', lastName: 'Pop', photo: hash });
    expect(await get(vic, hash, other)).toEqual({ status: 200, data: photo });
    // A "see only own" manager can still not read it through that book.
    expect((await get(bob, hash, other)).status).toBe(404);
  });

  it('a record that stops referencing the blob takes that access away again', async () => {
    const photo = bytes(8, 600);
    const hash = sha256(photo);
    expect((await put(bob, hash, `book:${bob.id}:0`, photo)).status).toBe(201);
    const target = `book:${ann.id}:2`;
    const book = await openWriter(relay, ann, target);
    clients.push(book.client);
    await book.put('p2', { $section: 'people', lastName: 'Ionescu', photo: hash });
    expect((await get(ann, hash, target)).status).toBe(200);
    await book.change((records) => records.get('p2')!.delete('photo'));
    await waitForLoggedSeq(relay, ann, target, 2);
    expect((await get(ann, hash, target)).status).toBe(404);
  });
});
