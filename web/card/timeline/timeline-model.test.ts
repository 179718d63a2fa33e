/** The card's timeline: which records belong to a client's history, in which order, under which filter. */
import { describe, expect, it } from 'vitest';
import type { Row } from '../../engine/rows';
import type { FieldValue, SectionId } from '../../schema/fields';
import { changeItems, isOverdue, recordItems, relatedIds, timelineFilters, timelineView, type TimelineItem } from './timeline-model';

let seq = 0;
function row(section: SectionId, id: string, v: Record<string, FieldValue>, extra: Partial<Row> = {}): Row {
  return { id, section, shard: 'book:u1:0', v, created: 1_000, updated: 1_000, by: 'u1', seq: ++seq, ...extra };
}

const org = row('orgs', 'org1', { name: 'Acme' });
const otherOrg = row('orgs', 'org2', { name: 'Other' });
const ann = row('people', 'ann', { lastName: 'Ann', org: 'org1' });
const bob = row('people', 'bob', { lastName: 'Bob', org: 'org2' });

describe('what belongs to a timeline', () => {
  it("an organization's timeline collects its own events and its people's events, not other clients'", () => {
    const rows = [
      org, otherOrg, ann, bob,
      row('events', 'e1', { kind: 'call', status: 'done', start: 5_000, org: 'org1' }),
      row('events', 'e2', { kind: 'meeting', status: 'done', start: 6_000, person: 'ann', org: 'org1' }),
      row('events', 'e3', { kind: 'call', status: 'done', start: 7_000, person: 'ann' }),
      row('events', 'e4', { kind: 'call', status: 'done', start: 8_000, person: 'bob', org: 'org2' }),
    ];
    const items = recordItems({ id: 'org1', section: 'orgs' }, rows);
    expect(items.map((item) => item.key).sort()).toEqual(['e1', 'e2', 'e3']);
    expect(items.find((item) => item.key === 'e2')?.personId).toBe('ann');
    expect(items.find((item) => item.key === 'e1')?.personId).toBeUndefined();
  });

  it("a person's timeline holds only the events with that person, not the rest of his organization", () => {
    const rows = [org, ann, row('events', 'e1', { kind: 'call', org: 'org1' }), row('events', 'e2', { kind: 'call', person: 'ann', org: 'org1' })];
    expect(recordItems({ id: 'ann', section: 'people' }, rows).map((item) => item.key)).toEqual(['e2']);
  });

  it('people of other organizations, and deleted people, do not bring their events in', () => {
    const gone = row('people', 'gone', { lastName: 'Gone', org: 'org1' }, { deleted: 5 });
    expect([...relatedIds({ id: 'org1', section: 'orgs' }, [org, ann, bob, gone])].sort()).toEqual(['ann', 'org1']);
  });

  it('notes about the record (its `about` reference) and tasks linked to it are included', () => {
    const rows = [
      org, ann,
      row('notes', 'n1', { title: 'Visit notes', about: 'org1', text: 'Likes tea' }),
      row('notes', 'n2', { title: 'Elsewhere', about: 'org2' }),
      row('tasks', 't1', { title: 'Send offer', status: 'open', due: 9_000, org: 'org1' }),
      row('tasks', 't2', { title: 'Call Ann back', status: 'done', due: 4_000, person: 'ann' }),
    ];
    const items = recordItems({ id: 'org1', section: 'orgs' }, rows);
    expect(items.map((item) => `${item.category}:${item.key}`).sort()).toEqual(['note:n1', 'task:t1', 'task:t2']);
    expect(items.find((item) => item.key === 'n1')).toMatchObject({ filter: 'notes', title: 'Visit notes', text: 'Likes tea', planned: false });
    expect(items.find((item) => item.key === 't1')).toMatchObject({ filter: 'tasks', planned: true, at: 9_000 });
    expect(items.find((item) => item.key === 't2')).toMatchObject({ planned: false, personId: 'ann' });
  });

  it('records in the trash are left out', () => {
    const rows = [org, row('events', 'e1', { kind: 'call', org: 'org1' }, { deleted: 7 }), row('notes', 'n1', { about: 'org1' }, { deleted: 7 })];
    expect(recordItems({ id: 'org1', section: 'orgs' }, rows)).toEqual([]);
  });

  it('an event carries kind, result, comment, assignee and the time it started; a missing start falls back to creation', () => {
    const rows = [
      org,
      row('events', 'e1', { kind: 'call', status: 'done', start: 5_000, result: 'noAnswer', comment: 'Try at 3', assignee: 'u2', org: 'org1' }),
      row('events', 'e2', { kind: 'letter', org: 'org1' }, { created: 2_500, by: 'u3' }),
    ];
    const [first, second] = recordItems({ id: 'org1', section: 'orgs' }, rows);
    expect(first).toMatchObject({ filter: 'kind:call', at: 5_000, result: 'noAnswer', text: 'Try at 3', userId: 'u2', planned: false, record: { id: 'e1', section: 'events' } });
    expect(second).toMatchObject({ filter: 'kind:letter', at: 2_500, userId: 'u3', status: 'done' });
  });

  it('a note dated another day than it was written sorts by its date; dated the same day, by the time it was written', () => {
    const written = new Date(2025, 4, 20, 15, 30).getTime();
    const rows = [
      org,
      row('notes', 'old', { about: 'org1', date: '2024-01-10' }, { created: written }),
      row('notes', 'today', { about: 'org1', date: '2025-05-20' }, { created: written }),
    ];
    const items = recordItems({ id: 'org1', section: 'orgs' }, rows);
    expect(items.find((item) => item.key === 'old')?.at).toBe(new Date(2024, 0, 10).getTime());
    expect(items.find((item) => item.key === 'today')?.at).toBe(written);
  });
});

