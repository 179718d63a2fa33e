/** Labelled controls of the timeline's forms: a `<label for>` so the control's name is just the label (a wrapping label would add a select's option texts). */
import { createUniqueId, For, type JSX } from 'solid-js';
import { t } from '../../i18n/i18n';

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

/** A person a call or plan on an organization's card can be tied to. */
export interface CallPerson {
  id: string;
  name: string;
}

/** The choice of the organization's person a call or plan is with ('' = none, the organization only). */
export function PersonRow(props: { people: CallPerson[]; value: string; onChange: (personId: string) => void }): JSX.Element {
  return (
    <FormRow label={t('timeline.log.person')}>
      {(id) => (
        <select id={id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
          <option value="">{t('timeline.log.noPerson')}</option>
          <For each={props.people}>{(entry) => <option value={entry.id}>{entry.name}</option>}</For>
        </select>
      )}
    </FormRow>
  );
}
