/**
 * One row of a table (CSV or spreadsheet) as a record, following the mapping. Values are kept
 * as written unless their field needs another type: phones, ids and postal codes stay text;
 * dates and numbers are read with their column's reading, and a value that does not read goes
 * to the notes as written instead of being guessed.
 */
import type { FieldValues } from '../engine/commands';
import { LANGUAGES } from '../i18n/i18n';
import { builtinFields, type FieldDef, type FieldType, type KindedValue, type SectionId } from '../schema/fields';
import { cellText, type Cell } from './column-stats';
import type { ColumnMapping, ColumnTarget } from './column-target';
import { isoDay, parseDateValue } from './dates';
import { appendNote, NEW_FIELD_PREFIX, personToOrganization, type ImportRecord } from './import-record';
import { columnName, noteLabel, type MessageTable } from './problems';
import { parseNumberValue } from './numbers';
import { entryKindFromTypeCell, type ColumnReading } from './suggest-mapping';
import { splitTagList } from './tag-list';
import { instantFromCell, parseChecklistText, parseReminderText } from '../schema/schedule-values';
import { yearlessParts } from '../schema/datetime';

/** The field that takes notes in each section. */
export function notesFieldOf(section: SectionId): string {
  if (section === 'events') return 'comment';
  return section === 'notes' ? 'text' : section === 'links' ? 'description' : 'notes';
}

/** Everything build needs about the table, prepared once per file. */
export interface RowContext {
  headers: string[];
  mapping: ColumnMapping;
  readings: ColumnReading[];
  /** Messages for labels written into notes; English when absent. */
  messages?: MessageTable;
  /** The base's fields (custom ones with their types and options); built-in fields when absent. */
  fields?: readonly FieldDef[];
}

type FieldIndex = Map<string, FieldDef>;
const builtinIndexes = new Map<SectionId, FieldIndex>();
const fieldIndexes = new WeakMap<readonly FieldDef[], Map<SectionId, FieldIndex>>();

/** The definition of a field of the section: from the given fields, else the built-in one. */
function fieldDef(section: SectionId, field: string, fields: readonly FieldDef[] | undefined): FieldDef | undefined {
  if (fields) {
    let bySection = fieldIndexes.get(fields);
    if (!bySection) fieldIndexes.set(fields, (bySection = new Map()));
    let index = bySection.get(section);
    if (!index) bySection.set(section, (index = new Map(fields.filter((def) => def.section === section).map((def) => [def.id, def]))));
    const found = index.get(field);
    if (found) return found;
  }
  let builtin = builtinIndexes.get(section);
  if (!builtin) builtinIndexes.set(section, (builtin = new Map(builtinFields(section).map((def) => [def.id, def]))));
  return builtin.get(field);
}

const kindColumnCache = new WeakMap<ColumnMapping, [number, number][]>();

/** Pairs [type column, value column] of Google-style kind columns, computed once per mapping. */
function kindColumns(mapping: ColumnMapping): [number, number][] {
  let pairs = kindColumnCache.get(mapping);
  if (!pairs) {
    pairs = [];
    mapping.targets.forEach((target, index) => {
      if (target.kind === 'entryKindOf') pairs!.push([index, target.column]);
    });
    kindColumnCache.set(mapping, pairs);
  }
  return pairs;
}

