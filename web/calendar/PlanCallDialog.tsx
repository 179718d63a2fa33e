/**
 * Planning a call (or another event type) at a clicked slot: type, subject and time, created
 * through logEvent as a planned event assigned to the user; its card opens next for the rest.
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { t } from '../i18n/i18n';
import { logEvent } from '../engine/commands';
import { optionLabel } from '../card/option-labels';
import { commandFailure } from '../card/command-failure';
import { DEFAULT_EVENT_TYPES } from '../schema/fields';
import { fromDateTimeInput, toDateTimeInput } from '../today/reschedule';

/** Minutes a call planned from the calendar lasts unless the card says otherwise. */
const DEFAULT_DURATION = 30;

/** The modal that plans an event at `at`; `onPlanned` gets the new event's id. */
export function PlanCallDialog(props: { at: number; timeZone: string; onPlanned: (eventId: string) => void; onClose: () => void }): JSX.Element {
  const base = useBase();
  const kindField = () => base.fields('events').find((field) => field.id === 'kind');
  const kinds = () => kindField()?.options ?? DEFAULT_EVENT_TYPES;
  const [kind, setKind] = createSignal(kinds().includes('call') ? 'call' : (kinds()[0] ?? 'call'));
  const [subject, setSubject] = createSignal('');
  const [when, setWhen] = createSignal(toDateTimeInput(props.at, props.timeZone));
  const [problem, setProblem] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let dialog!: HTMLDialogElement;
  let subjectInput!: HTMLInputElement;
  onMount(() => {
    dialog.showModal();
    subjectInput.focus();
  });

  const label = (value: string) => {
    const field = kindField();
    return field ? optionLabel(field, value) : value;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const start = fromDateTimeInput(when(), props.timeZone);
    if (start === null) return setProblem(t('today.badTime'));
    setSaving(true);
    setProblem(null);
    try {
      const id = await logEvent(base.engine, { status: 'planned', kind: kind(), subject: subject().trim(), start, duration: DEFAULT_DURATION, assignee: base.engine.user.id });
      props.onPlanned(id);
    } catch (error) {
      setProblem(commandFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="plan-dialog"
      aria-labelledby="plan-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="plan-dialog-title">{t('calendar.plan.title')}</h2>
        <label>
          <span>{t('calendar.plan.kind')}</span>
          <select value={kind()} onChange={(event) => setKind(event.currentTarget.value)}>
            <For each={kinds()}>{(value) => <option value={value}>{label(value)}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('calendar.plan.subject')}</span>
          <input ref={subjectInput} type="text" value={subject()} onInput={(event) => setSubject(event.currentTarget.value)} />
        </label>
        <label>
          <span>{t('calendar.plan.when')}</span>
          <input type="datetime-local" value={when()} aria-invalid={problem() !== null} onInput={(event) => setWhen(event.currentTarget.value)} />
        </label>
        <p class="plan-hint">{t('calendar.plan.hint')}</p>
        <Show when={problem()}>
          <p class="plan-problem" role="alert">{problem()}</p>
        </Show>
        <div class="plan-actions">
          <button type="button" onClick={() => props.onClose()}>{t('today.cancel')}</button>
          <button type="submit" class="primary" disabled={saving()}>{t('calendar.plan.save')}</button>
        </div>
      </form>
    </dialog>
  );
}
