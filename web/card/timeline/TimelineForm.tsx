/** The frame the timeline's forms share: a titled form that Escape closes (not the card around it), with its failure shown as an alert. */
import { Show, type JSX } from 'solid-js';

/** A timeline form titled `title`; `onSubmit` runs when it is submitted (without it, submitting does nothing). */
export function TimelineForm(props: {
  titleId: string;
  title: string;
  error: string | null;
  onSubmit?: () => void;
  onCancel: () => void;
  children: JSX.Element;
}): JSX.Element {
  return (
    <form
      class="timeline-form"
      aria-labelledby={props.titleId}
      // Our own message names the bad field; the browser's bubble would not say nothing was saved.
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit?.();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The card closes on Escape too: only the form closes here.
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h4 id={props.titleId}>{props.title}</h4>
      {props.children}
      <Show when={props.error}>
        <p class="card-error" role="alert">
          {props.error}
        </p>
      </Show>
    </form>
  );
}
