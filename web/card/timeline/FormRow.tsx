/** A labelled control of the timeline's forms: a `<label for>` so the control's name is just the label (a wrapping label would add a select's option texts). */
import { createUniqueId, type JSX } from 'solid-js';

/** One form row; `children` gets the id the control must carry. */
export function FormRow(props: { label: string; children: (id: string) => JSX.Element }): JSX.Element {
  const id = createUniqueId();
  return (
    <div class="timeline-form-row">
      <label for={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}
