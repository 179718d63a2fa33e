/**
 * The communication timeline of an organization or a person: its events (and, for an
 * organization, its people's events), notes about it, tasks linked to it and the changes of the
 * record itself, split into what is still planned (soonest first) and what happened (newest
 * first), filterable by type. Pure: rows and audit entries in, items out; the card labels them.
 */
import type { Row } from '../../engine/rows';
import type { SectionId } from '../../schema/fields';
import type { AuditEntry } from '../history-entries';

/** The record whose timeline is shown. */
export interface TimelineSubject {
  id: string;
  section: SectionId;
}

/** What an item of the timeline is. */
export type TimelineCategory = 'event' | 'note' | 'task' | 'change';

/** A filter of the timeline: everything, one event kind, or notes / tasks / changes. */
export type TimelineFilter = 'all' | `kind:${string}` | 'notes' | 'tasks' | 'changes';

/** One line of the timeline. */
export interface TimelineItem {
  /** Unique within one timeline (a record id, or a change's sequence). */
  key: string;
  category: TimelineCategory;
  /** The filter that shows this item (besides 'all'). */
  filter: Exclude<TimelineFilter, 'all'>;
  /** When it happened or is planned (ms since 1970). */
  at: number;
  /** The record the item opens (absent for changes: they are the subject's own). */
  record?: { id: string; section: SectionId };
  /** Event kind (`call`, `meeting`, ... or a company's own). */
  kind?: string;
  /** Subject of an event, title of a note or a task. */
  title: string;
  /** Event status (`planned` / `done`) or task status (`open` / `doing` / `done`). */
  status?: string;
  /** Event result (`reached`, `noAnswer`, ...). */
  result?: string;
  /** Event comment, note text or task notes. */
  text?: string;
  /** Who did it or is to do it: an event's or a task's assignee, else the last editor. */
  userId?: string;
  /** The name the relay gave with an audit entry (changes only). */
  userName?: string | null;
  /** The person (of an organization's timeline) the item is about. */
  personId?: string;
  /** Still to do: a planned event or a task not done. */
  planned: boolean;
  /** For changes: what happened and to which fields (ids, `$` bookkeeping left out). */
  change?: { action: 'created' | 'changed' | 'trash'; fields: string[] };
}

/** The timeline split for showing: planned items (soonest first) and the history (newest first). */
export interface TimelineView {
  planned: TimelineItem[];
  past: TimelineItem[];
}

const EVENT_DONE = 'done';
const TASK_DONE = 'done';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function instant(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A `YYYY-MM-DD` date as local midnight (notes carry a day, not an instant). */
function localDay(value: unknown): number | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(day) ? null : day;
}

function sameLocalDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/**
 * The ids the timeline of `subject` collects records for: the subject itself and, for an
 * organization, the people who work there (people whose `org` is the organization).
 */
export function relatedIds(subject: TimelineSubject, rows: Iterable<Row>): Set<string> {
  const ids = new Set([subject.id]);
  if (subject.section !== 'orgs') return ids;
  for (const row of rows) if (row.section === 'people' && !row.deleted && row.v.org === subject.id) ids.add(row.id);
  return ids;
}

/** Which related record a row points at through `fields`, or null when none. */
function linkedTo(row: Row, fields: readonly string[], ids: ReadonlySet<string>): string | null {
  for (const field of fields) {
    const value = row.v[field];
    if (typeof value === 'string' && ids.has(value)) return value;
  }
  return null;
}

