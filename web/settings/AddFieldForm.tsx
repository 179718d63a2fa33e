/** The form that adds a custom field to a section: name, type and, for choices, options. */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { fieldLabel } from '../app/labels';
import { addField } from '../engine/commands';
import { CUSTOM_FIELD_TYPES, type CustomFieldType, type SectionId } from '../schema/fields';
import { checkNewField, cleanOptions, needsOptions, type FieldProblem } from './field-rules';
import { problemMessage } from './problem-messages';
import { fieldTypeLabel } from './type-labels';
import { OptionsEditor } from './OptionsEditor';

/** Adds a custom field at the end of the section's fields. */
export function AddFieldForm(props: { section: SectionId; sectionName: string }): JSX.Element {
  const base = useBase();
  const [label, setLabel] = createSignal('');
  const [type, setType] = createSignal<CustomFieldType>('text');
  const [options, setOptions] = createSignal<string[]>([]);
  const [problem, setProblem] = createSignal<FieldProblem | null>(null);
  const [added, setAdded] = createSignal<string | null>(null);
  let nameInput!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const fields = base.fields(props.section);
    const draft = { label: label(), type: type(), options: options() };
    const found = checkNewField(draft, fields.map(fieldLabel));
    setProblem(found);
    setAdded(null);
    if (found) {
      if (found !== 'noOptions') nameInput.focus();
      return;
    }
    const name = label().trim();
    await addField(base.engine, { section: props.section, type: type(), label: name, options: needsOptions(type()) ? cleanOptions(options()) : undefined }, fields);
    setLabel('');
    setOptions([]);
    setAdded(name);
    nameInput.focus();
  };

  const nameProblem = () => problem() === 'emptyName' || problem() === 'duplicateName';
  return (
    <form class="settings-add" aria-labelledby="settings-add-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="settings-add-heading">{t('settings.add.title', { section: props.sectionName })}</h3>
      <div class="settings-add-row">
        <label>
          <span>{t('settings.add.name')}</span>
          <input
            ref={nameInput}
            type="text"
            value={label()}
            aria-invalid={nameProblem() ? 'true' : undefined}
            aria-describedby={problem() ? 'settings-add-error' : undefined}
            onInput={(event) => {
              setLabel(event.currentTarget.value);
              setProblem(null);
              setAdded(null);
            }}
          />
        </label>
        <label>
          <span>{t('settings.add.type')}</span>
          <select
            value={type()}
            onChange={(event) => {
              setType(event.currentTarget.value as CustomFieldType);
              setProblem(null);
            }}
          >
            <For each={CUSTOM_FIELD_TYPES}>
              {(code) => (
                <option value={code} selected={code === type()}>
                  {fieldTypeLabel(code)}
                </option>
              )}
            </For>
          </select>
        </label>
        <button type="submit" class="primary">
          {t('settings.add.submit')}
        </button>
      </div>
      <Show when={needsOptions(type())}>
        <OptionsEditor idPrefix="settings-add" options={options()} invalid={problem() === 'noOptions'} onChange={(next) => (setOptions(next), setProblem(null))} />
      </Show>
      <Show when={problem()}>
        {(current) => (
          <p class="settings-error" role="alert" id="settings-add-error">
            {problemMessage(current(), { name: label().trim(), section: props.sectionName })}
          </p>
        )}
      </Show>
      <Show when={added()}>
        {(name) => (
          <p class="settings-done" role="status">
            {t('settings.add.done', { name: name() })}
          </p>
        )}
      </Show>
    </form>
  );
}
