/**
 * The values of the events the timeline creates (a logged call, a planned call or meeting), and
 * the date/time reading of the plan form. Pure, so the rules are tested without a browser.
 */
import { addDays, instantOf, localDateOf } from '../../local-time/local-time';
import { instantFromLocal, localDayKey, localTimeText } from '../../schema/datetime';
import type { FieldDef, FieldValue } from '../../schema/fields';

/** The field `id` of the events section as the company has it (its options included), if present. */
export function eventField(fields: readonly FieldDef[], id: string): FieldDef | undefined {
  return fields.find((field) => field.id === id && field.deletedAt === undefined);
}

/** Who an event is with: the card's organization, or its person (and that person's organization, which logEvent fills in). */
function linkValues(section: 'orgs' | 'people', recordId: string, personId: string | null): Record<string, FieldValue> {
  if (section === 'people') return { person: recordId };
  return personId ? { org: recordId, person: personId } : { org: recordId };
}

/**
 * A call that just happened, for logEvent (which makes it done, now, by the user): with the
 * card's organization or person, a result when one was clicked and the comment when written.
 */
export function callValues(section: 'orgs' | 'people', recordId: string, personId: string | null, result: string | null, comment: string): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = { kind: 'call', ...linkValues(section, recordId, personId) };
  if (result) values.result = result;
  if (comment.trim()) values.comment = comment.trim();
  return values;
}

/** What the plan form collected. */
export interface PlanInput {
  kind: string;
  subject: string;
  start: number;
  /** Minutes before the start to remind, null for no reminder. */
  remind: number | null;
  comment: string;
}

/** A planned call or meeting, for logEvent: status planned at the chosen time, with the card's organization or person. */
export function planValues(section: 'orgs' | 'people', recordId: string, personId: string | null, input: PlanInput): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = { kind: input.kind, status: 'planned', start: input.start, ...linkValues(section, recordId, personId) };
  if (input.subject.trim()) values.subject = input.subject.trim();
  if (input.remind !== null) values.remind = input.remind;
  if (input.comment.trim()) values.comment = input.comment.trim();
  return values;
}

/**
 * The local instant of a date input's `YYYY-MM-DD` and a time input's `HH:MM`, or null when
 * either is missing or not a real date/time (31 February, 25:00). A wall time skipped by a
 * daylight-saving jump is moved forward as the browser does; it is still that day.
 */
export function localInstant(date: string, time: string): number | null {
  // A plan needs a time: unlike a table cell, a blank one is not midnight.
  return /^\d{2}:\d{2}$/.test(time) ? instantFromLocal(date, time) : null;
}

/** The date and time inputs' values of a local instant. */
export function dateTimeInputs(instant: number): { date: string; time: string } {
  return { date: localDayKey(instant), time: localTimeText(instant) };
}

/** The time a new plan starts with: tomorrow at 10:00 local time (a usual time to call back). */
export function defaultPlanTime(now: number): number {
  return instantOf({ ...addDays(localDateOf(now), 1), hour: 10, minute: 0 });
}

/**
 * What recording the result of a planned event changes: done, the result and the comment when
 * given. It keeps its planned time, unless that is still ahead (done early): then it happened now.
 */
export function completionValues(plannedStart: number | null, now: number, result: string | null, comment: string): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = { status: 'done' };
  if (plannedStart === null || plannedStart > now) values.start = now;
  if (result) values.result = result;
  if (comment.trim()) values.comment = comment.trim();
  return values;
}