/** The event, note and task items of `subject`'s timeline from the projection rows (deleted ones left out). */
export function recordItems(subject: TimelineSubject, rows: readonly Row[]): TimelineItem[] {
  const ids = relatedIds(subject, rows);
  const items: TimelineItem[] = [];
  // On an organization's timeline, name the employee an item is about.
  const personOf = (row: Row): string | undefined => {
    const person = text(row.v.person);
    return subject.section === 'orgs' && ids.has(person) && person !== subject.id ? person : undefined;
  };
  for (const row of rows) {
    if (row.deleted) continue;
    if (row.section === 'events') {
      // The person is checked first: an event with a person of this org counts even if its `org` was not filled.
      const linked = linkedTo(row, ['person', 'org'], ids);
      if (linked === null) continue;
      const status = text(row.v.status) || EVENT_DONE;
      items.push({
        key: row.id,
        category: 'event',
        filter: `kind:${text(row.v.kind) || 'call'}`,
        at: instant(row.v.start) ?? row.created,
        record: { id: row.id, section: row.section },
        kind: text(row.v.kind) || 'call',
        title: text(row.v.subject),
        status,
        result: text(row.v.result) || undefined,
        text: text(row.v.comment) || undefined,
        userId: text(row.v.assignee) || row.by || undefined,
        personId: personOf(row),
        planned: status !== EVENT_DONE,
      });
    } else if (row.section === 'tasks') {
      const linked = linkedTo(row, ['person', 'org'], ids);
      if (linked === null) continue;
      const status = text(row.v.status) || 'open';
      items.push({
        key: row.id,
        category: 'task',
        filter: 'tasks',
        at: instant(row.v.due) ?? row.created,
        record: { id: row.id, section: row.section },
        title: text(row.v.title),
        status,
        text: text(row.v.notes) || undefined,
        userId: text(row.v.assignee) || row.by || undefined,
        personId: personOf(row),
        planned: status !== TASK_DONE,
      });
    } else if (row.section === 'notes') {
      const linked = linkedTo(row, ['about'], ids);
      if (linked === null) continue;
      // A note dated another day than it was written (an old note typed in later) sorts by its date.
      const day = localDay(row.v.date);
      items.push({
        key: row.id,
        category: 'note',
        filter: 'notes',
        at: day !== null && !sameLocalDay(day, row.created) ? day : row.created,
        record: { id: row.id, section: row.section },
        title: text(row.v.title),
        text: text(row.v.text) || undefined,
        userId: row.by || undefined,
        personId: linked !== subject.id ? linked : undefined,
        planned: false,
      });
    }
  }
  return items;
}

/**
 * The subject's own changes. With the relay's audit trail: one item per logged update that
 * touched a field or the trash. Without it (no relay, or not reachable): the record's creation
 * and its last change, the only times the device knows.
 */
export function changeItems(subject: Row, audit: readonly AuditEntry[] | null): TimelineItem[] {
  if (audit === null) {
    const items: TimelineItem[] = [{ key: 'created', category: 'change', filter: 'changes', at: subject.created, title: '', planned: false, change: { action: 'created', fields: [] } }];
    if (subject.updated > subject.created) {
      items.push({ key: 'updated', category: 'change', filter: 'changes', at: subject.updated, title: '', userId: subject.by || undefined, planned: false, change: { action: 'changed', fields: [] } });
    }
    return items;
  }
  const items: TimelineItem[] = [];
  for (const entry of audit) {
    const fields = entry.fields.filter((field) => !field.startsWith('$'));
    const action = entry.fields.includes('$created') ? 'created' : entry.fields.includes('$deleted') ? 'trash' : 'changed';
    if (action === 'changed' && fields.length === 0) continue;
    items.push({ key: `change-${entry.seq}`, category: 'change', filter: 'changes', at: entry.at, title: '', userId: entry.userId, userName: entry.userName, planned: false, change: { action, fields } });
  }
  return items;
}

/** Whether `item` is shown under `filter`. */
export function matchesFilter(item: TimelineItem, filter: TimelineFilter): boolean {
  return filter === 'all' || item.filter === filter;
}

/**
 * The filters to offer: every event kind of the kind field's options (the company's list, in
 * its order), then kinds that only old events still carry, then notes, tasks and changes.
 */
export function timelineFilters(kindOptions: readonly string[], items: readonly TimelineItem[]): TimelineFilter[] {
  const kinds = [...kindOptions];
  for (const item of items) if (item.kind !== undefined && !kinds.includes(item.kind)) kinds.push(item.kind);
  return ['all', ...kinds.map((kind): TimelineFilter => `kind:${kind}`), 'notes', 'tasks', 'changes'];
}

/** Newest first; ties keep a stable order (later key first) so a list does not jump on re-render. */
function newestFirst(a: TimelineItem, b: TimelineItem): number {
  return b.at - a.at || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

/** Splits and orders the items `filter` shows: planned ones soonest first, the rest newest first. */
export function timelineView(items: readonly TimelineItem[], filter: TimelineFilter): TimelineView {
  const shown = items.filter((item) => matchesFilter(item, filter));
  return {
    planned: shown.filter((item) => item.planned).sort((a, b) => -newestFirst(a, b)),
    past: shown.filter((item) => !item.planned).sort(newestFirst),
  };
}

/** Whether a planned item's time has passed (shown as overdue). */
export function isOverdue(item: TimelineItem, now: number): boolean {
  return item.planned && item.at < now;
}
