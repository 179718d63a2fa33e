/**
 * One-line and multi-line text-like editors (text, number, money, date, e-mail, phone, link,
 * tags): saved on blur or Enter, Esc reverts what was typed, a refused value stays in the box
 * with a message and nothing is saved.
 */
import { Show, type JSX } from 'solid-js';
import { formatDate, formatMoney, formatNumber, language, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { isNumericType, type FieldType, type FieldValue } from '../schema/fields';
import type { EditorProps } from './editor-props';
import { parseInput } from './parse';
import { inputErrorMessage } from './field-errors';
import { ValueLink } from './ValueLink';

/** The text a stored value is shown as in its input. */
export function displayText(type: FieldType, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isNumericType(type)) return typeof value === 'number' ? formatNumber(value, { maximumFractionDigits: 20 }) : String(value);
  if (type === 'date') return typeof value === 'string' ? formatDate(value) : '';
  if (Array.isArray(value)) return value.map((entry) => (typeof entry === 'string' ? entry : entry.value)).join(', ');
  return String(value);
}

/** A text-like field editor. */
export function TextEditor(props: EditorProps): JSX.Element {
  const base = useBase();
  const shown = () => displayText(props.field.type, props.value);
  const save = (input: HTMLInputElement | HTMLTextAreaElement) => {
    const text = input.value;
    if (text === shown()) {
      props.setError(null);
      return;
    }
    const parsed = parseInput(props.field.type, text, language());
    if (!parsed.ok) {
      props.setError(inputErrorMessage(parsed.error, text, props.label));
      return;
    }
    props.setError(null);
    props.commit(parsed.value);
  };
  const onKeyDown = (event: KeyboardEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    const multiline = event.currentTarget.tagName === 'TEXTAREA';
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(event.currentTarget);
    } else if (event.key === 'Escape' && event.currentTarget.value !== shown()) {
      // First Esc takes back the typing, the next one closes the card.
      event.preventDefault();
      event.stopPropagation();
      event.currentTarget.value = shown();
      props.setError(null);
    }
  };
  const common = () => ({
    id: props.inputId,
    'aria-invalid': props.invalid ? ('true' as const) : undefined,
    'aria-describedby': props.invalid ? props.errorId : undefined,
    onKeyDown,
    onBlur: (event: FocusEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => save(event.currentTarget),
  });
  const placeholder = () => (props.field.type === 'date' ? t('card.dateExample', { example: formatDate('2024-12-31') }) : undefined);
  const inputMode = () => (isNumericType(props.field.type) ? 'decimal' : props.field.type === 'phone' ? 'tel' : undefined);
  const inputType = () => (props.field.type === 'email' ? 'email' : props.field.type === 'phone' ? 'tel' : 'text');
  return (
    <div class="card-editor-line">
      <Show
        when={props.field.type === 'longtext'}
        fallback={<input {...common()} type={inputType()} value={shown()} placeholder={placeholder()} inputMode={inputMode()} autocomplete="off" />}
      >
        <textarea {...common()} value={shown()} rows={3} />
      </Show>
      <Show when={props.field.type === 'money' && typeof props.value === 'number'}>
        <output class="card-money" for={props.inputId}>{formatMoney(props.value as number, base.settings().currency)}</output>
      </Show>
      <Show when={(props.field.type === 'phone' || props.field.type === 'email' || props.field.type === 'link') && typeof props.value === 'string'}>
        <ValueLink type={props.field.type as 'phone' | 'email' | 'link'} value={props.value as string} />
      </Show>
    </div>
  );
}
