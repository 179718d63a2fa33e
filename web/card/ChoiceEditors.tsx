/** Editors that pick rather than type: yes/no, choice, multi-choice and user. Saved on change. */
import { For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import type { EditorProps } from './editor-props';
import { optionLabel } from './option-labels';

/** A yes/no checkbox. */
export function BoolEditor(props: EditorProps): JSX.Element {
  return <input id={props.inputId} type="checkbox" checked={props.value === true} onChange={(event) => props.commit(event.currentTarget.checked)} />;
}

/** A drop-down of the field's options; a stored value no longer in the list is kept and shown. */
export function ChoiceEditor(props: EditorProps): JSX.Element {
  const options = () => {
    const list = [...(props.field.options ?? [])];
    if (typeof props.value === 'string' && props.value && !list.includes(props.value)) list.push(props.value);
    return list;
  };
  return (
    <select id={props.inputId} onChange={(event) => props.commit(event.currentTarget.value || null)}>
      <option value="" selected={typeof props.value !== 'string' || props.value === ''}>
        {t('card.choose')}
      </option>
      <For each={options()}>
        {(option) => (
          <option value={option} selected={props.value === option}>
            {optionLabel(props.field, option)}
          </option>
        )}
      </For>
    </select>
  );
}

/** Check boxes for a multi-choice field, grouped under the field's label. */
export function MultiChoiceEditor(props: EditorProps): JSX.Element {
  const selected = () => (Array.isArray(props.value) ? (props.value as string[]) : []);
  const options = () => [...new Set([...(props.field.options ?? []), ...selected()])];
  const toggle = (option: string, on: boolean) => {
    const next = options().filter((candidate) => (candidate === option ? on : selected().includes(candidate)));
    props.commit(next.length ? next : null);
  };
  return (
    <div class="card-multichoice" role="group" id={props.inputId} aria-label={props.label}>
      <For each={options()}>
        {(option) => (
          <label class="card-check">
            <input type="checkbox" checked={selected().includes(option)} onChange={(event) => toggle(option, event.currentTarget.checked)} />
            {optionLabel(props.field, option)}
          </label>
        )}
      </For>
      <Show when={options().length === 0}>
        <span class="card-muted">—</span>
      </Show>
    </div>
  );
}

/** A drop-down of the users known to the company (in a base without a relay: this device's user). */
export function UserEditor(props: EditorProps): JSX.Element {
  const base = useBase();
  const users = () => {
    const list = [...base.userNames()];
    if (!base.userNames().has(base.engine.user.id)) list.unshift([base.engine.user.id, base.engine.user.name]);
    if (typeof props.value === 'string' && props.value && !base.userNames().has(props.value) && props.value !== base.engine.user.id) list.push([props.value, t('schedule.user.unknown')]);
    return list;
  };
  return (
    <select id={props.inputId} onChange={(event) => props.commit(event.currentTarget.value || null)}>
      <option value="" selected={!props.value}>
        {t('card.choose')}
      </option>
      <For each={users()}>
        {([id, name]) => (
          <option value={id} selected={props.value === id}>
            {name}
          </option>
        )}
      </For>
    </select>
  );
}
