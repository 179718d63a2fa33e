/**
 * What the Today view lists, computed from projection rows with an explicit "now" and time
 * zone (so tests pin both): planned events and tasks of the local day, what is overdue,
 * today's birthdays and contracts ending soon. Pure: no engine, no Solid.
 */
import type { Row } from '../engine/rows';
import { parseBookDocId } from '../engine/ids';
import type { FieldValue } from '../schema/fields';
import { parseBirthday as parseStoredBirthday, type Birthday } from '../schema/datetime';
import { addDays, anniversaryInYear, compareDates, dayRange, daysBetween, formatIsoDate, isLeapYear, localDateOf, parseIsoDate, type LocalDate } from '../local-time/local-time';

/** Whose work a list shows: one user's (by id), or everyone's the user can see (null). */
export type AssigneeScope = string | null;

/** The fixed inputs of the selectors. */
export interface TodayContext {
  now: number;
  timeZone: string;
  scope: AssigneeScope;
}

/** One line of the Today view or the calendar. */
export interface AgendaItem {
  /** The record the line is about (event, task, person or organization). */
  recordId: string;
  kind: 'event' | 'task' | 'birthday' | 'contract';
  /** The instant of an event or task. */
  at?: number;
  /** The event's type (call, meeting…) or the task's priority. */
  type?: string;
  title: string;
  /** The client the line is about: an organization and/or a person record id. */
  orgId?: string;
  personId?: string;
  assignee?: string;
  /** Birthdays with a known year: the age reached today. */
  age?: number;
  /** Contracts: the end date (`YYYY-MM-DD`) and the days left until it. */
  endDate?: string;
  daysLeft?: number;
}

/** Contracts ending within this many days are listed. */
export const CONTRACT_WINDOW_DAYS = 30;

