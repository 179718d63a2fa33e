/**
 * The suggested mapping of a file's columns: known exports (Google, Outlook, Thunderbird) are
 * recognised from their headers, every header is looked up in five languages, and columns whose
 * header says nothing are judged by their values. Whatever stays unknown goes to the notes as
 * `Header: value` lines, so no column is dropped silently.
 */
import { exportedHeaderTarget } from '../export/export-headers';
import { builtinFields, type FieldDef, type SectionId } from '../schema/fields';
import type { ColumnMapping, ColumnTarget, PresetId } from './column-target';
import type { ColumnStats } from './column-stats';
import { chooseDateOrder, type DateReading } from './dates';
import { foldHeader, headersNamePeople, phoneKindFromText, targetFromHeader } from './header-dictionary';
import { chooseDecimalMark, type DecimalMark } from './numbers';

/** How to read the values of one column. */
export interface ColumnReading {
  dates: DateReading | null;
  decimal: DecimalMark;
}

/** Conventions of the file that decide undecidable values (day-first dates, decimal comma). */
export interface FileConventions {
  /** True for `;`-delimited files and European code pages: the locales that write 31.12.2024 and 1,5. */
  european: boolean;
}

/** Recognises a known contact export from its headers. */
export function detectPreset(headers: string[]): PresetId | null {
  const has = (header: string) => headers.includes(header);
  if (has('Given Name') && has('Family Name') && (has('Group Membership') || has('E-mail 1 - Type'))) return 'google-legacy';
  if (has('First Name') && has('Last Name') && (has('Labels') || has('E-mail 1 - Label') || has('Organization Name'))) return 'google';
  if (has('Primary Email') && (has('Screen Name') || has('Birth Year') || has('Mobile Number'))) return 'thunderbird';
  if (has('E-mail Address') && has('Business Street') && headers.length >= 80) return 'outlook';
  if (has('E-mail Address') && (has('Business Phone') || has('Mobile Phone'))) return 'outlook-com';
  return null;
}

const SINGLE_VALUED_FIELDS_ALLOWING_REPEAT = new Set(['phones', 'emails', 'tags', 'accounts', 'notes']);

/**
 * Suggests where each column goes and how to read its values. `fields` are the base's fields
 * (built-in ones when absent): a header our own export writes for one of them, in any UI
 * language, maps back to that field before any other rule is asked.
 */
export function suggestMapping(stats: ColumnStats[], conventions: FileConventions, fields?: readonly FieldDef[]): { mapping: ColumnMapping; readings: ColumnReading[] } {
  const headers = stats.map((column) => column.header);
  const preset = detectPreset(headers);
  const section: SectionId = ownExportSection(headers, fields) ?? (headersNamePeople(headers) ? 'people' : 'orgs');
  const sectionFields = fieldsOf(section, fields);
  const targets = stats.map((column, index) => presetTarget(preset, headers, index, section) ?? ownExportTarget(column.header, sectionFields) ?? targetFromHeader(column.header, section) ?? targetFromValues(column, section));
  for (let index = 0; index < targets.length; index++) {
    if (stats[index].filled === 0 && targets[index].kind !== 'entryKindOf') targets[index] = { kind: 'skip', reason: 'empty' };
  }
  resolveConflicts(targets, headers, section);
  const readings = stats.map((column) => ({ dates: chooseDateOrder(column.dates, conventions.european), decimal: chooseDecimalMark(column.numbers, conventions.european) }));
  return { mapping: { section, targets, preset, multiValueSeparator: preset === 'google' || preset === 'google-legacy' ? ' ::: ' : null }, readings };
}

function fieldsOf(section: SectionId, fields: readonly FieldDef[] | undefined): FieldDef[] {
  const own = fields?.filter((field) => field.section === section && !field.deletedAt && !field.hidden) ?? [];
  return own.length ? own : builtinFields(section);
}

/** The column a header of our own export names (exportedHeaderTarget), as a mapping target. */
function ownExportTarget(header: string, fields: readonly FieldDef[]): ColumnTarget | null {
  const found = exportedHeaderTarget(header, fields);
  if (!found) return null;
  const def = fields.find((field) => field.id === found.field)!;
  if (def.type === 'ref') return def.refSection === 'orgs' && def.section === 'people' ? { kind: 'orgName' } : null;
  if (def.type === 'user' || def.type === 'photo') return null;
  return { kind: 'field', field: def.id, ...(found.entryKind ? { entryKind: found.entryKind } : {}) };
}

/**
 * The section of a file our own export wrote: most of its headers are field names of one
 * section, and some name fields only that section has (First name, Organization / Tax ID);
 * null when they do not tell (other programs' files: the header dictionary decides).
 */
function ownExportSection(headers: string[], fields: readonly FieldDef[] | undefined): SectionId | null {
  const people = fieldsOf('people', fields);
  const orgs = fieldsOf('orgs', fields);
  const named = headers.filter((header) => header.trim());
  let peopleHits = 0;
  let orgHits = 0;
  let onlyPeople = 0;
  let onlyOrgs = 0;
  for (const header of named) {
    const asPerson = Boolean(exportedHeaderTarget(header, people));
    const asOrg = Boolean(exportedHeaderTarget(header, orgs));
    peopleHits += Number(asPerson);
    orgHits += Number(asOrg);
    if (asPerson && !asOrg) onlyPeople++;
    if (asOrg && !asPerson) onlyOrgs++;
  }
  const most = named.length * OWN_EXPORT_SHARE;
  if (onlyPeople > 0 && onlyOrgs === 0 && peopleHits >= most) return 'people';
  if (onlyOrgs > 0 && onlyPeople === 0 && orgHits >= most) return 'orgs';
  return null;
}

