/** One field in the field editor: name box, type, shown switch, move buttons, delete. */
import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { fieldLabel } from '../app/labels';
import { changeField, deleteField, reorderFields } from '../engine/commands';
import { hasFixedOptions, type FieldDef, type SectionId } from '../schema/fields';
import { optionLabel } from '../card/option-labels';
import { canHideField, checkFieldName, labelToStore, needsOptions, orderAfterMove } from './field-rules';
import { problemMessage } from './problem-messages';
import { fieldTypeLabel } from './type-labels';
import { OptionsEditor } from './OptionsEditor';
import { focusLater } from './focus';

/** A row of the fields table; reads its definition by id so it survives renames and moves. */
export function FieldRow(props: { section: SectionId; fieldId: string; first: boolean; last: boolean; sectionName: string }): JSX.Element {
  const base = useBase();
  const field = (): FieldDef | undefined => base.fields(props.section).find((entry) => entry.id === props.fieldId);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [editingOptions, setEditingOptions] = createSignal(false);
  let input!: HTMLInputElement;
  let up!: HTMLButtonElement;
  let down!: HTMLButtonElement;

  const name = () => {
    const def = field();
    return def ? fieldLabel(def) : props.fieldId;
  };
  const defaultLabel = (def: FieldDef) => (def.builtin ? fieldLabel({ ...def, label: undefined }) : '');

  const rename = () => {
    const def = field();
    if (!def) return;
    const result = labelToStore(def, input.value, defaultLabel(def));
    if ('problem' in result) {
      setProblem(problemMessage(result.problem));
      return;
    }
    const shownAs = result.label || defaultLabel(def);
    const others = base.fields(props.section).filter((entry) => entry.id !== def.id).map(fieldLabel);
    const nameProblem = checkFieldName(shownAs, others);
    if (nameProblem) {
      setProblem(problemMessage(nameProblem, { name: shownAs, section: props.sectionName }));
      return;
    }
    setProblem(null);
    if (result.label === (def.label ?? '')) {
      input.value = name();
      return;
    }
    void changeField(base.engine, props.section, def.id, { label: result.label });
  };

  const move = async (delta: -1 | 1) => {
    const order = orderAfterMove(base.fields(props.section), props.fieldId, delta);
    if (!order) return;
    await reorderFields(base.engine, props.section, order);
    // The row's DOM node moves; put the focus back on the button pressed (or its partner at an end).
    requestAnimationFrame(() => {
      const pressed = delta < 0 ? up : down;
      (pressed.disabled ? (delta < 0 ? down : up) : pressed).focus();
    });
  };

  // The row leaves the table: the keyboard user lands on the field's Restore button instead.
  const remove = async () => {
    await deleteField(base.engine, props.section, props.fieldId);
    focusLater(`[data-restore="${props.fieldId}"]`);
  };

  const errorId = () => `settings-field-error-${props.section}-${props.fieldId}`;
  return (
    <Show when={field()}>
      {(def) => (
        <>
          <tr classList={{ 'settings-row-hidden': def().hidden }} data-field-id={props.fieldId}>
            <td>
              <input
                ref={input}
                type="text"
                value={name()}
                placeholder={def().builtin ? defaultLabel(def()) : undefined}
                aria-label={t('settings.fields.nameOf', { name: name() })}
                aria-invalid={problem() ? 'true' : undefined}
                aria-describedby={problem() ? errorId() : undefined}
                onChange={rename}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    input.value = name();
                    setProblem(null);
                  }
                }}
              />
              <Show when={problem()}>
                {(message) => (
                  <p class="settings-error" role="alert" id={errorId()}>
                    {message()}
                  </p>
                )}
              </Show>
            </td>
            <td>
              {fieldTypeLabel(def().type)}
              <span class="settings-badge">{def().builtin ? t('settings.fields.builtin') : t('settings.fields.custom')}</span>
            </td>
            <td>
              <input
                type="checkbox"
                checked={!def().hidden}
                disabled={!canHideField(def())}
                title={canHideField(def()) ? undefined : t('settings.fields.titleStays')}
                aria-label={t('settings.fields.showOf', { name: name() })}
                onChange={(event) => void changeField(base.engine, props.section, props.fieldId, { hidden: !event.currentTarget.checked })}
              />
            </td>
            <td class="settings-move">
              <button type="button" ref={up} disabled={props.first} aria-label={t('settings.fields.moveUp', { name: name() })} title={t('settings.fields.moveUp', { name: name() })} onClick={() => void move(-1)}>
                ↑
              </button>
              <button type="button" ref={down} disabled={props.last} aria-label={t('settings.fields.moveDown', { name: name() })} title={t('settings.fields.moveDown', { name: name() })} onClick={() => void move(1)}>
                ↓
              </button>
            </td>
            <td class="settings-actions">
              <Show when={needsOptions(def().type) && !hasFixedOptions(def())}>
                <button type="button" aria-expanded={editingOptions()} aria-label={t('settings.fields.optionsOf', { name: name() })} onClick={() => setEditingOptions(!editingOptions())}>
                  {t('settings.fields.options')}
                </button>
              </Show>
              <Show when={!def().builtin}>
                <button type="button" class="danger" aria-label={t('settings.fields.deleteOf', { name: name() })} onClick={() => void remove()}>
                  {t('settings.fields.delete')}
                </button>
              </Show>
            </td>
          </tr>
          <Show when={editingOptions() && needsOptions(def().type) && !hasFixedOptions(def())}>
            <tr class="settings-options-row">
              <td colSpan={5}>
                <OptionsEditor
                  idPrefix={`settings-field-${props.section}-${props.fieldId}`}
                  options={def().options ?? []}
                  keepOne
                  label={(option) => optionLabel(def(), option)}
                  onChange={(options) => void changeField(base.engine, props.section, props.fieldId, { options })}
                />
              </td>
            </tr>
          </Show>
        </>
      )}
    </Show>
  );
}