function text(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function instant(value: FieldValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function live(row: Row, section: Row['section']): boolean {
  return row.section === section && row.deleted === undefined;
}

/**
 * Whose a record's work is: its assignee, else the owner of the book it lives in (a record made
 * before assignees existed belongs to whoever keeps it).
 */
export function workOwner(row: Row): string {
  const assignee = text(row.v.assignee);
  return assignee || (parseBookDocId(row.shard)?.ownerId ?? row.by);
}

/** Whether a record's work is in scope. */
export function inScope(row: Row, scope: AssigneeScope): boolean {
  return scope === null || workOwner(row) === scope;
}

/** Whether a person or organization is kept in a book in scope (birthdays and contracts follow the book's owner). */
function bookInScope(row: Row, scope: AssigneeScope): boolean {
  return scope === null || parseBookDocId(row.shard)?.ownerId === scope;
}

/** What an event's or a task's agenda line reads: its time, its type (event kind, task priority) and its title. */
const WORK_FIELDS = {
  event: { at: 'start', type: 'kind', title: 'subject' },
  task: { at: 'due', type: 'priority', title: 'title' },
} as const;

/** The agenda line of an event or a task. */
function workItem(row: Row, kind: 'event' | 'task'): AgendaItem {
  const fields = WORK_FIELDS[kind];
  return {
    recordId: row.id,
    kind,
    at: instant(row.v[fields.at]) ?? undefined,
    type: text(row.v[fields.type]) || undefined,
    title: text(row.v[fields.title]),
    orgId: text(row.v.org) || undefined,
    personId: text(row.v.person) || undefined,
    assignee: workOwner(row),
  };
}

// One collator for every sort: String.localeCompare builds its own on each call.
const names = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byName(a: AgendaItem, b: AgendaItem): number {
  return names.compare(a.title, b.title) || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);
}

function byTime(a: AgendaItem, b: AgendaItem): number {
  return (a.at ?? 0) - (b.at ?? 0) || byName(a, b);
}

/** Whether an event is still to be done (planned, not deleted). */
export function isPlannedEvent(row: Row): boolean {
  return live(row, 'events') && row.v.status === 'planned' && instant(row.v.start) !== null;
}

/** Whether a task is still open (any status but done, not deleted) and has a due time. */
export function isOpenTask(row: Row): boolean {
  return live(row, 'tasks') && row.v.status !== 'done' && instant(row.v.due) !== null;
}

/** Planned events (kind event) or open tasks (kind task) whose time is within [start, end), in scope, by time. */
function workBetween(rows: Iterable<Row>, kind: 'event' | 'task', start: number, end: number, scope: AssigneeScope): AgendaItem[] {
  const isWork = kind === 'event' ? isPlannedEvent : isOpenTask;
  const items: AgendaItem[] = [];
  for (const row of rows) {
    if (!isWork(row) || !inScope(row, scope)) continue;
    const at = instant(row.v[WORK_FIELDS[kind].at])!;
    if (at >= start && at < end) items.push(workItem(row, kind));
  }
  return items.sort(byTime);
}

/** Planned events (calls, meetings…) starting within [start, end), in scope, by time. */
export function plannedEventsBetween(rows: Iterable<Row>, start: number, end: number, scope: AssigneeScope): AgendaItem[] {
  return workBetween(rows, 'event', start, end, scope);
}

/** Open tasks due within [start, end), in scope, by time. */
export function openTasksBetween(rows: Iterable<Row>, start: number, end: number, scope: AssigneeScope): AgendaItem[] {
  return workBetween(rows, 'task', start, end, scope);
}

/** Planned events of the local day of `now`. */
export function plannedToday(rows: Iterable<Row>, context: TodayContext): AgendaItem[] {
  const today = dayRange(localDateOf(context.now, context.timeZone), context.timeZone);
  return plannedEventsBetween(rows, today.start, today.end, context.scope);
}

/** Open tasks due on the local day of `now`. */
export function tasksDueToday(rows: Iterable<Row>, context: TodayContext): AgendaItem[] {
  const today = dayRange(localDateOf(context.now, context.timeZone), context.timeZone);
  return openTasksBetween(rows, today.start, today.end, context.scope);
}

/** Open tasks due before now and planned events whose start has passed, oldest first. */
export function overdue(rows: Iterable<Row>, context: TodayContext): AgendaItem[] {
  const list = [...rows];
  return [
    ...plannedEventsBetween(list, -Infinity, context.now, context.scope),
    ...openTasksBetween(list, -Infinity, context.now, context.scope),
  ].sort(byTime);
}

/** Reads a stored birthday value (spaces around it allowed); null when it is neither form or not a real day. */
export function parseBirthday(value: FieldValue | undefined): Birthday | null {
  return typeof value === 'string' ? parseStoredBirthday(value.trim()) : null;
}

/** Whether a birthday is celebrated on a day: 29 February falls on 28 February in other years. */
export function isBirthdayOn(birthday: Birthday, date: LocalDate): boolean {
  return compareDates(anniversaryInYear(birthday, date.year), date) === 0;
}

/** The `-MM-DD` endings of stored birthdays celebrated on a day (29 February joins 28 February in other years). */
function birthdayEndings(date: LocalDate): string[] {
  const ending = `-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return date.month === 2 && date.day === 28 && !isLeapYear(date.year) ? [ending, '-02-29'] : [ending];
}

/** People whose birthday is the local day of `now` (kept in books in scope), by name. */
export function birthdaysToday(rows: Iterable<Row>, context: TodayContext): AgendaItem[] {
  const today = localDateOf(context.now, context.timeZone);
  const [ending, leapEnding] = birthdayEndings(today);
  const items: AgendaItem[] = [];
  for (const row of rows) {
    const stored = row.v.birthday;
    // A string test first: a base of a million contacts is scanned on every change.
    if (typeof stored !== 'string' || !(stored.endsWith(ending) || (leapEnding !== undefined && stored.endsWith(leapEnding)))) continue;
    if (!live(row, 'people') || !bookInScope(row, context.scope)) continue;
    const birthday = parseBirthday(stored);
    if (!birthday || !isBirthdayOn(birthday, today)) continue;
    items.push({
      recordId: row.id,
      kind: 'birthday',
      title: [text(row.v.firstName), text(row.v.lastName)].filter(Boolean).join(' '),
      personId: row.id,
      orgId: text(row.v.org) || undefined,
      age: birthday.year !== null && birthday.year <= today.year ? today.year - birthday.year : undefined,
    });
  }
  return items.sort(byName);
}

/** Organizations whose contract ends today or within CONTRACT_WINDOW_DAYS days (books in scope), soonest first. */
export function contractsEnding(rows: Iterable<Row>, context: TodayContext, windowDays = CONTRACT_WINDOW_DAYS): AgendaItem[] {
  const today = localDateOf(context.now, context.timeZone);
  const first = formatIsoDate(today);
  const last = formatIsoDate(addDays(today, windowDays));
  const items: AgendaItem[] = [];
  for (const row of rows) {
    const stored = row.v.contractEnd;
    // `YYYY-MM-DD` keys compare as dates: only the window's few are parsed.
    if (typeof stored !== 'string' || stored < first || stored > last) continue;
    if (!live(row, 'orgs') || !bookInScope(row, context.scope)) continue;
    const end = parseIsoDate(stored.trim());
    if (!end) continue;
    const daysLeft = daysBetween(today, end);
    if (daysLeft < 0 || daysLeft > windowDays) continue;
    items.push({ recordId: row.id, kind: 'contract', title: text(row.v.name), orgId: row.id, endDate: text(row.v.contractEnd).trim(), daysLeft });
  }
  return items.sort((a, b) => a.daysLeft! - b.daysLeft! || byName(a, b));
}

/** The Today view's sections. An item is listed once: what is past due is under overdue, not planned. */
export interface TodayLists {
  /** Events and tasks of today still ahead, by time. */
  planned: AgendaItem[];
  overdue: AgendaItem[];
  birthdays: AgendaItem[];
  contracts: AgendaItem[];
}

/** Rows split by what an agenda uses them for; a list scans only its own part. */
export interface AgendaRows {
  /** Live events and tasks. */
  work: Row[];
  /** Live people with a birthday. */
  people: Row[];
  /** Live organizations with a contract end. */
  orgs: Row[];
}

/** Splits the rows any agenda list can use, in one pass (a base of a million rows is scanned once per change). */
export function agendaRows(rows: Iterable<Row>): AgendaRows {
  const split: AgendaRows = { work: [], people: [], orgs: [] };
  for (const row of rows) {
    if (row.deleted !== undefined) continue;
    if (row.section === 'events' || row.section === 'tasks') split.work.push(row);
    else if (row.section === 'people' && row.v.birthday) split.people.push(row);
    else if (row.section === 'orgs' && row.v.contractEnd) split.orgs.push(row);
  }
  return split;
}

/**
 * Today's work in one pass (it runs on every clock tick): what is past due, and today's events
 * and tasks still ahead. An item is listed once, under overdue when late.
 */
export function workLists(work: Iterable<Row>, context: TodayContext): Pick<TodayLists, 'planned' | 'overdue'> {
  const today = dayRange(localDateOf(context.now, context.timeZone), context.timeZone);
  const planned: AgendaItem[] = [];
  const late: AgendaItem[] = [];
  for (const row of work) {
    const kind = isPlannedEvent(row) ? 'event' : isOpenTask(row) ? 'task' : null;
    if (!kind || !inScope(row, context.scope)) continue;
    const at = instant(row.v[WORK_FIELDS[kind].at])!;
    if (at < context.now) late.push(workItem(row, kind));
    else if (at >= today.start && at < today.end) planned.push(workItem(row, kind));
  }
  return { planned: planned.sort(byTime), overdue: late.sort(byTime) };
}

/** Everything the Today view shows. */
export function todayLists(rows: Iterable<Row>, context: TodayContext): TodayLists {
  const split = agendaRows(rows);
  return { ...workLists(split.work, context), birthdays: birthdaysToday(split.people, context), contracts: contractsEnding(split.orgs, context) };
}
