/**
 * The record schema: sections, field types and the built-in fields of every section.
 * Built-in definitions live in code; the `org` document stores only what a company changed
 * (labels, hidden, order) and its custom fields. See web/schema/org-schema.ts.
 */

/** The sections of the base, in their default order. */
export const SECTION_IDS = ['orgs', 'people', 'events', 'tasks', 'notes', 'links'] as const;
/** One section of the base: a table of records of one kind. */
export type SectionId = (typeof SECTION_IDS)[number];

/** Field types a company may add as custom fields. */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'money',
  'date',
  'datetime',
  'bool',
  'choice',
  'multichoice',
  'phone',
  'email',
  'link',
] as const;
/** A field type a custom field can have. */
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/**
 * Every field type. The extra ones are structured built-ins:
 * phones/emails/accounts are lists of {kind, value}; ref points to another record;
 * photo is a blob hash; tags is a list of strings; user is a user id (names in the org's users);
 * reminder is minutes before the record's time; checklist is a list of {kind: 'done'|'open', value}.
 * A datetime is an instant in epoch milliseconds, shown in local time.
 */
export type FieldType =
  | CustomFieldType
  | 'phones'
  | 'emails'
  | 'accounts'
  | 'ref'
  | 'photo'
  | 'tags'
  | 'user'
  | 'reminder'
  | 'checklist';

/** Kinds a phone number is told apart by. */
export const PHONE_KINDS = ['mobile', 'work', 'home', 'fax', 'other'] as const;
/** Kinds an e-mail address is told apart by. */
export const EMAIL_KINDS = ['work', 'home', 'other'] as const;
/** Messenger and social network accounts a person can have. */
export const ACCOUNT_KINDS = [
  'telegram',
  'whatsapp',
  'viber',
  'signal',
  'skype',
  'facebook',
  'instagram',
  'linkedin',
  'vk',
  'x',
  'other',
] as const;

/** One entry of a multi-valued phone, e-mail or account field. */
export interface KindedValue {
  kind: string;
  value: string;
}

/**
 * What a field value can be, by type (see FieldType). Dates are `YYYY-MM-DD` strings, or
 * `--MM-DD` when the year is unknown (a birthday); datetimes and reminders are numbers.
 */
export type FieldValue = string | number | boolean | string[] | KindedValue[] | null;

/** The definition of one field, built-in or custom, after the company's changes are applied. */
export interface FieldDef {
  /** Stable id: the key in the record map. Built-ins have readable ids, custom ones `c_…`. */
  id: string;
  section: SectionId;
  type: FieldType;
  /** The company's own label; when absent the UI shows the translated built-in label. */
  label?: string;
  builtin: boolean;
  hidden: boolean;
  /** Position in cards and the default column order. */
  order: number;
  /** Allowed values of choice and multichoice fields. */
  options?: string[];
  /** For ref fields: the section the referenced record belongs to. */
  refSection?: SectionId;
  /** Set when a custom field's deletion is pending: data is kept until the delete is confirmed. */
  deletedAt?: number;
  /** True for the field that names a record in lists, links and duplicate warnings. */
  title?: boolean;
  /** Whether the field is a default column of the section's table. */
  column?: boolean;
}

type BuiltinSpec = Omit<FieldDef, 'section' | 'builtin' | 'hidden' | 'order'> & { hidden?: boolean };

/** The category options of an organization; the company can edit the list. */
export const DEFAULT_CATEGORIES = ['key', 'regular', 'one-off'];

const ORG_FIELDS: BuiltinSpec[] = [
  { id: 'name', type: 'text', title: true, column: true },
  { id: 'legalName', type: 'text' },
  { id: 'taxId', type: 'text', column: true },
  { id: 'industry', type: 'text' },
  { id: 'category', type: 'choice', options: DEFAULT_CATEGORIES, column: true },
  { id: 'group', type: 'text' },
  { id: 'tags', type: 'tags' },
  { id: 'manager', type: 'text', column: true },
  { id: 'city', type: 'text', column: true },
  { id: 'country', type: 'text' },
  { id: 'address', type: 'longtext' },
  { id: 'phones', type: 'phones', column: true },
  { id: 'emails', type: 'emails', column: true },
  { id: 'website', type: 'link' },
  { id: 'contractStart', type: 'date' },
  { id: 'contractEnd', type: 'date' },
  { id: 'cooperation', type: 'text' },
  { id: 'revenue', type: 'money', column: true },
  { id: 'notes', type: 'longtext' },
];

const PERSON_FIELDS: BuiltinSpec[] = [
  { id: 'photo', type: 'photo' },
  { id: 'firstName', type: 'text', column: true },
  { id: 'lastName', type: 'text', title: true, column: true },
  { id: 'position', type: 'text', column: true },
  { id: 'org', type: 'ref', refSection: 'orgs', column: true },
  { id: 'phones', type: 'phones', column: true },
  { id: 'emails', type: 'emails', column: true },
  { id: 'accounts', type: 'accounts' },
  { id: 'city', type: 'text', column: true },
  { id: 'regAddress', type: 'longtext' },
  { id: 'homeAddress', type: 'longtext' },
  { id: 'birthday', type: 'date', column: true },
  { id: 'hobbies', type: 'text' },
  { id: 'tags', type: 'tags' },
  { id: 'notes', type: 'longtext' },
];