/** Builds the record of one row. */
export function buildRecord(cells: Cell[], where: { record: number; line: number }, context: RowContext): ImportRecord {
  const { mapping, readings, headers } = context;
  const section = mapping.section;
  const values: FieldValues = {};
  const record: ImportRecord = { record: where.record, line: where.line, section, values };
  const notesField = notesFieldOf(section);
  const fullNames: { label: string; text: string }[] = [];
  const middle: string[] = [];
  let kindsFor: Map<number, string[]> | undefined;
  for (const [typeColumn, valueColumn] of kindColumns(mapping)) {
    (kindsFor ??= new Map()).set(valueColumn, split(cellText(cells[typeColumn]), mapping.multiValueSeparator));
  }
  const targets = mapping.targets;
  for (let index = 0; index < targets.length; index++) {
    const target = targets[index];
    const cell = cells[index];
    const text = cellText(cell).trim();
    if (!text) continue;
    const label = headers[index] || columnName(index + 1, context.messages);
    switch (target.kind) {
      case 'field':
        setField(values, fieldDef(section, target.field, context.fields), target, text, cell, readings[index], kindsFor?.get(index), mapping.multiValueSeparator, label, notesField);
        break;
      case 'fullName':
        fullNames.push({ label, text });
        break;
      case 'middleName':
        middle.push(text);
        break;
      case 'orgName':
        record.orgName = text;
        break;
      case 'newField': {
        const converted = convert(target.type, text, cell, readings[index]);
        if (converted === null) appendNote(values, notesField, label, text);
        else values[`${NEW_FIELD_PREFIX}${target.label}`] = converted;
        break;
      }
      case 'notes':
        appendNote(values, notesField, target.label, text);
        break;
      case 'entryKindOf':
      case 'skip':
        break;
    }
  }
  if (section === 'people') finishPersonName(values, fullNames, middle, notesField);
  else for (const { label, text } of fullNames) appendNote(values, notesField, label, text);
  if (section === 'people' && !values.firstName && !values.lastName && record.orgName) {
    return personToOrganization(record, record.orgName, (key) => noteLabel(key, context.messages));
  }
  return record;
}

function setField(values: FieldValues, def: FieldDef | undefined, target: Extract<ColumnTarget, { kind: 'field' }>, text: string, cell: Cell | undefined, reading: ColumnReading, kinds: string[] | undefined, separator: string | null, label: string, notesField: string): void {
  const type = def?.type ?? 'text';
  if (type === 'phones' || type === 'emails' || type === 'accounts') {
    const entries = (values[target.field] as KindedValue[] | undefined) ?? [];
    split(text, separator).forEach((value, index) => {
      const kind = (kinds?.[index] ?? kinds?.[0]) ? entryKindFromTypeCell(kinds[index] ?? kinds[0], target.field) : undefined;
      entries.push({ kind: kind ?? target.entryKind ?? 'other', value });
    });
    values[target.field] = entries;
    return;
  }
  if (type === 'tags') {
    const tags = (values[target.field] as string[] | undefined) ?? [];
    const read = separator ? split(text, separator).map((part) => part.replace(/^\*\s*/, '')) : splitTagList(text);
    for (const tag of read) if (tag && !tags.includes(tag)) tags.push(tag);
    values[target.field] = tags;
    return;
  }
  if (type === 'checklist') {
    const items = parseChecklistText(text);
    if (items) values[target.field] = [...((values[target.field] as KindedValue[] | undefined) ?? []), ...items];
    return;
  }
  if (def && (type === 'choice' || type === 'multichoice')) {
    values[target.field] = type === 'choice' ? choiceValue(def, text) : (separator ? split(text, separator) : splitTagList(text)).map((part) => choiceValue(def, part));
    return;
  }
  if (type === 'longtext' && typeof values[target.field] === 'string') {
    values[target.field] = `${values[target.field]}\n${text}`;
    return;
  }
  const converted = convert(type, text, cell, reading);
  if (converted === null) appendNote(values, notesField, label, text);
  else values[target.field] = converted;
}

/** A value for a field of `type`, or null when the text does not read as that type. */
function convert(type: FieldType, text: string, cell: Cell | undefined, reading: ColumnReading): string | number | boolean | null {
  if (type === 'date') {
    if (typeof cell === 'object' && cell !== null) return isoDay(cell.date);
    // A birthday without a year, as our export and vCard 4 write it.
    if (typeof cell === 'string' && yearlessParts(cell.trim())) return cell.trim();
    if (typeof cell === 'number') return excelSerialDate(cell);
    return reading.dates ? parseDateValue(text, reading.dates.order) : parseDateValue(text, 'ymd');
  }
  if (type === 'datetime') {
    const day = typeof cell === 'object' && cell !== null ? isoDay(cell.date) : reading.dates ? parseDateValue(text, reading.dates.order) : null;
    return instantFromCell(text, day, typeof cell === 'number' ? cell : null);
  }
  if (type === 'reminder') return typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 ? cell : parseReminderText(text);
  if (type === 'number' || type === 'money') return typeof cell === 'number' ? cell : parseNumberValue(text, reading.decimal);
  if (type === 'bool') return /^(true|yes|wahr|ja|si|sí|da|да|1|x)$/i.test(text) ? true : /^(false|no|falsch|nein|nu|нет|0)$/i.test(text) ? false : null;
  return text;
}

