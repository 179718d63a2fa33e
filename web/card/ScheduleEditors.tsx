/**
 * Editors of the values events and tasks hold: a date and time (stored as an instant, edited in
 * local time), a reminder offset, and a checklist. Each change is saved at once; a value that
 * cannot be read shows a message and nothing is saved.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import type { KindedValue } from '../schema/fields';
import { REMINDER_PRESETS } from '../schema/fields';
import { instantFromLocal, isInstant, localDayKey, localTimeText } from '../schema/datetime';
import type { EditorProps } from './editor-props';
import { checklistItems, formatReminder, isPresetReminder } from './datetime-format';
import './schedule-editors.css';

/** The time a new date gets when no time was chosen yet: the start of a working day. */
const DEFAULT_TIME = '09:00';

/** A date input and a time input in local time; the field stores the instant (epoch ms). */
export function DateTimeEditor(props: EditorProps): JSX.Element {
  let dayInput!: HTMLInputElement;
  let timeInput!: HTMLInputElement;
  const day = () => (isInstant(props.value) ? localDayKey(props.value) : '');
  const time = () => (isInstant(props.value) ? localTimeText(props.value) : '');
  const save = () => {
    const dayText = dayInput.value;
    const timeText = timeInput.value;
    if (dayText === '' && timeText === '') {
      props.setError(null);
      if (props.value !== undefined && props.value !== null) props.commit(null);
      return;
    }
    const instant = dayText === '' ? null : instantFromLocal(dayText, timeText || DEFAULT_TIME);
    if (instant === null) {
      props.setError(t('schedule.datetime.badDate', { field: props.label }));
      return;
    }
    props.setError(null);
    if (instant !== props.value) props.commit(instant);
  };
  return (
    <div class="card-editor-line schedule-datetime">
      <input
        ref={dayInput}
        id={props.inputId}
        type="date"
        value={day()}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.invalid ? props.errorId : undefined}
        onChange={save}
      />
      <input ref={timeInput} type="time" value={time()} aria-label={t('schedule.datetime.time', { field: props.label })} onChange={save} />
      <Show when={isInstant(props.value)}>
        <button
          type="button"
          class="schedule-clear"
          aria-label={t('schedule.datetime.clear', { field: props.label })}
          title={t('schedule.datetime.clear', { field: props.label })}
          onClick={() => {
            props.setError(null);
            props.commit(null);
          }}
        >
          ×
        </button>
      </Show>
    </div>
  );
}

const CUSTOM = 'custom';

/** A reminder picker: none, at the time, 5/15/30 min, 1/2 h, 1/2 days before, or a custom number of minutes. */
export function ReminderEditor(props: EditorProps): JSX.Element {
  const [customOpen, setCustomOpen] = createSignal(false);
  const minutes = () => (typeof props.value === 'number' && Number.isFinite(props.value) ? props.value : null);
  const custom = () => customOpen() || (minutes() !== null && !isPresetReminder(minutes()!));
  const selected = () => (custom() ? CUSTOM : minutes() === null ? '' : String(minutes()));
  const choose = (choice: string) => {
    props.setError(null);
    if (choice === CUSTOM) {
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    props.commit(choice === '' ? null : Number(choice));
  };
  const saveCustom = (input: HTMLInputElement) => {
    const text = input.value.trim();
    if (text === '' && minutes() === null) return;
    const value = Number(text);
    if (text === '' || !Number.isInteger(value) || value < 0) {
      props.setError(t('schedule.remind.badMinutes'));
      return;
    }
    props.setError(null);
    if (value !== minutes()) props.commit(value);
  };
  return (
    <div class="card-editor-line schedule-reminder">
      <select id={props.inputId} onChange={(event) => choose(event.currentTarget.value)}>
        <option value="" selected={selected() === ''}>
          {t('schedule.remind.none')}
        </option>
        <For each={[...REMINDER_PRESETS]}>
          {(preset) => (
            <option value={String(preset)} selected={selected() === String(preset)}>
              {formatReminder(preset)}
            </option>
          )}
        </For>
        <option value={CUSTOM} selected={selected() === CUSTOM}>
          {custom() && minutes() !== null ? formatReminder(minutes()!) : t('schedule.remind.custom')}
        </option>
      </select>
      <Show when={custom()}>
        <input
          type="number"
          min="0"
          step="1"
          inputMode="numeric"
          class="schedule-minutes"
          value={minutes() ?? ''}
          aria-label={t('schedule.remind.customMinutes', { field: props.label })}
          aria-invalid={props.invalid ? 'true' : undefined}
          aria-describedby={props.invalid ? props.errorId : undefined}
          onBlur={(event) => saveCustom(event.currentTarget)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              saveCustom(event.currentTarget);
            }
          }}
        />
      </Show>
    </div>
  );
}

/** A checklist: tick, rename and remove items, add new ones (Enter adds). */
export function ChecklistEditor(props: EditorProps): JSX.Element {
  let newItem!: HTMLInputElement;
  const items = () => checklistItems(props.value);
  const save = (next: KindedValue[]) => {
    props.setError(null);
    props.commit(next.length ? next : null);
  };
  const add = () => {
    const text = newItem.value.trim();
    if (!text) {
      props.setError(t('schedule.checklist.empty'));
      return;
    }
    save([...items(), { kind: 'open', value: text }]);
    newItem.value = '';
    newItem.focus();
  };
  const rename = (index: number, input: HTMLInputElement) => {
    const text = input.value.trim();
    if (text === items()[index]?.value) return;
    if (!text) {
      props.setError(t('schedule.checklist.empty'));
      return;
    }
    save(items().map((item, at) => (at === index ? { ...item, value: text } : item)));
  };
  return (
    <div class="schedule-checklist" role="group" aria-label={props.label}>
      <ul>
        <For each={items()}>
          {(item, index) => (
            <li classList={{ 'schedule-item-done': item.kind === 'done' }}>
              <input
                type="checkbox"
                checked={item.kind === 'done'}
                aria-label={t('schedule.checklist.tick', { item: item.value })}
                onChange={(event) => save(items().map((entry, at) => (at === index() ? { ...entry, kind: event.currentTarget.checked ? 'done' : 'open' } : entry)))}
              />
              <input
                type="text"
                value={item.value}
                aria-label={t('schedule.checklist.item', { n: index() + 1 })}
                onBlur={(event) => rename(index(), event.currentTarget)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    rename(index(), event.currentTarget);
                  }
                }}
              />
              <button type="button" class="schedule-remove" aria-label={t('schedule.checklist.remove', { item: item.value })} title={t('schedule.checklist.remove', { item: item.value })} onClick={() => save(items().filter((_, at) => at !== index()))}>
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
      <div class="card-editor-line">
        <input
          ref={newItem}
          id={props.inputId}
          type="text"
          aria-label={t('schedule.checklist.newItem', { field: props.label })}
          aria-invalid={props.invalid ? 'true' : undefined}
          aria-describedby={props.invalid ? props.errorId : undefined}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          {t('schedule.checklist.add')}
        </button>
      </div>
    </div>
  );
}
