/**
 * "Plan…": a call, meeting or any event kind of the company's list, at a date and time, with an
 * optional reminder for the user who plans it (the assignee). Saved as a planned event.
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { t } from '../../i18n/i18n';
import { useBase } from '../../app/base';
import { logEvent } from '../../engine/commands';
import { REMINDER_PRESETS } from '../../schema/fields';
import { optionLabel } from '../option-labels';
import { FormRow, PersonRow, type CallPerson } from './FormRow';
import { TimelineForm } from './TimelineForm';
import { formatReminder } from '../datetime-format';
import { commandFailure } from '../command-failure';
import { dateTimeInputs, defaultPlanTime, eventField, localInstant, planValues } from './event-values';

const NO_REMINDER = 'none';

/** The plan form of the card of `recordId`; `onPlanned` gets the new event's id. */
export function PlanForm(props: {
  recordId: string;
  section: 'orgs' | 'people';
  people: CallPerson[];
  onPlanned: (eventId: string) => void;
  onCancel: () => void;
}): JSX.Element {
  const base = useBase();
  const kindField = () => eventField(base.fields('events'), 'kind');
  const kinds = () => kindField()?.options ?? ['call'];
  const initial = dateTimeInputs(defaultPlanTime(Date.now()));
  const [kind, setKind] = createSignal(kinds()[0] ?? 'call');
  const [subject, setSubject] = createSignal('');
  const [date, setDate] = createSignal(initial.date);
  const [time, setTime] = createSignal(initial.time);
  const [remind, setRemind] = createSignal('15');
  const [person, setPerson] = createSignal('');
  const [comment, setComment] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let kindSelect!: HTMLSelectElement;
  onMount(() => kindSelect.focus());

  const save = async () => {
    if (saving()) return;
    const start = localInstant(date(), time());
    if (start === null) return setError(t('timeline.plan.badWhen'));
    setSaving(true);
    setError(null);
    try {
      const values = planValues(props.section, props.recordId, person() || null, {
        kind: kind(),
        subject: subject(),
        start,
        remind: remind() === NO_REMINDER ? null : Number(remind()),
        comment: comment(),
      });
      props.onPlanned(await logEvent(base.engine, values));
    } catch (failure) {
      setError(t('timeline.plan.failed', { message: commandFailure(failure) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <TimelineForm titleId="timeline-plan-title" title={t('timeline.plan.title')} error={error()} onSubmit={() => void save()} onCancel={() => props.onCancel()}>
      <div class="timeline-form-grid">
        <FormRow label={t('timeline.plan.kind')}>
          {(id) => (
            <select id={id} ref={kindSelect} value={kind()} onChange={(event) => setKind(event.currentTarget.value)}>
              <For each={kinds()}>{(option) => <option value={option}>{kindField() ? optionLabel(kindField()!, option) : option}</option>}</For>
            </select>
          )}
        </FormRow>
        <FormRow label={t('timeline.plan.date')}>
          {(id) => (
            <input id={id} type="date" required value={date()} onInput={(event) => setDate(event.currentTarget.value)} />
          )}
        </FormRow>
        <FormRow label={t('timeline.plan.time')}>
          {(id) => (
            <input id={id} type="time" required value={time()} onInput={(event) => setTime(event.currentTarget.value)} />
          )}
        </FormRow>
        <FormRow label={t('timeline.plan.remind')}>
          {(id) => (
            <select id={id} value={remind()} onChange={(event) => setRemind(event.currentTarget.value)}>
              <option value={NO_REMINDER}>{t('schedule.remind.none')}</option>
              <For each={[...REMINDER_PRESETS]}>{(minutes) => <option value={String(minutes)}>{formatReminder(minutes)}</option>}</For>
            </select>
          )}
        </FormRow>
      </div>
      <Show when={props.section === 'orgs' && props.people.length > 0}>
        <PersonRow people={props.people} value={person()} onChange={setPerson} />
      </Show>
      <FormRow label={t('timeline.plan.subject')}>
        {(id) => (
          <input id={id} type="text" value={subject()} onInput={(event) => setSubject(event.currentTarget.value)} />
        )}
      </FormRow>
      <FormRow label={t('timeline.log.comment')}>
        {(id) => (
          <textarea id={id} rows={2} value={comment()} onInput={(event) => setComment(event.currentTarget.value)} />
        )}
      </FormRow>
      <div class="timeline-results">
        <button type="submit" class="primary" disabled={saving()}>
          {t('timeline.plan.save')}
        </button>
        <button type="button" class="timeline-cancel" onClick={() => props.onCancel()}>
          {t('timeline.log.cancel')}
        </button>
      </div>
    </TimelineForm>
  );
}