/**
 * The option value a choice cell names: the value itself, or its label in any UI language (our
 * export writes labels: "Key client", "Ключевой клиент" → `key`); other text is kept as written.
 */
export function choiceValue(def: Pick<FieldDef, 'section' | 'id' | 'builtin' | 'options'>, text: string): string {
  const options = def.options ?? [];
  if (options.includes(text)) return text;
  const wanted = text.normalize('NFC').trim().toLocaleLowerCase();
  for (const option of options) {
    if (option.normalize('NFC').toLocaleLowerCase() === wanted) return option;
    if (!def.builtin) continue;
    for (const language of LANGUAGES) {
      const label = (language.messages as Record<string, string>)[`option.${def.section}.${def.id}.${option}`];
      if (label && label.normalize('NFC').trim().toLocaleLowerCase() === wanted) return option;
    }
  }
  return text;
}

/** An Excel serial day number (days since 1899-12-30) as `YYYY-MM-DD`, for date cells saved unformatted. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function split(text: string, separator: string | RegExp | null): string[] {
  if (!separator) return [text.trim()].filter(Boolean);
  return text.split(separator).map((part) => part.trim()).filter(Boolean);
}

const PATRONYMIC = /(вич|вна|ична|инична|ьич|оглы|кызы)$/i;

/**
 * Names of a person: a full-name column fills first and last name when no other column did,
 * else it is kept in notes when it says more than they do; `Last, First` and Russian
 * `Фамилия Имя Отчество` orders are recognised.
 */
function finishPersonName(values: FieldValues, fullNames: { label: string; text: string }[], middle: string[], notesField: string): void {
  for (const { label, text } of fullNames) {
    if (values.firstName || values.lastName) {
      const known = new Set(`${values.firstName ?? ''} ${middle.join(' ')} ${values.lastName ?? ''}`.toLowerCase().split(/[\s,.]+/));
      if (!text.toLowerCase().split(/[\s,.]+/).filter(Boolean).every((word) => known.has(word))) appendNote(values, notesField, label, text);
      continue;
    }
    Object.assign(values, splitFullName(text));
  }
  // Russian lists often hold "Фамилия Имя Отчество" in the last-name column.
  if (!values.firstName && typeof values.lastName === 'string' && /^[\u0400-\u04ff-]+( [\u0400-\u04ff-]+){1,2}$/.test(values.lastName.trim())) {
    const [last, ...rest] = values.lastName.trim().split(' ');
    Object.assign(values, { lastName: last, firstName: rest.join(' ') });
  }
  if (middle.length) values.firstName = [values.firstName, ...middle].filter(Boolean).join(' ');
}

/** Splits a full name into first and last name. */
export function splitFullName(text: string): { firstName: string | null; lastName: string } {
  // Formula-like text is stored as written, never taken apart.
  if (/^[=+\-@]/.test(text.trim())) return { lastName: text.trim(), firstName: null };
  const comma = text.indexOf(',');
  if (comma > 0) return { lastName: text.slice(0, comma).trim(), firstName: text.slice(comma + 1).trim() || null };
  const words = text.trim().split(/\s+/);
  if (words.length === 1) return { lastName: words[0], firstName: null };
  if (/[\u0400-\u04ff]/.test(text) && (words.length === 3 ? PATRONYMIC.test(words[2]) : words.length === 2)) {
    return { lastName: words[0], firstName: words.slice(1).join(' ') };
  }
  return { lastName: words[words.length - 1], firstName: words.slice(0, -1).join(' ') };
}