describe('changes of the record', () => {
  it('without the relay: the creation and the last change the device knows', () => {
    const items = changeItems(row('orgs', 'org1', {}, { created: 1_000, updated: 3_000, by: 'u2' }), null);
    expect(items.map((item) => [item.change?.action, item.at, item.userId])).toEqual([
      ['created', 1_000, undefined],
      ['changed', 3_000, 'u2'],
    ]);
  });

  it('a record never changed after its creation has only its creation', () => {
    expect(changeItems(row('orgs', 'org1', {}, { created: 1_000, updated: 1_000 }), null)).toHaveLength(1);
  });

  it("with the relay's audit trail: one item per logged update, bookkeeping keys left out, empty updates skipped", () => {
    const items = changeItems(org, [
      { seq: 9, userId: 'u2', userName: 'Bea', at: 9_000, fields: ['$updated', '$by', 'city'] },
      { seq: 8, userId: 'u2', userName: 'Bea', at: 8_000, fields: ['$updated'] },
      { seq: 7, userId: 'u2', userName: null, at: 7_000, fields: ['$deleted'] },
      { seq: 1, userId: 'u1', userName: 'Ann', at: 1_000, fields: ['$created', '$section', 'name'] },
    ]);
    expect(items.map((item) => [item.key, item.change?.action, item.change?.fields, item.userName])).toEqual([
      ['change-9', 'changed', ['city'], 'Bea'],
      ['change-7', 'trash', [], null],
      ['change-1', 'created', ['name'], 'Ann'],
    ]);
  });
});

