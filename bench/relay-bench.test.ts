/** The relay bench's own logic: output lines, the book layout, seeded edits and the merge check that refuses a non-converged state. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { relayRatioLine } from './relay-output';
import { buildBook, editField, planEdits } from './relay-base';
import { checkMerged, type Side } from './relay-merge';
import { newCounter, processCpuSeconds, processRssMb } from './relay-clients';
import { bookRecords, META } from '../web/engine/rows';

function side(docs: Map<string, Y.Doc>, id: string): Side {
  return { user: { id, name: id, token: '' }, docs, providers: [], counter: newCounter() };
}

function copyBook(docs: Map<string, Y.Doc>): Map<string, Y.Doc> {
  return new Map(
    [...docs].map(([docId, doc]) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      return [docId, copy];
    }),
  );
}

function exchange(a: Map<string, Y.Doc>, b: Map<string, Y.Doc>): void {
  for (const [docId, doc] of a) {
    const other = b.get(docId)!;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
  }
}

describe('relay bench output', () => {
  it('a metric with a target gets a ratio line that flags a miss', () => {
    expect(relayRatioLine({ metric: 'merge_wire_bytes', size: 100_000, value: 800_000, unit: 'bytes' })).toEqual({
      metric: 'merge_wire_bytes_vs_target', size: 100_000, value: 2, unit: 'ratio', target: 400_000, ok: false,
    });
    expect(relayRatioLine({ metric: 'propagation_p99_ms', size: 50, value: 25, unit: 'ms' })?.ok).toBe(true);
  });

  it('a metric without a target or without a value gets no ratio line', () => {
    expect(relayRatioLine({ metric: 'relay_rss_mb', size: 50, value: 200, unit: 'MB' })).toBeNull();
    expect(relayRatioLine({ metric: 'merge_apply_ms', size: 100_000, value: null, unit: 'ms' })).toBeNull();
  });
});

describe('bench books', () => {
  it('fills book shards of at most 10k records in the app layout', () => {
    const book = buildBook('owner1', 10_050, 3);
    expect([...book.docs.keys()]).toEqual(['book:owner1:0', 'book:owner1:1']);
    expect(bookRecords(book.docs.get('book:owner1:0')!).size).toBe(10_000);
    expect(bookRecords(book.docs.get('book:owner1:1')!).size).toBe(50);
    const [id] = book.ids.get('book:owner1:1')!;
    const record = bookRecords(book.docs.get('book:owner1:1')!).get(id)!;
    expect(record.get(META.section)).toBe('orgs');
    expect(typeof record.get('name')).toBe('string');
  });

  it('the same seed plans the same edits, another tag gives other values', () => {
    const book = buildBook('owner1', 200, 3);
    expect(planEdits(book, 50, 9, 'a')).toEqual(planEdits(book, 50, 9, 'a'));
    expect(planEdits(book, 50, 9, 'a').map((edit) => edit.value)).not.toEqual(planEdits(book, 50, 9, 'b').map((edit) => edit.value));
  });

  it('an edit writes the field with $updated and $by, as updateFields does', () => {
    const book = buildBook('owner1', 10, 3);
    const [docId, ids] = [...book.ids][0];
    editField(book.docs.get(docId)!, ids[0], 'city', 'Iași', 'editor');
    const record = bookRecords(book.docs.get(docId)!).get(ids[0])!;
    expect(record.get('city')).toBe('Iași');
    expect(record.get(META.by)).toBe('editor');
  });
});

describe('merge check', () => {
  it('accepts two merged sides that kept both sides\u2019 edits', () => {
    const book = buildBook('owner1', 300, 5);
    const other = copyBook(book.docs);
    const editsA = planEdits(book, 40, 1, 'a');
    const editsB = planEdits(book, 40, 2, 'b');
    for (const edit of editsA) editField(book.docs.get(edit.docId)!, edit.recordId, edit.field, edit.value, 'a');
    for (const edit of editsB) editField(other.get(edit.docId)!, edit.recordId, edit.field, edit.value, 'b');
    exchange(book.docs, other);
    expect(checkMerged(side(book.docs, 'a'), side(other, 'b'), editsA, editsB).divergence).toBeNull();
  });

  it('reports a side that never received the other side\u2019s edits', () => {
    const book = buildBook('owner1', 300, 5);
    const other = copyBook(book.docs);
    const editsB = planEdits(book, 10, 2, 'b');
    for (const edit of editsB) editField(other.get(edit.docId)!, edit.recordId, edit.field, edit.value, 'b');
    expect(checkMerged(side(book.docs, 'a'), side(other, 'b'), [], editsB).divergence).toMatch(/different JSON|lost/);
  });

  it('reports an edit lost on both sides even when their JSON is equal', () => {
    const book = buildBook('owner1', 300, 5);
    const other = copyBook(book.docs);
    const [lost] = planEdits(book, 1, 4, 'a');
    expect(checkMerged(side(book.docs, 'a'), side(other, 'b'), [lost], []).divergence).toMatch(/A's edit .* was lost/);
  });
});

describe('process figures', () => {
  it('reads CPU seconds and resident memory of a process from /proc', () => {
    const before = processCpuSeconds(process.pid);
    let spin = 0;
    const until = performance.now() + 100;
    while (performance.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    expect(processCpuSeconds(process.pid)).toBeGreaterThan(before);
    expect(processRssMb(process.pid)).toBeGreaterThan(10);
  });
});
