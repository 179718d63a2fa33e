/** A modal question with a dangerous action: Cancel has the focus, Escape cancels. */
import { onMount, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';

/** Asks before an action that cannot be taken back except by undo. */
export function ConfirmDialog(props: { title: string; text: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }): JSX.Element {
  let dialog!: HTMLDialogElement;
  let cancel!: HTMLButtonElement;
  onMount(() => {
    dialog.showModal();
    cancel.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="settings-dialog"
      role="alertdialog"
      aria-labelledby="settings-confirm-title"
      aria-describedby="settings-confirm-text"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="settings-confirm-title">{props.title}</h2>
      <p id="settings-confirm-text">{props.text}</p>
      <div class="settings-dialog-actions">
        <button type="button" ref={cancel} onClick={() => props.onCancel()}>
          {t('settings.cancel')}
        </button>
        <button type="button" class="danger" onClick={() => props.onConfirm()}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