const NOTE_FIELDS: BuiltinSpec[] = [
  { id: 'title', type: 'text', title: true, column: true },
  { id: 'date', type: 'date', column: true },
  { id: 'about', type: 'ref', refSection: 'orgs', column: true },
  { id: 'text', type: 'longtext', column: true },
  { id: 'tags', type: 'tags' },
];

const LINK_FIELDS: BuiltinSpec[] = [
  { id: 'title', type: 'text', title: true, column: true },
  { id: 'url', type: 'link', column: true },
  { id: 'kind', type: 'choice', options: ['supplier', 'competitor', 'partner', 'other'], column: true },
  { id: 'description', type: 'longtext', column: true },
  { id: 'tags', type: 'tags' },
];

/** The kinds of events a new base offers; the company edits the list (the `kind` field's options). */
export const DEFAULT_EVENT_TYPES = ['call', 'meeting', 'letter', 'visit'];
/** The results of events a new base offers; the company edits the list (the `result` field's options). */
export const DEFAULT_EVENT_RESULTS = ['reached', 'noAnswer', 'callBack', 'offerSent', 'order', 'refused'];
/** Whether an event is still to happen or happened. */
export const EVENT_STATUSES = ['planned', 'done'] as const;
/** The priorities of a task, highest first. */
export const TASK_PRIORITIES = ['high', 'normal', 'low'] as const;
/** The states of a task, from new to finished. */
export const TASK_STATUSES = ['open', 'doing', 'done'] as const;
/** The kinds of a checklist item. */
export const CHECKLIST_KINDS = ['open', 'done'] as const;
/** Minutes-before choices a reminder picker offers (0 = at the time); any other number is a custom one. */
export const REMINDER_PRESETS = [0, 5, 15, 30, 60, 120, 1440, 2880] as const;

const EVENT_FIELDS: BuiltinSpec[] = [
  { id: 'kind', type: 'choice', options: DEFAULT_EVENT_TYPES, column: true },
  { id: 'subject', type: 'text', title: true, column: true },
  { id: 'status', type: 'choice', options: [...EVENT_STATUSES], column: true },
  { id: 'start', type: 'datetime', column: true },
  { id: 'duration', type: 'number', column: true },
  { id: 'assignee', type: 'user', column: true },
  { id: 'result', type: 'choice', options: DEFAULT_EVENT_RESULTS, column: true },
  { id: 'comment', type: 'longtext' },
  { id: 'org', type: 'ref', refSection: 'orgs', column: true },
  { id: 'person', type: 'ref', refSection: 'people', column: true },
  { id: 'remind', type: 'reminder' },
  { id: 'tags', type: 'tags' },
];

const TASK_FIELDS: BuiltinSpec[] = [
  { id: 'title', type: 'text', title: true, column: true },
  { id: 'due', type: 'datetime', column: true },
  { id: 'assignee', type: 'user', column: true },
  { id: 'priority', type: 'choice', options: [...TASK_PRIORITIES], column: true },
  { id: 'status', type: 'choice', options: [...TASK_STATUSES], column: true },
  { id: 'org', type: 'ref', refSection: 'orgs', column: true },
  { id: 'person', type: 'ref', refSection: 'people' },
  { id: 'checklist', type: 'checklist' },
  { id: 'remind', type: 'reminder' },
  { id: 'notes', type: 'longtext' },
  { id: 'tags', type: 'tags' },
];

const BUILTIN_SPECS: Record<SectionId, BuiltinSpec[]> = {
  orgs: ORG_FIELDS,
  people: PERSON_FIELDS,
  events: EVENT_FIELDS,
  tasks: TASK_FIELDS,
  notes: NOTE_FIELDS,
  links: LINK_FIELDS,
};

/** The built-in fields of a section, in their default order, before company changes. */
export function builtinFields(section: SectionId): FieldDef[] {
  return BUILTIN_SPECS[section].map((spec, index) => ({
    ...spec,
    section,
    builtin: true,
    hidden: spec.hidden ?? false,
    order: index,
  }));
}

/**
 * Whether a field's options are fixed by the app: the status and priority of events and tasks
 * drive reminders and the Today view, so a company may rename nothing there (event types and
 * results stay editable lists).
 */
export function hasFixedOptions(field: Pick<FieldDef, 'section' | 'id' | 'builtin'>): boolean {
  return field.builtin && (field.section === 'events' || field.section === 'tasks') && (field.id === 'status' || field.id === 'priority');
}

/** Whether a field type holds numbers that the totals bar can sum. */
export function isNumericType(type: FieldType): boolean {
  return type === 'number' || type === 'money';
}

/** Whether a value counts as blank (AutoFilter's "(Blanks)", the "empty" condition). */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
