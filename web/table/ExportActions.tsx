/**
 * The table's "Export…" and "Print" buttons: both work on what the table shows — the current
 * view's rows (filters, search, sort) and its visible columns in order — or on the checked rows.
 * The file writers load on demand (dynamic import), so they stay out of the start-up bundle.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { photoLookup } from '../card/photo-lookup';
import type { Row } from '../engine/rows';
import { printHtml } from '../app/download';
import { ExportDialog } from '../export/ExportDialog';
import { printLandscape, type ExportScope } from '../export/export-options';
import { t } from '../i18n/i18n';
import type { FieldDef, SectionId } from '../schema/fields';
import type { ColumnContext } from './columns';

/** What the buttons read from the table. */
export interface ExportActionsProps {
  section: SectionId;
  /** The section's label (file name, sheet name, printed title). */
  title: string;
  /** The rows the current view shows, in display order. */
  viewRows(): Row[];
  /** The visible columns, in display order. */
  columns(): FieldDef[];
  /** The checked rows among those shown, in display order. */
  selectedRows(): Row[];
  context(): ColumnContext;
}

/** "Export…" (the export dialog) and "Print" (the current view as a printed list). */
export function ExportActions(props: ExportActionsProps): JSX.Element {
  const base = useBase();
  const [open, setOpen] = createSignal(false);
  const [printing, setPrinting] = createSignal(false);
  const currency = () => base.settings().currency;

  const printList = async () => {
    const rows = props.selectedRows().length > 0 ? props.selectedRows() : props.viewRows();
    if (rows.length === 0) return;
    setPrinting(true);
    try {
      const [{ exportTable }, { listHtml }] = await Promise.all([import('../export/export-table'), import('../export/write-html')]);
      const table = exportTable(rows, props.columns(), props.context());
      printHtml(listHtml(table, { title: props.title, currency: currency(), landscape: printLandscape(table.columns.length) }));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('import.export.open')}
      </button>
      <button
        type="button"
        title={props.selectedRows().length > 0 ? t('import.export.printSelectedHint') : t('import.export.printViewHint')}
        disabled={printing() || props.viewRows().length === 0}
        onClick={() => void printList()}
      >
        {t('import.export.print')}
      </button>
      <Show when={open()}>
        <ExportDialog
          section={props.section}
          title={props.title}
          getRows={(scope: ExportScope) => (scope === 'selected' ? props.selectedRows() : props.viewRows())}
          getFields={() => props.columns()}
          selectedCount={props.selectedRows().length}
          currency={currency()}
          refName={(id) => props.context().refName(id)}
          userName={(id) => props.context().userName(id)}
          photo={photoLookup(base.engine.db)}
          onClose={() => setOpen(false)}
        />
      </Show>
    </>
  );
}
