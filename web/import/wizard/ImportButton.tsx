/**
 * The table toolbar's "Import…" button: opens the import wizard, loaded on first use so the
 * wizard (and the engine's readers) stay out of the start-up bundle. The caller shows it only to
 * users who may create records.
 */
import { createSignal, lazy, Show, Suspense, type JSX } from 'solid-js';
import { t } from '../../i18n/i18n';
import type { SectionId } from '../../schema/fields';

const ImportWizard = lazy(() => import('./ImportWizard'));

/** "Import…" and the wizard it opens for `section`. */
export function ImportButton(props: { section: SectionId }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('import.wizard.open')}
      </button>
      <Show when={open()}>
        <Suspense>
          <ImportWizard section={props.section} onClose={() => setOpen(false)} />
        </Suspense>
      </Show>
    </>
  );
}
