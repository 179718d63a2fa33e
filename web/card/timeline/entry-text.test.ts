/** How timeline items read: the company's labels for kinds and results, who did it, and what a change changed. */
import { describe, expect, it } from 'vitest';
import { changeTitle, entryText, type EntryLabels } from './entry-text';
import type { TimelineItem } from './timeline-model';

const labels: EntryLabels = {
  time: (at) => `t${at}`,
  kind: (kind) => ({ call: 'Call', fair: 'Trade fair' })[kind] ?? kind,
  result: (result) => ({ noAnswer: 'No answer' })[result] ?? result,
  taskStatus: (status) => ({ open: 'Open' })[status] ?? status,
  user: (id) => ({ u1: 'Ann' })[id ?? ''] ?? '',
  person: (id) => ({ p1: 'Ion Pop' })[id],
  field: (id) => ({ name: 'Name', city: 'City', phones: 'Phones', emails: 'E-mails' })[id] ?? id,
};

const base = { key: 'k', at: 5, title: '', planned: false } as const;

describe('entry text', () => {
  it('an event reads as its kind with the result as a badge, the assignee and the person it was with', () => {
    const item: TimelineItem = { ...base, category: 'event', filter: 'kind:call', kind: 'call', result: 'noAnswer', userId: 'u1', personId: 'p1', title: 'Prices' };
    expect(entryText(item, labels)).toEqual({ icon: '☎', type: 'Call', time: 't5', who: 'Ann', badge: 'No answer', title: 'Prices', person: 'Ion Pop' });
  });

  it("a company's own event kind gets its label and a neutral icon", () => {
    expect(entryText({ ...base, category: 'event', filter: 'kind:fair', kind: 'fair' }, labels)).toMatchObject({ icon: '•', type: 'Trade fair', badge: undefined });
  });

  it('a task shows its status; a note its title and author', () => {
    expect(entryText({ ...base, category: 'task', filter: 'tasks', status: 'open', planned: true, title: 'Send offer' }, labels)).toMatchObject({ icon: '☐', type: 'Task', badge: 'Open', title: 'Send offer' });
    expect(entryText({ ...base, category: 'note', filter: 'notes', userId: 'u1', title: 'Likes tea' }, labels)).toMatchObject({ type: 'Note', who: 'Ann', title: 'Likes tea' });
  });

  it("a change is by the relay's user name when it gave one, else by the device's", () => {
    const change = { action: 'changed' as const, fields: ['city'] };
    expect(entryText({ ...base, category: 'change', filter: 'changes', userName: 'Bea', userId: 'u1', change }, labels).who).toBe('Bea');
    expect(entryText({ ...base, category: 'change', filter: 'changes', userId: 'u1', change }, labels).who).toBe('Ann');
  });
});

describe('what a change says', () => {
  it('names up to three changed fields by their labels, then how many more', () => {
    expect(changeTitle({ action: 'changed', fields: ['city'] }, labels.field)).toBe('Changed: City');
    expect(changeTitle({ action: 'changed', fields: ['name', 'city', 'phones', 'emails', 'c_1'] }, labels.field)).toBe('Changed: Name, City, Phones +2 more');
  });

  it('an addition, a trip to the trash, and a change whose fields are unknown', () => {
    expect(changeTitle({ action: 'created', fields: ['name'] }, labels.field)).toBe('Record added');
    expect(changeTitle({ action: 'trash', fields: [] }, labels.field)).toBe('Moved to the trash or restored');
    expect(changeTitle({ action: 'changed', fields: [] }, labels.field)).toBe('Last change');
  });
});
