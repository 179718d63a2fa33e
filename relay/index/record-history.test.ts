import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RecordHistory } from './record-history';
import type { DocStore, LoggedUpdate } from '../store/doc-store';

/** A document log as the relay stores it: updates in arrival order, with who sent each. */
function logOf(updates: { userId: string; update: Uint8Array }[]): DocStore {
  const logged: LoggedUpdate[] = updates.map((entry, index) => ({ seq: index + 1, at: 1_700_000_000_000 + index, ...entry }) as LoggedUpdate);
  const store: Pick<DocStore, 'loggedUpdates'> = {
    async loggedUpdates(_docId, options = {}) {
      return logged.filter((entry) => entry.seq > (options.afterSeq ?? 0)).slice(0, options.limit ?? Infinity);
    },
  };
  return store as DocStore;
}

/** A device with a fixed client id, so which write wins a conflict is known (the higher client id). */
function device(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

function record(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap<Y.Map<unknown>>('records').get(id)!;
}

/** Captures the update of one change. */
function change(doc: Y.Doc, body: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(body);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('record history: values and same-field conflicts', () => {
  it('each change lists the values it wrote; sequential edits lose nothing', async () => {
    const ann = device(1);
    const created = change(ann, () => {
      const map = new Y.Map<unknown>();
      map.set('name', 'Acme');
      map.set('city', 'Lyon');
      ann.getMap('records').set('r1', map);
    });
    const edited = change(ann, () => record(ann, 'r1').set('city', 'Paris'));
    const history = new RecordHistory(logOf([{ userId: 'ann', update: created }, { userId: 'ann', update: edited }]));
    const [latest, first] = await history.changes('book:ann:0', 'r1');
    expect(first.values).toEqual({ name: 'Acme', city: 'Lyon' });
    expect(latest).toMatchObject({ fields: ['city'], values: { city: 'Paris' }, lost: [] });
    expect(first.lost).toEqual([]);
  });

  it('two offline edits of the same field: the losing value stays visible, marked lost', async () => {
    const ann = device(1);
    const bob = device(2);
    const created = change(ann, () => {
      const map = new Y.Map<unknown>();
      map.set('city', 'Lyon');
      ann.getMap('records').set('r1', map);
    });
    Y.applyUpdate(bob, created);
    const annEdit = change(ann, () => record(ann, 'r1').set('city', 'Paris'));
    const bobEdit = change(bob, () => record(bob, 'r1').set('city', 'Madrid'));
    Y.applyUpdate(ann, bobEdit);
    Y.applyUpdate(bob, annEdit);
    const kept = record(ann, 'r1').get('city');
    expect(record(bob, 'r1').get('city')).toBe(kept);

    // Whichever arrives first at the relay, the value not kept is the one marked lost.
    for (const order of [[annEdit, bobEdit], [bobEdit, annEdit]]) {
      const users = order[0] === annEdit ? ['ann', 'bob'] : ['bob', 'ann'];
      const history = new RecordHistory(logOf([{ userId: 'ann', update: created }, ...order.map((update, index) => ({ userId: users[index], update }))]));
      const entries = await history.changes('book:ann:0', 'r1');
      const losing = entries.filter((entry) => entry.lost.includes('city'));
      expect(losing).toHaveLength(1);
      expect(losing[0].values.city).not.toBe(kept);
      expect(['Paris', 'Madrid']).toContain(losing[0].values.city);
      expect(entries.find((entry) => entry.values.city === kept)?.lost).toEqual([]);
    }
  });

  it('different fields edited offline by two users: both kept, nothing lost', async () => {
    const ann = device(1);
    const bob = device(2);
    const created = change(ann, () => ann.getMap('records').set('r1', new Y.Map<unknown>()));
    Y.applyUpdate(bob, created);
    const annEdit = change(ann, () => record(ann, 'r1').set('city', 'Paris'));
    const bobEdit = change(bob, () => record(bob, 'r1').set('phone', '+40 722'));
    const history = new RecordHistory(logOf([{ userId: 'ann', update: created }, { userId: 'ann', update: annEdit }, { userId: 'bob', update: bobEdit }]));
    const entries = await history.changes('book:ann:0', 'r1');
    expect(entries.every((entry) => entry.lost.length === 0)).toBe(true);
    expect(entries[0].values).toEqual({ phone: '+40 722' });
  });

  it('a removed value is listed as null', async () => {
    const ann = device(1);
    const created = change(ann, () => {
      const map = new Y.Map<unknown>();
      map.set('city', 'Lyon');
      ann.getMap('records').set('r1', map);
    });
    const cleared = change(ann, () => record(ann, 'r1').delete('city'));
    const history = new RecordHistory(logOf([{ userId: 'ann', update: created }, { userId: 'ann', update: cleared }]));
    expect((await history.changes('book:ann:0', 'r1'))[0].values).toEqual({ city: null });
  });
});
