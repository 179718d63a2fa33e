/**
 * Messages between the wizard (main thread) and the import worker. Files cross as File/Blob
 * objects (structured clone shares the bytes, it does not copy them); the analysis, preview
 * rows and records cross as plain data. Every request has an id, so cancels and answers find it.
 */
import type { FieldDef } from '../../schema/fields';
import type { ColumnMapping } from '../column-target';
import type { ImportRecord } from '../import-record';
import type { PreviewRow } from '../preview';
import type { MessageTable } from '../problems';
import type { FileAnalysis, ImportProgress } from '../read-file';
import type { ColumnReading } from '../suggest-mapping';

/** What the wizard decided about reading a file's records. */
export interface RecordRequest {
  analysis: FileAnalysis;
  mapping: ColumnMapping;
  readings: ColumnReading[];
  messages?: MessageTable;
}

/** A request to the worker. */
export type ToImportWorker =
  | { type: 'analyze'; id: number; file: Blob; name: string; encoding?: string; delimiter?: string; fields?: FieldDef[]; messages?: MessageTable }
  | ({ type: 'preview'; id: number; file: Blob; name: string; limit: number } & RecordRequest)
  | ({ type: 'records'; id: number; file: Blob; name: string } & RecordRequest)
  | { type: 'cancel'; id: number }
  /** The main thread took one batch of a records request: the worker may read one more. */
  | { type: 'taken'; id: number };

/** An answer from the worker. */
export type FromImportWorker =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'analysis'; id: number; analysis: FileAnalysis }
  | { type: 'preview'; id: number; rows: PreviewRow[] }
  | { type: 'batch'; id: number; records: ImportRecord[] }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; name: string; message: string };
