/** The pure parts of sync: pending marks, the pool's choice, the connection word, blob types, URLs, rights. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localChangeMark, PendingChanges, type ChangeMark } from './pending-changes';
import { chooseLive } from './choose-live';
import { connectionState, type ConnectionFacts } from './connection-state';
import { blobRefs, sniffImageType } from './blob-sync';
import { syncSocketUrl } from './relay-url';
import { accessMap, revokedBooks, writableUnlisted } from './doc-access';
import type { Account } from './relay-api';

function marksOf(doc: Y.Doc): ChangeMark[] {
  const marks: ChangeMark[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const mark = localChangeMark(doc, transaction);
    if (mark) marks.push(mark);
  });
  return marks;
}

describe('pending changes', () => {
  it('marks each local transaction with its client and clock, and ignores applied updates', () => {
    const doc = new Y.Doc();
    const marks = marksOf(doc);
    doc.transact(() => doc.getMap('m').set('a', 1));
    doc.transact(() => doc.getMap('m').set('b', 2));
    const remote = new Y.Doc();
    remote.getMap('m').set('c', 3);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'relay');
    expect(marks).toEqual([
      [doc.clientID, 1],
      [doc.clientID, 2],
    ]);
  });

  it('a transaction that changes nothing is not a pending change', () => {
    const doc = new Y.Doc();
    const marks = marksOf(doc);
    doc.transact(() => undefined);
    expect(marks).toEqual([]);
  });

  it('counts until a relay state vector covers each mark', () => {
    const pending = new PendingChanges();
    pending.add('book:a:0', [7, 1]);
    pending.add('book:a:0', [7, 2]);
    pending.add('org', [9, 5]);
    expect(pending.count()).toBe(3);
    expect(pending.acknowledge('book:a:0', new Map([[7, 1]]))).toBe(true);
    expect(pending.count()).toBe(2);
    pending.acknowledge('book:a:0', new Map([[7, 2]]));
    expect(pending.docs()).toEqual(['org']);
    expect(pending.acknowledge('org', new Map([[7, 99]]))).toBe(false);
  });

  it('round-trips through kv and ignores malformed stored entries', () => {
    const pending = new PendingChanges();
    pending.add('book:a:0', [1, 3]);
    const restored = new PendingChanges();
    restored.merge({ ...pending.toJSON(), bad: [['x', 1]] as never, worse: 'nope' as never });
    expect(restored.toJSON()).toEqual({ 'book:a:0': [[1, 3]] });
  });

  it('drops marks of changes the local document does not hold (never stored)', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const pending = new PendingChanges();
    pending.merge({ d: [[doc.clientID, 1], [doc.clientID, 2], [12345, 1]] });
    pending.dropUnstored('d', doc);
    expect(pending.toJSON()).toEqual({ d: [[doc.clientID, 1]] });
  });
});

describe('choosing live documents', () => {
  it('takes org and prefs first, then pending, in use and passes, without duplicates, up to the bound', () => {
    const chosen = chooseLive({ always: ['org', 'prefs:u'], pending: ['b:1', 'b:2'], inUse: ['b:2', 'b:3'], passes: ['b:4'] }, 4, new Set());
    expect(chosen).toEqual(['org', 'prefs:u', 'b:1', 'b:2']);
  });

  it('skips documents closed for good', () => {
    expect(chooseLive({ always: ['org'], pending: ['b:1'], inUse: [], passes: ['b:2'] }, 8, new Set(['b:1']))).toEqual(['org', 'b:2']);
  });
});

describe('connection state', () => {
  const base: ConnectionFacts = { browserOnline: true, signedOut: false, relayReachable: true, everConnected: true, sockets: [{ connected: true, synced: true }] };
  it('connected only when every live socket is connected and synced', () => {
    expect(connectionState(base)).toBe('connected');
    expect(connectionState({ ...base, sockets: [{ connected: true, synced: true }, { connected: false, synced: false }] })).toBe('reconnecting');
  });
  it('connecting before the first sync', () => {
    expect(connectionState({ ...base, everConnected: false, relayReachable: null, sockets: [{ connected: false, synced: false }] })).toBe('connecting');
  });
  it('offline when the browser is offline or the relay unreachable', () => {
    expect(connectionState({ ...base, browserOnline: false })).toBe('offline');
    expect(connectionState({ ...base, relayReachable: false })).toBe('offline');
  });
  it('signed-out wins over everything', () => {
    expect(connectionState({ ...base, browserOnline: false, signedOut: true })).toBe('signed-out');
  });
});

describe('blob references', () => {
  it('finds hashes in any field of a row, with its shard', () => {
    const hash = 'a'.repeat(64);
    const refs = blobRefs({ id: 'r', section: 'people', shard: 'book:u:0', v: { photo: hash, firstName: 'Ann' }, created: 0, updated: 0, by: 'u', seq: 0 });
    expect(refs).toEqual([{ hash, docId: 'book:u:0' }]);
  });
  it('tells image types from their first bytes', () => {
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new Uint8Array([1, 2, 3]))).toBe('application/octet-stream');
  });
});

describe('relay addresses and rights', () => {
  it('builds the socket URL from the relay origin or the page', () => {
    expect(syncSocketUrl('http://127.0.0.1:8080/')).toBe('ws://127.0.0.1:8080/sync');
    expect(syncSocketUrl('https://office.lan')).toBe('wss://office.lan/sync');
    expect(syncSocketUrl('', { protocol: 'https:', host: 'office.lan:8443' })).toBe('wss://office.lan:8443/sync');
  });

  const account = (role: Account['role']): Account => ({ id: 'u1', name: 'U', role, seeOnlyOwn: false, disabled: false, createdAt: 0 });
  it("takes the relay's listing, and marks a View-only user's own future shards read", () => {
    const map = accessMap(account('viewer'), [{ id: 'book:x:0', access: 'read', seq: 1 }]);
    expect(map.get('book:x:0')).toBe('read');
    expect(map.get('book:u1:0')).toBe('read');
    const manager = accessMap(account('manager'), [{ id: 'org', access: 'read', seq: 1 }]);
    expect(manager.has('book:u1:0')).toBe(false);
  });

  it("a book the relay does not list yet is writable only as the relay's rights table says", () => {
    expect(writableUnlisted(account('admin'))('book:colleague:0')).toBe(true);
    expect(writableUnlisted(account('manager'))('book:colleague:0')).toBe(false);
    expect(writableUnlisted(account('manager'))('book:u1:4')).toBe(true);
    expect(writableUnlisted({ ...account('senior'), seeOnlyOwn: true })('book:colleague:0')).toBe(false);
    expect(writableUnlisted(account('viewer'))('book:u1:0')).toBe(false);
    expect(writableUnlisted(account('admin'))('not a document')).toBe(false);
  });

  it('only books the rights table closes to the user count as revoked, never his own or a disabled account\'s', () => {
    const held = ['org', 'prefs:u1', 'book:u1:0', 'book:ann:0', 'book:ann:1'];
    expect(revokedBooks({ ...account('manager'), seeOnlyOwn: true }, held)).toEqual(['book:ann:0', 'book:ann:1']);
    expect(revokedBooks(account('manager'), held)).toEqual([]);
    expect(revokedBooks({ ...account('manager'), disabled: true }, held)).toEqual([]);
  });
});
