/** What the parts of the table screen share: reactive accessors over one section's view. */
import type { Accessor } from 'solid-js';
import type { FieldDef, SectionId } from '../schema/fields';
import type { ColumnContext, TableData } from './columns';
import type { ViewResult } from './compute-view';
import type { ViewState } from './view-state';

/** The reactive model of one section's table (built by SectionView). */
export interface TableModel {
  section: SectionId;
  data: Accessor<TableData>;
  state: Accessor<ViewState>;
  /** Replaces the view state (every change goes through here and triggers one recompute). */
  setState(next: ViewState): void;
  searchIds: Accessor<ReadonlySet<string> | null>;
  view: Accessor<ViewResult>;
  currency: Accessor<string>;
  context: Accessor<ColumnContext>;
  /** Fields the table can show (not hidden, not deleted). */
  tableFields: Accessor<FieldDef[]>;
  /** A field of the section by id (undefined when it is gone). */
  field(id: string): FieldDef | undefined;
  /** The display label of a field. */
  label(id: string): string;
}
