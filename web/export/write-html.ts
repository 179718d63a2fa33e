/**
 * HTML exports: a standalone table of a list (also its print view, through @media print) and
 * a printable card of one record. Every value is escaped; values are shown as the UI shows
 * them (numbers, money and dates in the UI language).
 */
import { fieldLabel } from '../app/labels';
import { kindLabel, optionLabel } from '../card/option-labels';
import type { Row } from '../engine/rows';
import { formatDate, language, t } from '../i18n/i18n';
import type { SheetCell } from '../import/spreadsheet/sheet-types';
import type { FieldDef } from '../schema/fields';
import { formatFieldNumber } from '../table/format';
import { formatReminder } from '../card/datetime-format';
import { exportCell, kindedEntries, type ExportColumn, type ExportContext, type ExportTable } from './export-table';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as formatDate shows it, with the formatter made once per language (lists have many dates). */
function shownDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return formatDate(iso);
  let format = dateFormats.get(language());
  if (!format) {
    format = new Intl.DateTimeFormat(language(), { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(language(), format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** A cell as the UI shows it. */
export function displayText(cell: SheetCell, column: Pick<ExportColumn, 'field'>, currency: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number' && column.field.type === 'reminder') return formatReminder(cell);
  if (typeof cell === 'number') return formatFieldNumber(column.field, cell, currency);
  if (typeof cell === 'boolean') return cell ? t('table.yes') : t('table.no');
  if (typeof cell === 'object') return shownDate(cell.date);
  return cell;
}

const PAGE_CSS = `
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; margin: 24px; }
h1 { font-size: 18px; margin: 0 0 4px; }
.meta { color: #5b6575; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d9dee6; padding: 4px 6px; text-align: left; vertical-align: top; white-space: pre-wrap; }
th { background: #e3eef9; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: #5b6575; }
dd { margin: 0; white-space: pre-wrap; }
.photo { float: right; max-width: 120px; max-height: 160px; margin: 0 0 12px 12px; border-radius: 4px; }
@media print {
  @page { margin: 12mm; }
  body { margin: 0; font-size: 10pt; }
  table { font-size: 9pt; }
  th, td { overflow-wrap: anywhere; }
  thead { display: table-header-group; }
  tr, dt, dd { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function page(title: string, body: string, extraCss = ''): string {
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(language())}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n` +
    `<style>${PAGE_CSS}${extraCss}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

/** Page title and print options of a list. */
export interface ListHtmlOptions {
  title: string;
  currency: string;
  /** Landscape pages suit wide lists; portrait is the printer's default. */
  landscape?: boolean;
}

/** A standalone HTML document of a list: heading, row count, and the table (printable as is). */
export function listHtml(table: ExportTable, options: ListHtmlOptions): string {
  const numeric = table.columns.map((column) => column.kind === 'number' || column.kind === 'money');
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join('');
  const yes = t('table.yes');
  const no = t('table.no');
  const shown = (cell: SheetCell, index: number) => (typeof cell === 'boolean' ? (cell ? yes : no) : displayText(cell, table.columns[index], options.currency));
  const body = table.cells
    .map((row) => `<tr>${row.map((cell, index) => `<td${numeric[index] ? ' class="number"' : ''}>${escapeHtml(shown(cell, index))}</td>`).join('')}</tr>`)
    .join('\n');
  const meta = t('import.export.rowCount', { count: table.cells.length });
  return page(
    options.title,
    `<h1>${escapeHtml(options.title)}</h1>\n<p class="meta">${escapeHtml(meta)}</p>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`,
    options.landscape ? '@media print { @page { size: landscape; } }' : '',
  );
}

/** What a printable card needs besides the record. */
export interface CardHtmlOptions extends ExportContext {
  currency: string;
  /** The record's title (its name). */
  title: string;
  /** A data: URL of the photo, when the record has one on this device. */
  photoUrl?: string;
}

/** The lines of one field on a card: kinded lists one value per line with their kind. */
function cardValue(row: Row, field: FieldDef, options: CardHtmlOptions): string {
  const value = row.v[field.id];
  if (field.type === 'phones' || field.type === 'emails' || field.type === 'accounts') {
    const type = field.type;
    return kindedEntries(value)
      .map((entry) => `${entry.value} (${kindLabel(type, entry.kind)})`)
      .join('\n');
  }
  if (field.type === 'multichoice' && Array.isArray(value)) return (value as string[]).map((item) => optionLabel(field, item)).join(', ');
  const column = { field, header: fieldLabel(field), kind: 'text' as const };
  const kind = field.type === 'number' ? 'number' : field.type === 'money' ? 'money' : field.type === 'date' ? 'date' : field.type === 'bool' ? 'bool' : 'text';
  return displayText(exportCell(row, { ...column, kind }, options), column, options.currency);
}

/** A standalone, printable HTML document of one record: photo, title and every non-empty visible field. */
export function cardHtml(row: Row, fields: readonly FieldDef[], options: CardHtmlOptions): string {
  const items: string[] = [];
  for (const field of fields) {
    if (field.type === 'photo' || field.hidden) continue;
    const shown = cardValue(row, field, options);
    if (!shown) continue;
    items.push(`<dt>${escapeHtml(fieldLabel(field))}</dt><dd>${escapeHtml(shown)}</dd>`);
  }
  const photo = options.photoUrl && /^data:image\/[\w.+-]+;base64,[A-Za-z0-9+/=]+$/.test(options.photoUrl) ? `<img class="photo" src="${options.photoUrl}" alt="${escapeHtml(options.title)}">` : '';
  return page(options.title, `${photo}<h1>${escapeHtml(options.title)}</h1>\n<dl>\n${items.join('\n')}\n</dl>`);
}
