/** WebSocket compression (permessage-deflate): negotiated by the stock client in Node and by Chromium, and large frames really shrink. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chromium } from 'playwright-core';
import { connect, rawSocket, synced, waitFor } from './harness';
import { sharedRelay } from './shared-relay';
import { encodeStep1 } from '../sync/protocol';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const shared = sharedRelay();

/** TCP bytes a ws client socket has read (the library keeps its socket in a private field). */
function tcpBytesRead(ws: unknown): number {
  return (ws as { _socket: { bytesRead: number } })._socket.bytesRead;
}

describe('permessage-deflate', () => {
  it('the stock y-websocket provider over ws in Node negotiates it', async () => {
    const c = connect(shared.relay, `book:${shared.team.ann.id}:0`, shared.team.ann.token);
    shared.clients.push(c);
    await synced(c);
    expect(c.provider.ws).not.toBeNull();
    expect((c.provider.ws as unknown as { extensions: string }).extensions).toContain('permessage-deflate');
  });

  it('a large sync answer crosses the network compressed, small frames stay as they are', async () => {
    const docId = `book:${shared.team.ann.id}:1`;
    const writer = connect(shared.relay, docId, shared.team.ann.token);
    shared.clients.push(writer);
    await synced(writer);
    writer.doc.transact(() => {
      for (let i = 0; i < 300; i++) writer.doc.getMap('records').set(`r${i}`, new Y.Map<unknown>(Object.entries({ name: `Client number ${i}`, city: 'Cluj-Napoca', notes: 'Called about the offer. '.repeat(4) })));
    });
    const reader = connect(shared.relay, docId, shared.team.vic.token);
    shared.clients.push(reader);
    await waitFor(() => reader.doc.getMap('records').size === 300, 'reader has the records');
    const socket = rawSocket(`${shared.relay.syncUrl}/${docId}?token=${shared.team.vic.token}`);
    await socket.opened;
    expect(socket.ws.extensions).toContain('permessage-deflate');
    await waitFor(() => socket.frames.length >= 1, 'relay step 1');
    const beforeAnswer = tcpBytesRead(socket.ws);
    socket.ws.send(encodeStep1(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => socket.frames.length >= 2, 'step 2');
    const payload = socket.frames[1].byteLength;
    const onTheWire = tcpBytesRead(socket.ws) - beforeAnswer;
    expect(payload).toBeGreaterThan(30_000);
    expect(onTheWire).toBeLessThan(payload * 0.4);
    // The relay's first frame (its state vector, a few bytes) is below the threshold: sent as is.
    expect(socket.frames[0].byteLength).toBeLessThan(1024);
    socket.ws.close();
  });

  it('Chromium negotiates it with the relay', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${shared.relay.httpUrl}/api/health`);
      const url = `${shared.relay.syncUrl}/book:${shared.team.ann.id}:0?token=${shared.team.ann.token}`;
      const extensions = await page.evaluate(
        (address) =>
          new Promise<string>((resolve, reject) => {
            const ws = new WebSocket(address);
            ws.onopen = () => {
              resolve(ws.extensions);
              ws.close();
            };
            ws.onerror = () => reject(new Error('socket failed'));
          }),
        url,
      );
      expect(extensions).toContain('permessage-deflate');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
