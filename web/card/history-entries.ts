/**
 * A record's history as the relay's audit trail tells it (GET /api/audit?doc&record, built by
 * relay/index/record-history.ts), turned into lines the card shows: who, when, which fields.
 *
 * Today an entry names the keys an update set or removed, not the values. When the relay adds them
 * (`values`: what the update wrote per key; `lost`: keys whose written value lost a same-field
 * conflict to a concurrent update), the lines carry them too, so a losing value stays visible.
 * Pure: the caller passes labels and value formatting.
 */

/** One audit entry as the relay sends it (unknown extra keys are ignored). */
export interface AuditEntry {
  seq: number;
  userId: string;
  userName: string | null;
  /** When the relay logged the update (ms since 1970). */
  at: number;
  /** Keys the update set or removed (field ids and `$` metadata); all keys when it created the record. */
  fields: string[];
  /** What the update wrote per key, when the relay tells it. */
  values?: Record<string, unknown>;
  /** Keys whose value from this update was not kept: a concurrent update to the same field won. */
  lost?: string[];
}

/** One field a history line mentions. */
export interface HistoryChange {
  field: string;
  label: string;
  /** The value the update wrote, formatted; undefined when the relay did not say. */
  value?: string;
  /** True when this value lost a same-field conflict (the field now holds another user's value). */
  lost: boolean;
}

/** One line of the card's history. */
export interface HistoryLine {
  seq: number;
  who: string;
  at: number;
  /** `created` also covers a record arriving in this book (a hand-over writes every key). */
  action: 'created' | 'changed';
  /** Whether the record was moved to the trash or restored from it. */
  trash: boolean;
  changes: HistoryChange[];
  /** Whether any change of this line lost a same-field conflict. */
  conflict: boolean;
}

/** How the caller names users, fields and values. */
export interface HistoryText {
  /** The shown name of a field id (the field's label, or the id of a field that no longer exists). */
  label(field: string): string;
  /** A written value as text. */
  value(field: string, value: unknown): string;
  /** The name shown when the relay no longer knows the user. */
  unknownUser: string;
}

/** Reads the relay's entries, dropping malformed ones, newest first. */
export function parseAuditEntries(raw: unknown): AuditEntry[] {
  if (!Array.isArray(raw)) return [];
  const entries: AuditEntry[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    const { seq, userId, userName, at, fields, values, lost } = entry;
    if (typeof seq !== 'number' || typeof userId !== 'string' || typeof at !== 'number' || !Array.isArray(fields)) continue;
    entries.push({
      seq,
      userId,
      userName: typeof userName === 'string' ? userName : null,
      at,
      fields: fields.filter((field): field is string => typeof field === 'string'),
      values: typeof values === 'object' && values !== null && !Array.isArray(values) ? (values as Record<string, unknown>) : undefined,
      lost: Array.isArray(lost) ? lost.filter((field): field is string => typeof field === 'string') : undefined,
    });
  }
  return entries.sort((a, b) => b.seq - a.seq);
}

/** The card's history lines of `entries` (already newest first). */
export function historyLines(entries: readonly AuditEntry[], text: HistoryText): HistoryLine[] {
  return entries.map((entry) => {
    const lost = new Set(entry.lost ?? []);
    const changes: HistoryChange[] = entry.fields
      .filter((field) => !field.startsWith('$'))
      .map((field) => {
        const written = entry.values && Object.hasOwn(entry.values, field) ? text.value(field, entry.values[field]) : undefined;
        return { field, label: text.label(field), value: written, lost: lost.has(field) };
      });
    return {
      seq: entry.seq,
      who: entry.userName ?? text.unknownUser,
      at: entry.at,
      action: entry.fields.includes('$created') ? 'created' : 'changed',
      trash: entry.fields.includes('$deleted'),
      changes,
      conflict: changes.some((change) => change.lost),
    };
  });
}

