/** One labelled field of a card: picks the editor for the field's type and shows its error. */
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { fieldLabel } from '../app/labels';
import type { FieldDef, FieldValue } from '../schema/fields';
import type { EditorProps } from './editor-props';
import { TextEditor } from './TextEditor';
import { BoolEditor, ChoiceEditor, MultiChoiceEditor, UserEditor } from './ChoiceEditors';
import { ChecklistEditor, DateTimeEditor, ReminderEditor } from './ScheduleEditors';
import { KindedListEditor } from './KindedListEditor';
import { RefPicker } from './RefPicker';
import { PhotoField } from './PhotoField';
import { ReadOnlyValue } from './ReadOnlyValue';
import { ageOn } from './parse';

let nextRowId = 0;

const GROUP_TYPES = new Set(['phones', 'emails', 'accounts', 'multichoice', 'checklist']);

/** A field of the card with its label, editor and error message. */
export function FieldRow(props: {
  field: FieldDef;
  value: FieldValue | undefined;
  commit: (value: FieldValue) => void;
  /** The record's name (the photo's text alternative). */
  recordName: string;
  /** Told whenever the field starts or stops showing an error. */
  onInvalid?: (fieldId: string, invalid: boolean) => void;
  /** Shows the value as text with no editor (View-only user, or a book shared read-only). */
  readOnly?: boolean;
}): JSX.Element {
  const rowId = `card-field-${++nextRowId}`;
  const [error, setErrorSignal] = createSignal<string | null>(null);
  const setError = (message: string | null) => {
    setErrorSignal(message);
    props.onInvalid?.(props.field.id, message !== null);
  };
  const label = () => fieldLabel(props.field);
  // Getters keep the editors reactive to the value and error (Solid props are read lazily).
  const editorProps: EditorProps = {
    get field() {
      return props.field;
    },
    get label() {
      return label();
    },
    inputId: `${rowId}-input`,
    get value() {
      return props.value;
    },
    commit: (value) => props.commit(value),
    setError,
    get invalid() {
      return error() !== null;
    },
    errorId: `${rowId}-error`,
  };
  const age = () => (props.field.id === 'birthday' && typeof props.value === 'string' ? ageOn(props.value, new Date()) : null);
  const wide = () => props.field.type === 'longtext' || GROUP_TYPES.has(props.field.type);
  return (
    <div class="card-field" classList={{ 'card-field-wide': wide() }} data-field={props.field.id}>
      <Show when={!props.readOnly && !GROUP_TYPES.has(props.field.type)} fallback={<span class="card-label" id={`${rowId}-label`}>{label()}</span>}>
        <label class="card-label" for={`${rowId}-input`}>{label()}</label>
      </Show>
      <div class="card-value">
        <Switch fallback={<TextEditor {...editorProps} />}>
          <Match when={props.readOnly}>
            <ReadOnlyValue field={props.field} value={props.value} labelId={`${rowId}-label`} recordName={props.recordName} />
          </Match>
          <Match when={props.field.type === 'bool'}>
            <BoolEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'choice'}>
            <ChoiceEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'multichoice'}>
            <MultiChoiceEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'user'}>
            <UserEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'datetime'}>
            <DateTimeEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'reminder'}>
            <ReminderEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'checklist'}>
            <ChecklistEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'phones' || props.field.type === 'emails' || props.field.type === 'accounts'}>
            <KindedListEditor {...editorProps} />
          </Match>
          <Match when={props.field.type === 'ref'}>
            <RefPicker {...editorProps} />
          </Match>
          <Match when={props.field.type === 'photo'}>
            <PhotoField {...editorProps} name={props.recordName} />
          </Match>
        </Switch>
        <Show when={age() !== null}>
          <span class="card-age">{t('card.age', { age: age()! })}</span>
        </Show>
        <Show when={error()}>
          <p class="card-error" id={`${rowId}-error`} role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </div>
  );
}
