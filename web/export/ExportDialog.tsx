/**
 * The export dialog: format, CSV delimiter, vCard version and which rows (the current view or
 * the selected rows). The writers are loaded on demand, so the zip library never weighs on
 * start-up. The caller (the table) supplies the rows and visible fields of its current view.
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import type { Row } from '../engine/rows';
import { formatNumber, language, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import type { FieldDef, SectionId } from '../schema/fields';
import { downloadFile, printHtml } from '../app/download';
import { EXPORT_CHOICES, initialChoices, printLandscape, reconcileChoices, vcardAvailable, type ExportChoice, type ExportChoices, type ExportScope } from './export-options';
import type { PhotoData } from './write-vcard';
import { EXCEL_CELL_LIMIT } from './excel-limits';
import './export.css';

/** What the dialog needs from the table. */
export interface ExportDialogProps {
  section: SectionId;
  /** The section's label: names the file, the sheet and the printed page. */
  title: string;
  /** The rows of the current view (filtered and sorted) or of the selection. */
  getRows(scope: ExportScope): readonly Row[];
  /** The visible columns of the current view, in order. */
  getFields(): readonly FieldDef[];
  /** How many rows are selected (0 disables the "selected rows" choice). */
  selectedCount: number;
  currency: string;
  refName(recordId: string): string;
  userName(userId: string): string;
  /** Looks up a photo by blob hash for vCards. */
  photo?: (hash: string) => Promise<PhotoData | undefined>;
  onClose(): void;
}

const FORMAT_LABELS: Record<ExportChoice, MessageKey> = {
  xlsx: 'import.export.format.xlsx',
  csv: 'import.export.format.csv',
  vcard: 'import.export.format.vcard',
  html: 'import.export.format.html',
  print: 'import.export.format.print',
};

/** A modal dialog that exports or prints the current view or the selected rows. */
export function ExportDialog(props: ExportDialogProps): JSX.Element {
  let dialog!: HTMLDialogElement;
  const [choices, setChoices] = createSignal<ExportChoices>(initialChoices(language(), props.selectedCount));
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal<{ text: string; error: boolean } | null>(null);
  const update = (change: Partial<ExportChoices>) => {
    setStatus(null);
    setChoices(reconcileChoices({ ...choices(), ...change }, props.section, props.selectedCount));
  };
  const count = (scope: ExportScope) => (scope === 'view' ? props.getRows('view').length : props.selectedCount);
  onMount(() => dialog.showModal());

  const run = async (event: Event) => {
    event.preventDefault();
    const current = choices();
    const rows = props.getRows(current.scope);
    if (rows.length === 0) {
      setStatus({ text: t('import.export.nothing'), error: true });
      return;
    }
    setBusy(true);
    setStatus({ text: t('import.export.working'), error: false });
    try {
      if (current.format === 'print') {
        const [{ exportTable }, { listHtml }] = await Promise.all([import('./export-table'), import('./write-html')]);
        const table = exportTable(rows, props.getFields(), props);
        printHtml(listHtml(table, { title: props.title, currency: props.currency, landscape: printLandscape(table.columns.length) }));
        setStatus(null);
        props.onClose();
        return;
      }
      const { exportFile } = await import('./export-file');
      const file = await exportFile({
        format: current.format,
        rows,
        fields: props.getFields(),
        title: props.title,
        currency: props.currency,
        delimiter: current.delimiter,
        vcardVersion: current.vcardVersion,
        refName: props.refName,
        userName: props.userName,
        photo: props.photo,
      });
      downloadFile(file.bytes, file.mime, file.fileName);
      const skipped = current.format === 'vcard' ? rows.filter((row) => !vcardAvailable(row.section)).length : 0;
      const notes = [t('import.export.saved', { file: file.fileName })];
      if (skipped) notes.push(t('import.export.vcardOnlyContacts', { count: skipped }));
      // Excel cuts longer cells on open; the file holds them whole (our import reads them back).
      if (file.longCells) notes.push(t('import2.export.longCells', { count: formatNumber(file.longCells), limit: formatNumber(EXCEL_CELL_LIMIT) }));
      setStatus({ text: notes.join('\n'), error: false });
    } catch (error) {
      setStatus({ text: t('import.export.failed', { reason: error instanceof Error ? error.message : String(error) }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="export-dialog"
      aria-labelledby="export-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <form onSubmit={run}>
        <h2 id="export-dialog-title">{t('import.export.title')}</h2>
        <fieldset class="export-group">
          <legend>{t('import.export.format')}</legend>
          <For each={EXPORT_CHOICES}>
            {(format) => (
              <label class="export-option">
                <input
                  type="radio"
                  name="export-format"
                  value={format}
                  checked={choices().format === format}
                  disabled={format === 'vcard' && !vcardAvailable(props.section)}
                  onChange={() => update({ format })}
                />
                {t(FORMAT_LABELS[format])}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={choices().format === 'csv'}>
          <label class="export-field">
            <span>{t('import.export.delimiter')}</span>
            <select value={choices().delimiter} onChange={(event) => update({ delimiter: event.currentTarget.value as ',' | ';' })}>
              <option value=",">{t('import.export.delimiter.comma')}</option>
              <option value=";">{t('import.export.delimiter.semicolon')}</option>
            </select>
          </label>
        </Show>
        <Show when={choices().format === 'vcard'}>
          <label class="export-field">
            <span>{t('import.export.vcardVersion')}</span>
            <select value={choices().vcardVersion} onChange={(event) => update({ vcardVersion: event.currentTarget.value as '3.0' | '4.0' })}>
              <option value="3.0">{t('import.export.vcard3')}</option>
              <option value="4.0">{t('import.export.vcard4')}</option>
            </select>
          </label>
        </Show>
        <fieldset class="export-group">
          <legend>{t('import.export.scope')}</legend>
          <label class="export-option">
            <input type="radio" name="export-scope" value="view" checked={choices().scope === 'view'} onChange={() => update({ scope: 'view' })} />
            {t('import.export.scope.view', { count: count('view') })}
          </label>
          <label class="export-option">
            <input
              type="radio"
              name="export-scope"
              value="selected"
              checked={choices().scope === 'selected'}
              disabled={props.selectedCount === 0}
              onChange={() => update({ scope: 'selected' })}
            />
            {t('import.export.scope.selected', { count: props.selectedCount })}
          </label>
        </fieldset>
        <p class="export-status" classList={{ 'export-error': status()?.error === true }} role="status" aria-live="polite">
          {status()?.text ?? ''}
        </p>
        <div class="export-actions">
          <button type="button" onClick={() => props.onClose()}>
            {t('import.export.close')}
          </button>
          <button type="submit" class="primary" disabled={busy()}>
            {choices().format === 'print' ? t('import.export.printSubmit') : t('import.export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
