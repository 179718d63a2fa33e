/** Telling real writes from no-op sync answers, and strict frame decoding. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isValidUpdate, updateChangesDoc, updateEffect } from './update-effect';
import { decodeClientMessage, encodeStep1, encodeUpdate } from './protocol';

function synced(): { relay: Y.Doc; client: Y.Doc } {
  const client = new Y.Doc();
  client.getMap('m').set('a', 1);
  client.getMap('m').set('b', 2);
  client.getMap('m').delete('a');
  const relay = new Y.Doc();
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(client));
  return { relay, client };
}

describe('updateChangesDoc', () => {
  it('a sync answer with nothing new (only the known delete set) is a no-op', () => {
    const { relay, client } = synced();
    expect(updateChangesDoc(relay, Y.encodeStateAsUpdate(client, Y.encodeStateVector(relay)))).toBe(false);
    expect(updateChangesDoc(relay, Y.encodeStateAsUpdate(client))).toBe(false);
  });

  it('new content is a change', () => {
    const { relay, client } = synced();
    client.getMap('m').set('c', 3);
    expect(updateChangesDoc(relay, Y.encodeStateAsUpdate(client, Y.encodeStateVector(relay)))).toBe(true);
  });

  it('a deletion of something the relay still has is a change', () => {
    const { relay, client } = synced();
    client.getMap('m').delete('b');
    expect(updateChangesDoc(relay, Y.encodeStateAsUpdate(client, Y.encodeStateVector(relay)))).toBe(true);
  });

  it('updateEffect tells invalid, no-op and changing updates apart in one decode', () => {
    const { relay, client } = synced();
    expect(updateEffect(relay, Uint8Array.of(1, 2, 3, 200, 200))).toBe('invalid');
    expect(updateEffect(relay, Y.encodeStateAsUpdate(client))).toBe('no-op');
    client.getMap('m').set('d', 4);
    expect(updateEffect(relay, Y.encodeStateAsUpdate(client, Y.encodeStateVector(relay)))).toBe('changes');
  });

  it('garbage is not a valid update', () => {
    expect(isValidUpdate(Uint8Array.of(1, 2, 3, 200, 200))).toBe(false);
    expect(isValidUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });
});

describe('decodeClientMessage', () => {
  it('reads step 1 and updates, and refuses truncation, trailing bytes and unknown types', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('x', 1);
    expect(decodeClientMessage(encodeStep1(Y.encodeStateVector(doc))).type).toBe('step1');
    const update = encodeUpdate(Y.encodeStateAsUpdate(doc));
    expect(decodeClientMessage(update)).toMatchObject({ type: 'update', step2: false });
    expect(decodeClientMessage(update.subarray(0, update.length - 1)).type).toBe('malformed');
    expect(decodeClientMessage(Uint8Array.from([...update, 0])).type).toBe('malformed');
    expect(decodeClientMessage(Uint8Array.of(7)).type).toBe('malformed');
    expect(decodeClientMessage(Uint8Array.of(0, 9, 0)).type).toBe('malformed');
    expect(decodeClientMessage(new Uint8Array()).type).toBe('malformed');
  });
});
