/**
 * The preview: for the first rows, what each cell will become (which field, which value) and
 * the whole record, computed by the same code the import runs, so what the user confirms is
 * exactly what is stored.
 */
import { buildRecord, type RowContext } from './build-record';
import { cellText, type Cell } from './column-stats';
import type { ColumnMapping, ColumnTarget } from './column-target';
import type { ImportRecord } from './import-record';
import type { FileAnalysis, RecordOptions } from './read-file';
import type { ByteSource } from './source';
import type { ColumnReading } from './suggest-mapping';
import { openTable, type TableSettings } from './table-rows';
import type { ImportProblem } from './problems';

/** One cell of the preview. */
export interface PreviewCell {
  header: string;
  /** The cell as written in the file. */
  raw: string;
  target: ColumnTarget;
  /** The values this cell alone produces (field id → value; `+Label` for new fields). */
  stored: ImportRecord['values'];
  /** A person's organization name this cell gives. */
  orgName?: string;
}

/** One row of the preview. */
export interface PreviewRow {
  line: number;
  record: number;
  cells: PreviewCell[];
  /** The record the whole row makes. */
  result: ImportRecord;
  problem?: ImportProblem;
}

/** The first `limit` rows of a table file as they would be imported. */
export async function previewRows(source: ByteSource, analysis: FileAnalysis, options: RecordOptions & { limit?: number } = {}): Promise<PreviewRow[]> {
  const mapping = options.mapping ?? analysis.mapping;
  if (!mapping || !analysis.format || analysis.format === 'vcard') return [];
  const readings = options.readings ?? analysis.readings;
  const settings: TableSettings = { format: analysis.format, encoding: analysis.encoding?.encoding, bomLength: analysis.encoding?.bomLength, dialect: analysis.dialect ?? undefined };
  const table = await openTable(source, settings, options.signal);
  if (!table) return [];
  const limit = options.limit ?? 20;
  const preview: PreviewRow[] = [];
  for await (const batch of table.rows) {
    for (const row of batch) {
      preview.push(previewRow(row.cells, row, { headers: analysis.headers, mapping, readings, messages: options.messages, fields: options.fields ?? analysis.fields }));
      if (preview.length >= limit) return preview;
    }
  }
  return preview;
}

/** The preview of one row (exported for the wizard's live re-mapping of rows already read). */
export function previewRow(cells: Cell[], where: { line: number; record: number; problem?: ImportProblem }, context: RowContext): PreviewRow {
  const result = buildRecord(cells, where, context);
  const previewCells = context.mapping.targets.map((target, index): PreviewCell => {
    const single = buildRecord(cells, where, { ...context, mapping: onlyColumn(context.mapping, index) });
    return { header: context.headers[index] ?? '', raw: cellText(cells[index]), target, stored: single.values, ...(single.orgName ? { orgName: single.orgName } : {}) };
  });
  return { line: where.line, record: where.record, cells: previewCells, result, ...(where.problem ? { problem: where.problem } : {}) };
}

function onlyColumn(mapping: ColumnMapping, index: number): ColumnMapping {
  const targets = mapping.targets.map((target, other): ColumnTarget => {
    if (other === index) return target;
    if (target.kind === 'entryKindOf' && target.column === index) return target;
    return { kind: 'skip', reason: 'user' };
  });
  return { ...mapping, targets };
}

/** Readings unchanged; re-exported for callers that build contexts. */
export type { ColumnReading };
