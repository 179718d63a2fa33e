/**
 * Merging an imported record into an existing one: empty fields are filled, list fields
 * (phones, e-mails, accounts, tags) gain the entries they lack, and a value that differs from
 * the one already there is not overwritten but kept visible in the notes.
 */
import type { FieldValues } from '../engine/commands';
import type { FieldValue, KindedValue } from '../schema/fields';
import { emailKey, phoneKey } from '../search/normalize';
import { appendNote } from './import-record';
import { noteLabel, type MessageTable } from './problems';
import { en } from '../i18n/messages/en';

/** The changes that merge `incoming` into `existing` (only the fields that change). */
export function mergeValues(existing: Record<string, FieldValue>, incoming: FieldValues, notesField: string, messages: MessageTable = en): FieldValues {
  const changes: FieldValues = {};
  const conflicts: { field: string; value: string }[] = [];
  for (const [field, value] of Object.entries(incoming)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const current = existing[field];
    if (field === notesField) continue;
    if (current === undefined || current === null || current === '' || (Array.isArray(current) && current.length === 0)) {
      changes[field] = value;
    } else if (Array.isArray(value) && Array.isArray(current)) {
      const added = missingEntries(field, current as (string | KindedValue)[], value as (string | KindedValue)[]);
      if (added.length) changes[field] = [...(current as KindedValue[]), ...(added as KindedValue[])];
    } else if (JSON.stringify(current) !== JSON.stringify(value)) {
      conflicts.push({ field, value: String(value) });
    }
  }
  const incomingNotes = incoming[notesField];
  const currentNotes = typeof existing[notesField] === 'string' ? (existing[notesField] as string) : '';
  let notes: FieldValues = { [notesField]: currentNotes };
  if (typeof incomingNotes === 'string' && incomingNotes && !currentNotes.includes(incomingNotes)) notes = { [notesField]: currentNotes ? `${currentNotes}\n${incomingNotes}` : incomingNotes };
  for (const conflict of conflicts) appendNote(notes, notesField, noteLabel('imported', messages, { field: conflict.field }), conflict.value);
  if (notes[notesField] !== currentNotes) changes[notesField] = notes[notesField];
  return changes;
}

function missingEntries(field: string, current: (string | KindedValue)[], incoming: (string | KindedValue)[]): (string | KindedValue)[] {
  const key = (entry: string | KindedValue): string => {
    const text = typeof entry === 'string' ? entry : entry.value;
    return field === 'phones' ? phoneKey(text) : field === 'emails' ? emailKey(text) : text.trim().toLowerCase();
  };
  const known = new Set(current.map(key));
  const added: (string | KindedValue)[] = [];
  for (const entry of incoming) {
    const entryKey = key(entry);
    if (known.has(entryKey)) continue;
    known.add(entryKey);
    added.push(entry);
  }
  return added;
}
