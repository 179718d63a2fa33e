/**
 * How a timeline item reads: icon, type, time, who, badge and title. The caller passes the
 * company's labels (event kinds, results, fields) and the user names; messages come from i18n.
 */
import { t } from '../../i18n/i18n';
import type { TimelineItem } from './timeline-model';

/** How an entry is shown. */
export interface EntryText {
  icon: string;
  /** The type: an event kind's label, "Note", "Task" or "Change". */
  type: string;
  time: string;
  who: string;
  /** The result's or status's label, if any. */
  badge?: string;
  /** The title, or for a change what changed. */
  title: string;
  /** The person an organization's item is about. */
  person?: string;
}

/** The labels and names an entry's text is made of. */
export interface EntryLabels {
  time(at: number): string;
  kind(kind: string): string;
  result(result: string): string;
  taskStatus(status: string): string;
  /** A user's name ('' for none). */
  user(id: string | undefined): string;
  /** A person's name, undefined when the person is not on this device. */
  person(id: string): string | undefined;
  /** The label of a field of the timeline's record. */
  field(id: string): string;
}

/** How many changed fields a change line names before "+N more". */
const FIELDS_NAMED = 3;

// Text symbols, not emoji: office Linux machines often have no emoji font.
const KIND_ICONS: Record<string, string> = { call: '☎', meeting: '⚇', letter: '✉', visit: '⌂' };

/** What a change item says happened: added, trashed, or which fields changed. */
export function changeTitle(change: NonNullable<TimelineItem['change']>, field: (id: string) => string): string {
  if (change.action === 'created') return t('timeline.change.created');
  if (change.action === 'trash') return t('timeline.change.trash');
  if (change.fields.length === 0) return t('timeline.change.changedSome');
  const named = change.fields.slice(0, FIELDS_NAMED).map(field);
  const more = change.fields.length - named.length;
  return t('timeline.change.changed', { fields: named.join(', ') + (more > 0 ? ` ${t('timeline.change.more', { count: more })}` : '') });
}

/** The text of one timeline item. */
export function entryText(item: TimelineItem, labels: EntryLabels): EntryText {
  const time = labels.time(item.at);
  const person = item.personId ? labels.person(item.personId) : undefined;
  switch (item.category) {
    case 'event': {
      const kind = item.kind ?? 'call';
      return { icon: KIND_ICONS[kind] ?? '•', type: labels.kind(kind), time, who: labels.user(item.userId), badge: item.result ? labels.result(item.result) : undefined, title: item.title, person };
    }
    case 'task':
      return { icon: item.planned ? '☐' : '☑', type: t('timeline.task'), time, who: labels.user(item.userId), badge: item.status ? labels.taskStatus(item.status) : undefined, title: item.title, person };
    case 'note':
      return { icon: '¶', type: t('timeline.note'), time, who: labels.user(item.userId), title: item.title, person };
    default:
      return { icon: '✎', type: t('timeline.change'), time, who: item.userName ?? labels.user(item.userId), title: item.change ? changeTitle(item.change, labels.field) : '' };
  }
}
