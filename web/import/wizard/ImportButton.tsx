/**
 * The table toolbar's "Import…" button: opens the import wizard, loaded on first use so the
 * wizard (and the engine's readers) stay out of the start-up bundle. A file dropped on the
 * button opens the wizard on that file. The caller shows it only to users who may create records.
 */
import { createSignal, lazy, Show, Suspense, type JSX } from 'solid-js';
import { t } from '../../i18n/i18n';
import type { SectionId } from '../../schema/fields';
import './import-button.css';

const ImportWizard = lazy(() => import('./ImportWizard'));

/** Whether a drag carries files (not text or a link dragged from the page). */
function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** "Import…" and the wizard it opens for `section`. */
export function ImportButton(props: { section: SectionId }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [dropped, setDropped] = createSignal<File | undefined>(undefined);
  const [dragging, setDragging] = createSignal(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        class="import-button"
        classList={{ dragging: dragging() }}
        title={t('import2.wizard.dropOnButton')}
        onClick={() => {
          setDropped(undefined);
          setOpen(true);
        }}
        onDragOver={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          setDragging(false);
          const file = event.dataTransfer?.files[0];
          if (!file) return;
          event.preventDefault();
          // A new wizard for the new file: one already open is replaced.
          setOpen(false);
          setDropped(file);
          setOpen(true);
        }}
      >
        {t('import.wizard.open')}
      </button>
      <Show when={open()}>
        <Suspense>
          <ImportWizard section={props.section} file={dropped()} onClose={() => setOpen(false)} />
        </Suspense>
      </Show>
    </>
  );
}
