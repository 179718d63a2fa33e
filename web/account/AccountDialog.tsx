/** A modal dialog of the account pages (native <dialog>: focus trap and Escape for free). */
import { onMount, type JSX } from 'solid-js';

/** A modal with a title; Escape or the dialog's own cancel calls onClose. */
export function AccountDialog(props: { id: string; title: string; role?: 'dialog' | 'alertdialog'; onClose: () => void; children: JSX.Element }): JSX.Element {
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());
  return (
    <dialog
      ref={dialog}
      class="account-dialog"
      role={props.role ?? 'dialog'}
      aria-labelledby={`${props.id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