/** Share of a file's headers that must be our own field names for the file to count as our export. */
const OWN_EXPORT_SHARE = 0.6;

/** Columns whose meaning depends on the export they come from. */
function presetTarget(preset: PresetId | null, headers: string[], index: number, section: SectionId): ColumnTarget | null {
  const header = headers[index];
  const typeColumn = /^(.+ \d+) - (Type|Label)$/.exec(header);
  if (typeColumn) {
    const value = headers.indexOf(`${typeColumn[1]} - Value`);
    if (value >= 0) return { kind: 'entryKindOf', column: value };
  }
  const address = /^Address (\d+) - (.+)$/.exec(header);
  if (address && headers.includes(`Address ${address[1]} - Formatted`)) {
    if (address[2] === 'Formatted') return { kind: 'field', field: section === 'orgs' ? 'address' : 'homeAddress' };
    if (address[2] === 'City') return { kind: 'field', field: 'city' };
    if (address[2] === 'Type' || address[2] === 'Label') return { kind: 'notes', label: header };
    return { kind: 'skip', reason: 'duplicate' };
  }
  if ((preset === 'outlook' || preset === 'outlook-com') && (header === 'Title' || header === 'Suffix' || header === 'Initials')) return { kind: 'notes', label: header };
  if (preset === 'thunderbird' && /^Birth (Year|Month|Day)$/.test(header)) return { kind: 'notes', label: header };
  if (preset === 'google-legacy' && header === 'Name') return { kind: 'fullName' };
  return null;
}

/** Judges a column by its values when the header says nothing known. */
function targetFromValues(column: ColumnStats, section: SectionId): ColumnTarget {
  const label = column.header.trim() || 'Column';
  if (column.filled === 0) return { kind: 'skip', reason: 'empty' };
  if (column.emails >= column.filled * 0.6) return { kind: 'field', field: 'emails', entryKind: 'other' };
  if (column.phones >= column.filled * 0.6) return { kind: 'field', field: 'phones', entryKind: section === 'orgs' ? 'work' : 'other' };
  if (column.dates.dates >= column.filled * 0.8) return { kind: 'newField', label, type: 'date' };
  // Codes, ids and postal codes are text even when they are all digits.
  const codeLike = /(nummer|number|\bnr\b|\bno\b|\bid\b|code|\bcod\b|plz|zip|postal|postleitzahl|index|номер|код|индекс|cnp|iban|bic|konto|cuenta|cont|leitzahl|blz|bank)/.test(foldHeader(label));
  if (!codeLike && column.numbers.numbers >= column.filled * 0.8 && column.numbers.leadingZero === 0) return { kind: 'newField', label, type: 'number' };
  return { kind: 'notes', label };
}

/**
 * A single-valued field gets the first column that names it; later ones go to notes. Files
 * that split a name as `name` + `last_name` mean the first name by `name`; `surname` next to a
 * separate last-name column is a patronymic (Russian lists: lastname, firstname, surname).
 */
function resolveConflicts(targets: ColumnTarget[], headers: string[], section: SectionId): void {
  const fieldOf = (target: ColumnTarget) => (target.kind === 'field' ? target.field : target.kind);
  const lastNames = targets.map((target, index) => (fieldOf(target) === 'lastName' ? index : -1)).filter((index) => index >= 0);
  if (lastNames.length > 1) {
    const surname = lastNames.find((index) => foldHeader(headers[index]) === 'surname');
    if (surname !== undefined) targets[surname] = { kind: 'middleName' };
  }
  if (section === 'people' && !targets.some((target) => fieldOf(target) === 'firstName') && targets.some((target) => fieldOf(target) === 'lastName')) {
    const name = targets.findIndex((target, index) => target.kind === 'fullName' && foldHeader(headers[index]) === 'name');
    if (name >= 0) targets[name] = { kind: 'field', field: 'firstName' };
  }
  const seen = new Set<string>();
  targets.forEach((target, index) => {
    if (target.kind !== 'field' && target.kind !== 'orgName' && target.kind !== 'middleName') return;
    const key = fieldOf(target);
    if (SINGLE_VALUED_FIELDS_ALLOWING_REPEAT.has(key)) return;
    if (seen.has(key)) targets[index] = { kind: 'notes', label: headers[index] };
    seen.add(key);
  });
}

/** The kind of a phone or e-mail named in a Google type cell (`* Home`, `Mobile`, `Work Fax`). */
export function entryKindFromTypeCell(text: string, field: string): string | undefined {
  const folded = foldHeader(text);
  if (!folded) return undefined;
  if (field === 'phones') return phoneKindFromText(folded) ?? (/(main)/.test(folded) ? 'work' : 'other');
  if (/(work|business)/.test(folded)) return 'work';
  if (/(home|personal)/.test(folded)) return 'home';
  return 'other';
}