describe('order and filters', () => {
  const rows = [
    org, ann,
    row('events', 'call-old', { kind: 'call', status: 'done', start: 1_000, org: 'org1' }),
    row('events', 'call-new', { kind: 'call', status: 'done', start: 9_000, org: 'org1' }),
    row('events', 'visit', { kind: 'visit', status: 'done', start: 5_000, person: 'ann', org: 'org1' }),
    row('events', 'planned-late', { kind: 'meeting', status: 'planned', start: 50_000, org: 'org1' }),
    row('events', 'planned-soon', { kind: 'call', status: 'planned', start: 20_000, org: 'org1' }),
    row('events', 'custom', { kind: 'fair', status: 'done', start: 3_000, org: 'org1' }),
    row('notes', 'note', { about: 'org1' }, { created: 7_000 }),
  ];
  const items = [...recordItems({ id: 'org1', section: 'orgs' }, rows), ...changeItems(org, null)];

  it('history is newest first; planned items come apart, soonest first', () => {
    const view = timelineView(items, 'all');
    expect(view.planned.map((item) => item.key)).toEqual(['planned-soon', 'planned-late']);
    expect(view.past.map((item) => item.key)).toEqual(['call-new', 'note', 'visit', 'custom', 'created', 'call-old']);
  });

  it('a filter by kind shows only that kind, planned and done', () => {
    const view = timelineView(items, 'kind:call');
    expect(view.planned.map((item) => item.key)).toEqual(['planned-soon']);
    expect(view.past.map((item) => item.key)).toEqual(['call-new', 'call-old']);
    expect(timelineView(items, 'notes').past.map((item) => item.key)).toEqual(['note']);
    expect(timelineView(items, 'changes').past.map((item) => item.key)).toEqual(['created']);
    expect(timelineView(items, 'tasks')).toEqual({ planned: [], past: [] });
  });

  it("the kind filters follow the company's list of event kinds, then kinds only old events carry", () => {
    expect(timelineFilters(['call', 'meeting', 'letter', 'visit'], items)).toEqual(['all', 'kind:call', 'kind:meeting', 'kind:letter', 'kind:visit', 'kind:fair', 'notes', 'tasks', 'changes']);
    expect(timelineFilters(['visit', 'call'], [])).toEqual(['all', 'kind:visit', 'kind:call', 'notes', 'tasks', 'changes']);
  });

  it('a planned item whose time has passed is overdue; a done one never is', () => {
    const view = timelineView(items, 'all');
    expect(isOverdue(view.planned[0], 30_000)).toBe(true);
    expect(isOverdue(view.planned[1], 30_000)).toBe(false);
    expect(isOverdue(view.past[0], 30_000)).toBe(false);
  });

  it('any mix of records (seeded): every item is linked to the client, each list is ordered, nothing is shown twice', () => {
    let state = 20_251_122;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const many: Row[] = [org, otherOrg, ann, bob];
    for (let index = 0; index < 400; index++) {
      const section = pick(['events', 'tasks', 'notes'] as const);
      const target = pick(['org1', 'org2', 'ann', 'bob', 'nobody']);
      const values: Record<string, FieldValue> =
        section === 'notes' ? { about: target } : target === 'ann' || target === 'bob' ? { person: target } : { org: target };
      if (section === 'events') Object.assign(values, { kind: pick(['call', 'meeting']), status: pick(['planned', 'done']), start: Math.floor(random() * 1e6) });
      if (section === 'tasks') Object.assign(values, { status: pick(['open', 'done']), due: Math.floor(random() * 1e6) });
      many.push(row(section, `r${index}`, values, { created: Math.floor(random() * 1e6), deleted: random() < 0.1 ? 1 : undefined }));
    }
    const timeline = recordItems({ id: 'org1', section: 'orgs' }, many);
    const byId = new Map(many.map((entry) => [entry.id, entry]));
    for (const item of timeline) {
      const source = byId.get(item.key)!;
      expect(source.deleted).toBeUndefined();
      expect(['org1', 'ann']).toContain(source.v.person ?? source.v.org ?? source.v.about);
    }
    const expected = many.filter((entry) => !entry.deleted && ['events', 'tasks', 'notes'].includes(entry.section) && ['org1', 'ann'].includes(String(entry.v.person ?? entry.v.org ?? entry.v.about)));
    expect(timeline).toHaveLength(expected.length);
    const view = timelineView(timeline, 'all');
    const ordered = (list: TimelineItem[], sign: number) => list.every((item, index) => index === 0 || sign * (list[index - 1].at - item.at) >= 0);
    expect(ordered(view.past, 1)).toBe(true);
    expect(ordered(view.planned, -1)).toBe(true);
    expect(new Set([...view.planned, ...view.past].map((item) => item.key)).size).toBe(timeline.length);
  });
});
