/** GET /api/docs/state: a document's whole state over HTTP (the fresh-join path), with the sockets' access rule. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, rawSocket, startRelay, synced, waitFor } from './harness';
import { sharedRelay } from './shared-relay';
import { encodeStep1 } from '../sync/protocol';

const shared = sharedRelay();

function getState(docId: string, token: string | null, acceptEncoding = 'gzip, deflate'): Promise<Response> {
  return fetch(`${shared.relay.httpUrl}/api/docs/state?doc=${encodeURIComponent(docId)}`, {
    headers: { 'accept-encoding': acceptEncoding, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

/** Writes `count` records, each in its own update, through the stock provider; resolves once all are forwarded to a second client. */
async function writeRecords(docId: string, token: string, count: number, prefix: string): Promise<void> {
  const writer = connect(shared.relay, docId, token);
  const reader = connect(shared.relay, docId, token);
  shared.clients.push(writer, reader);
  await Promise.all([synced(writer), synced(reader)]);
  for (let i = 0; i < count; i++) {
    writer.doc.getMap('records').set(`${prefix}${i}`, new Y.Map<unknown>(Object.entries({ name: `Client ${prefix}${i}`, notes: 'x'.repeat(200) })));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await waitFor(() => reader.doc.getMap('records').has(`${prefix}${count - 1}`), 'forwarded');
}

describe('document state over HTTP', () => {
  it('answers the whole state as one update, gzip-compressed when accepted, equal to what a socket gives', async () => {
    const docId = `book:${shared.team.ann.id}:0`;
    await writeRecords(docId, shared.team.ann.token, 40, 'r');
    const response = await getState(docId, shared.team.ann.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const compressed = Number(response.headers.get('content-length'));
    const state = new Uint8Array(await response.arrayBuffer());
    expect(compressed).toBeLessThan(state.byteLength / 3);
    const fromHttp = new Y.Doc();
    Y.applyUpdate(fromHttp, state);
    const fromSocket = connect(shared.relay, docId, shared.team.vic.token);
    shared.clients.push(fromSocket);
    await synced(fromSocket);
    expect(fromHttp.getMap('records').size).toBe(40);
    expect(fromHttp.getMap('records').toJSON()).toEqual(fromSocket.doc.getMap('records').toJSON());
    expect(Y.encodeStateVector(fromHttp)).toEqual(Y.encodeStateVector(fromSocket.doc));
  });

  it('sends the raw bytes to a client that accepts no compression, and deflate to one that prefers it', async () => {
    const docId = `book:${shared.team.ann.id}:0`;
    const raw = await fetch(`${shared.relay.httpUrl}/api/docs/state?doc=${docId}`, { headers: { authorization: `Bearer ${shared.team.ann.token}`, 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect(Number(raw.headers.get('content-length'))).toBe(bytes.byteLength);
    const deflated = await getState(docId, shared.team.ann.token, 'deflate, gzip;q=0');
    expect(deflated.headers.get('content-encoding')).toBe('deflate');
    expect(new Uint8Array(await deflated.arrayBuffer())).toEqual(bytes);
  });

  it('then a socket sync sends only the difference', async () => {
    const docId = `book:${shared.team.ann.id}:0`;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await (await getState(docId, shared.team.ann.token)).arrayBuffer()));
    const full = rawSocket(`${shared.relay.syncUrl}/${docId}?token=${shared.team.ann.token}`);
    const known = rawSocket(`${shared.relay.syncUrl}/${docId}?token=${shared.team.ann.token}`);
    await Promise.all([full.opened, known.opened]);
    full.ws.send(encodeStep1(Y.encodeStateVector(new Y.Doc())));
    known.ws.send(encodeStep1(Y.encodeStateVector(doc)));
    await waitFor(() => full.frames.length >= 2 && known.frames.length >= 2, 'step 2 answers');
    const answer = (frames: Uint8Array[]) => Math.max(...frames.map((frame) => frame.byteLength));
    expect(answer(full.frames)).toBeGreaterThan(8000);
    expect(answer(known.frames)).toBeLessThan(200);
    full.ws.close();
    known.ws.close();
  });

  it('reflects later writes (merged from the log after the snapshot) and survives a restart (snapshot alone)', async () => {
    const docId = `book:${shared.team.ann.id}:1`;
    await writeRecords(docId, shared.team.ann.token, 5, 'a');
    const first = await getState(docId, shared.team.ann.token);
    expect(first.headers.get('x-doc-seq')).not.toBeNull();
    await writeRecords(docId, shared.team.ann.token, 5, 'b');
    const second = await getState(docId, shared.team.ann.token);
    expect(Number(second.headers.get('x-doc-seq'))).toBeGreaterThan(Number(first.headers.get('x-doc-seq')));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await second.arrayBuffer()));
    expect([...doc.getMap('records').keys()].sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4']);
    for (const c of shared.clients.splice(0)) c.destroy();
    await shared.relay.stop();
    shared.relay = await startRelay({ dataDir: shared.relay.dataDir });
    const restarted = new Y.Doc();
    const answer = await getState(docId, shared.team.ann.token, 'gzip');
    const bytes = Buffer.from(await answer.arrayBuffer());
    Y.applyUpdate(restarted, new Uint8Array(bytes));
    expect(restarted.getMap('records').toJSON()).toEqual(doc.getMap('records').toJSON());
  }, 60_000);
});

describe('access to document states', () => {
  it('answers 204 for a document the relay has nothing of yet', async () => {
    const response = await getState(`book:${shared.team.ann.id}:7`, shared.team.ann.token);
    expect(response.status).toBe(204);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('uses the sockets\u2019 rule: 404 for no access or an unknown id, 401 without a session, read-only users may fetch', async () => {
    const docId = `book:${shared.team.ann.id}:0`;
    const hidden = await getState(docId, shared.team.bob.token);
    expect(hidden.status).toBe(404);
    const body = await hidden.text();
    expect(body).toContain('no-document');
    expect(body).not.toContain('Client r');
    expect((await getState('secrets', shared.team.admin.token)).status).toBe(404);
    expect((await getState(`prefs:${shared.team.ann.id}`, shared.team.admin.token)).status).toBe(404);
    expect((await getState(docId, null)).status).toBe(401);
    expect((await getState(docId, 'forged-token')).status).toBe(401);
    expect((await getState(docId, shared.team.vic.token)).status).toBe(200);
    expect((await getState('org', shared.team.bob.token)).status).toBe(200);
  });
});
