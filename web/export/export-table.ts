/**
 * Turns records and the visible fields into a flat table of typed cells, the common input of
 * the CSV, XLSX and HTML writers. Phones, e-mails and accounts get one column per kind
 * ("Phones (Mobile)", "Phones (Work) 2"), so every cell holds one value and the kind survives
 * a round trip; photos are left out of tables (vCard carries them).
 */
import { fieldLabel } from '../app/labels';
import { kindLabel, optionLabel } from '../card/option-labels';
import type { Row } from '../engine/rows';
import { ACCOUNT_KINDS, EMAIL_KINDS, PHONE_KINDS, type FieldDef, type FieldValue, type KindedValue } from '../schema/fields';
import type { SheetCell } from '../import/spreadsheet/sheet-types';
import { joinTagList } from '../import/tag-list';
import { checklistText, instantText } from '../schema/schedule-values';
import { EXCEL_CELL_LIMIT } from './excel-limits';

/** How a column's cells are typed in the output: text stays text even when it is all digits. */
export type ExportKind = 'text' | 'number' | 'money' | 'date' | 'bool';

/** Names of referenced records and users, which rows hold only as ids. */
export interface ExportContext {
  /** The display name of a referenced record ('' when unknown). */
  refName(recordId: string): string;
  /** The display name of a user ('' when unknown). */
  userName(userId: string): string;
}

/** One output column. */
export interface ExportColumn {
  header: string;
  field: FieldDef;
  kind: ExportKind;
  /** For phones / e-mails / accounts: the kind and its occurrence (0 = first) this column holds. */
  entry?: { kind: string; occurrence: number };
}

/** The table every tabular writer receives. */
export interface ExportTable {
  columns: ExportColumn[];
  /** Cells by row, in column order. */
  cells: SheetCell[][];
}

type KindedType = 'phones' | 'emails' | 'accounts';

const KIND_ORDER: Record<KindedType, readonly string[]> = { phones: PHONE_KINDS, emails: EMAIL_KINDS, accounts: ACCOUNT_KINDS };

function isKinded(type: FieldDef['type']): type is KindedType {
  return type === 'phones' || type === 'emails' || type === 'accounts';
}

function exportKind(field: FieldDef): ExportKind {
  switch (field.type) {
    case 'number':
    case 'reminder':
      return 'number';
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'bool':
      return 'bool';
    default:
      return 'text';
  }
}

/** The entries of a phones / e-mails / accounts value ([] when blank or malformed). */
export function kindedEntries(value: FieldValue | undefined): KindedValue[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() ? [{ kind: 'other', value: value.trim() }] : [];
  const entries: KindedValue[] = [];
  for (const entry of value as (string | KindedValue)[]) {
    if (typeof entry === 'string') {
      if (entry.trim()) entries.push({ kind: 'other', value: entry.trim() });
    } else if (entry && typeof entry.value === 'string' && entry.value.trim()) {
      entries.push({ kind: entry.kind || 'other', value: entry.value.trim() });
    }
  }
  return entries;
}

/** The columns of an export: visible fields in order, kinded lists split by the kinds the rows use. */
export function exportColumns(rows: readonly Row[], fields: readonly FieldDef[]): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const field of fields) {
    if (field.type === 'photo') continue;
    if (!isKinded(field.type)) {
      columns.push({ header: fieldLabel(field), field, kind: exportKind(field) });
      continue;
    }
    const counts = new Map<string, number>();
    for (const row of rows) {
      const perKind = new Map<string, number>();
      for (const entry of kindedEntries(row.v[field.id])) perKind.set(entry.kind, (perKind.get(entry.kind) ?? 0) + 1);
      for (const [kind, count] of perKind) if (count > (counts.get(kind) ?? 0)) counts.set(kind, count);
    }
    const order = KIND_ORDER[field.type];
    const kinds = [...counts.keys()].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
    const label = fieldLabel(field);
    for (const kind of kinds) {
      for (let occurrence = 0; occurrence < counts.get(kind)!; occurrence++) {
        const header = `${label} (${kindLabel(field.type, kind)})${occurrence ? ` ${occurrence + 1}` : ''}`;
        columns.push({ header, field, kind: 'text', entry: { kind, occurrence } });
      }
    }
    if (kinds.length === 0) columns.push({ header: label, field, kind: 'text' });
  }
  return columns;
}

function rank(order: readonly string[], kind: string): number {
  const index = order.indexOf(kind);
  return index < 0 ? order.length : index;
}

/** The typed cell of one row in one column. */
export function exportCell(row: Row, column: ExportColumn, context: ExportContext): SheetCell {
  const { field } = column;
  const value = row.v[field.id];
  if (value === null || value === undefined || value === '') return null;
  if (column.entry) {
    const matching = kindedEntries(value).filter((entry) => entry.kind === column.entry!.kind);
    return matching[column.entry.occurrence]?.value ?? null;
  }
  switch (field.type) {
    case 'number':
    case 'money': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? number : String(value);
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { date: value } : String(value);
    case 'bool':
      return value === true || value === 'true';
    case 'datetime':
      // Local wall time, as the user saw it; the importer reads it back to the same instant.
      return instantText(value) || String(value);
    case 'reminder':
      return typeof value === 'number' && Number.isFinite(value) ? value : String(value);
    case 'checklist':
      return Array.isArray(value) ? checklistText(kindedEntries(value)) || null : String(value);
    case 'choice':
      return optionLabel(field, String(value));
    case 'multichoice':
    case 'tags':
      // Quoted where a tag holds `,` or `;`, so the importer splits the cell back into the same tags.
      return Array.isArray(value) ? joinTagList((value as string[]).map((item) => (field.type === 'multichoice' ? optionLabel(field, String(item)) : String(item)))) || null : String(value);
    case 'ref':
      return context.refName(String(value)) || null;
    case 'user':
      return context.userName(String(value)) || null;
    case 'phones':
    case 'emails':
    case 'accounts':
      return kindedEntries(value).map((entry) => entry.value).join(', ') || null;
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** Builds the whole table of an export. */
export function exportTable(rows: readonly Row[], fields: readonly FieldDef[], context: ExportContext): ExportTable {
  const columns = exportColumns(rows, fields);
  const cells = rows.map((row) => columns.map((column) => exportCell(row, column, context)));
  return { columns, cells };
}

/** How many text cells of a table are longer than Excel shows; the file keeps them whole. */
export function cellsOverExcelLimit(table: ExportTable): number {
  let count = 0;
  for (const row of table.cells) for (const cell of row) if (typeof cell === 'string' && cell.length > EXCEL_CELL_LIMIT) count++;
  return count;
}
