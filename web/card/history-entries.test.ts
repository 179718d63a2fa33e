/** The card's history: the relay's audit entries become lines saying who changed which fields, when, and which values lost a conflict. */
import { describe, expect, it } from 'vitest';
import { historyLines, parseAuditEntries, type HistoryText } from './history-entries';

const text: HistoryText = {
  label: (field) => ({ name: 'Name', city: 'City', phones: 'Phones' })[field] ?? field,
  value: (_field, value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  unknownUser: 'someone',
};

describe('reading the relay answer', () => {
  it('keeps well-formed entries, newest first, and drops malformed ones', () => {
    const entries = parseAuditEntries([
      { seq: 1, userId: 'a', userName: 'Ann', at: 10, fields: ['$section', 'name'] },
      { seq: 'x', userId: 'a', at: 10, fields: [] },
      null,
      { seq: 3, userId: 'b', userName: null, at: 30, fields: ['city', 7] },
      { seq: 2, userId: 'b', userName: 'Bob', at: 20 },
    ]);
    expect(entries.map((entry) => entry.seq)).toEqual([3, 1]);
    expect(entries[0].fields).toEqual(['city']);
    expect(entries[0].userName).toBeNull();
  });

  it('answers nothing for an answer that is not a list', () => {
    expect(parseAuditEntries({ entries: [] })).toEqual([]);
  });
});

describe('history lines', () => {
  it('a creation names the user and the fields, without bookkeeping keys', () => {
    const [line] = historyLines(parseAuditEntries([{ seq: 1, userId: 'a', userName: 'Ann', at: 10, fields: ['$by', '$created', '$section', '$updated', 'city', 'name'] }]), text);
    expect(line).toMatchObject({ who: 'Ann', at: 10, action: 'created', trash: false, conflict: false });
    expect(line.changes.map((change) => change.label)).toEqual(['City', 'Name']);
  });

  it('an edit lists its fields; a user the relay no longer knows is "someone"', () => {
    const [line] = historyLines(parseAuditEntries([{ seq: 4, userId: 'gone', userName: null, at: 40, fields: ['$by', '$updated', 'phones'] }]), text);
    expect(line).toMatchObject({ who: 'someone', action: 'changed' });
    expect(line.changes).toEqual([{ field: 'phones', label: 'Phones', value: undefined, lost: false }]);
  });

  it('moving to or from the trash is its own mark, not a field', () => {
    const [line] = historyLines(parseAuditEntries([{ seq: 5, userId: 'a', userName: 'Ann', at: 50, fields: ['$by', '$deleted', '$updated'] }]), text);
    expect(line.trash).toBe(true);
    expect(line.changes).toEqual([]);
  });

  it('a same-field conflict: the losing entry keeps its value and is marked, the winner is not', () => {
    const lines = historyLines(
      parseAuditEntries([
        { seq: 7, userId: 'b', userName: 'Bob', at: 70, fields: ['$updated', 'name'], values: { name: 'Acme Bob' }, lost: ['name'] },
        { seq: 6, userId: 'a', userName: 'Ann', at: 60, fields: ['$updated', 'name'], values: { name: 'Acme Ann' } },
      ]),
      text,
    );
    expect(lines[0]).toMatchObject({ who: 'Bob', conflict: true, changes: [{ field: 'name', value: 'Acme Bob', lost: true }] });
    expect(lines[1]).toMatchObject({ who: 'Ann', conflict: false, changes: [{ field: 'name', value: 'Acme Ann', lost: false }] });
  });

  it('a field id no longer defined is shown by its id', () => {
    const [line] = historyLines(parseAuditEntries([{ seq: 1, userId: 'a', userName: 'Ann', at: 1, fields: ['c_gone'] }]), text);
    expect(line.changes[0].label).toBe('c_gone');
  });
});
