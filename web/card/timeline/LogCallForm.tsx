/**
 * "Log a call" in two clicks: the form opens focused, the results are buttons, and clicking one
 * saves the call (done, now, by me, with the card's person / organization). The comment is
 * optional. On an organization's card the call can be tied to one of its people. The same form
 * records the result of a planned event (it becomes done).
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/i18n';
import { useBase } from '../../app/base';
import { logEvent, updateFields } from '../../engine/commands';
import { optionLabel } from '../option-labels';
import { FormRow, PersonRow, type CallPerson } from './FormRow';
import { TimelineForm } from './TimelineForm';
import { commandFailure } from '../command-failure';
import type { FieldValue } from '../../schema/fields';
import { callValues, completionValues, eventField } from './event-values';

/** A planned event whose result is being recorded. */
export interface PlannedEvent {
  id: string;
  /** Its planned time, if it has one. */
  start: number | null;
  /** How the timeline names it ("Meeting Contract talk"). */
  label: string;
  comment: string;
}

/** The log-a-call form of the card of `recordId` (or the result form of `planned`); `onLogged` gets the event's id. */
export function LogCallForm(props: {
  recordId: string;
  section: 'orgs' | 'people';
  people: CallPerson[];
  /** The person preselected (a call started from a person's phone). */
  personId?: string;
  planned?: PlannedEvent;
  onLogged: (eventId: string) => void;
  onCancel: () => void;
}): JSX.Element {
  const base = useBase();
  const [comment, setComment] = createSignal(props.planned?.comment ?? '');
  const [person, setPerson] = createSignal(props.personId ?? '');
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const resultField = () => eventField(base.fields('events'), 'result');
  const results = () => resultField()?.options ?? [];
  let commentBox!: HTMLTextAreaElement;
  onMount(() => commentBox.focus());

  const save = async (result: string | null) => {
    if (saving()) return;
    setSaving(true);
    setError(null);
    try {
      const planned = props.planned;
      if (planned) {
        await updateFields(base.engine, planned.id, completionValues(planned.start, Date.now(), result, comment()));
        return props.onLogged(planned.id);
      }
      const values: Record<string, FieldValue> = callValues(props.section, props.recordId, person() || null, result, comment());
      props.onLogged(await logEvent(base.engine, values));
    } catch (failure) {
      setError(t('timeline.log.failed', { message: commandFailure(failure) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <TimelineForm
      titleId="timeline-log-title"
      title={props.planned ? t('timeline.complete.title', { item: props.planned.label }) : t('timeline.log.title')}
      error={error()}
      onCancel={() => props.onCancel()}
    >
      <Show when={!props.planned && props.section === 'orgs' && props.people.length > 0}>
        <PersonRow people={props.people} value={person()} onChange={setPerson} />
      </Show>
      <FormRow label={t('timeline.log.comment')}>
        {(id) => (
          <textarea id={id} ref={commentBox} rows={2} value={comment()} onInput={(event) => setComment(event.currentTarget.value)} />
        )}
      </FormRow>
      <p class="timeline-form-hint" id="timeline-log-hint">
        {props.planned ? t('timeline.complete.results') : t('timeline.log.results')}
      </p>
      <div class="timeline-results" role="group" aria-labelledby="timeline-log-hint">
        <For each={results()} fallback={<button type="button" class="primary" disabled={saving()} onClick={() => void save(null)}>{t('timeline.log.save')}</button>}>
          {(result) => (
            <button type="button" class="timeline-result" data-result={result} disabled={saving()} onClick={() => void save(result)}>
              {optionLabel(resultField()!, result)}
            </button>
          )}
        </For>
        <button type="button" class="timeline-cancel" onClick={() => props.onCancel()}>
          {t('timeline.log.cancel')}
        </button>
      </div>
    </TimelineForm>
  );
}
