/**
 * One line of the Today view: when, what, for which client, and the one-click actions
 * (call, mail, mark done, reschedule, open). Changes go through commands.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { formatDate, t } from '../i18n/i18n';
import { setRecordStatus, updateField } from '../engine/commands';
import { canEditRecord } from '../card/access-rules';
import { commandFailure } from '../card/command-failure';
import { optionLabel } from '../card/option-labels';
import { itemContact } from './item-contact';
import { fromDateTimeInput, timeField, toDateTimeInput, tomorrowSameTime } from './reschedule';
import { formatDayTime, formatTime } from './format-time';
import type { AgendaItem } from './today-items';

/** A line of an agenda list; `onOpen` shows the record's card, `onError` reports a refused command. */
export function AgendaLine(props: {
  item: AgendaItem;
  now: number;
  timeZone: string;
  /** The local day [start, end): times outside it are shown with their day. */
  dayStart: number;
  dayEnd: number;
  showAssignee: boolean;
  onOpen: (recordId: string) => void;
  onError: (message: string | null) => void;
}): JSX.Element {
  const base = useBase();
  const [rescheduling, setRescheduling] = createSignal(false);
  const [newTime, setNewTime] = createSignal('');
  const [timeProblem, setTimeProblem] = createSignal<string | null>(null);
  const item = () => props.item;
  const contact = () => (base.rowsVersion(), itemContact(item(), (id) => base.engine.rows.get(id)));
  const isWork = () => item().kind === 'event' || item().kind === 'task';
  const editable = () => {
    const row = base.engine.rows.get(item().recordId);
    return row !== undefined && canEditRecord(base.account(), base.canWriteDoc(row.shard));
  };
  const title = () => item().title || (item().kind === 'event' ? typeLabel() : '') || t('today.untitled');
  const clientName = () => [contact().personName, contact().orgName].filter((name, index, all) => name && all.indexOf(name) === index).join(' · ');
  const reachName = () => contact().personName || contact().orgName || title();
  const field = (section: 'events' | 'tasks', id: string) => base.fields(section).find((entry) => entry.id === id);

  function typeLabel(): string {
    const current = item();
    if (current.kind === 'event') {
      const kindField = field('events', 'kind');
      return current.type && kindField ? optionLabel(kindField, current.type) : t('section.events');
    }
    return t(`today.kind.${current.kind}`);
  }

  // Today's items show only their time; overdue ones from earlier days show the day too.
  const when = (): string => {
    const at = item().at;
    if (at === undefined) return '';
    return at >= props.dayStart && at < props.dayEnd ? formatTime(at, props.timeZone) : formatDayTime(at, props.timeZone);
  };

  const detail = (): string => {
    const current = item();
    if (current.kind === 'birthday') return current.age !== undefined ? t('today.age', { age: current.age }) : '';
    if (current.kind === 'contract') return current.daysLeft === 0 ? t('today.endsToday') : t('today.endsIn', { date: formatDate(current.endDate ?? ''), days: current.daysLeft ?? 0 });
    return '';
  };

  const run = (change: Promise<void>) => {
    props.onError(null);
    change.catch((error: unknown) => props.onError(commandFailure(error)));
  };
  const markDone = () => run(setRecordStatus(base.engine, item().recordId, 'done'));
  const moveTo = (at: number) => {
    setRescheduling(false);
    run(updateField(base.engine, item().recordId, timeField(item()), at));
  };
  const openReschedule = () => {
    setTimeProblem(null);
    setNewTime(toDateTimeInput(tomorrowSameTime(item().at ?? props.now, props.now, props.timeZone), props.timeZone));
    setRescheduling(true);
  };
  const moveToPicked = (event: SubmitEvent) => {
    event.preventDefault();
    const at = fromDateTimeInput(newTime(), props.timeZone);
    if (at === null) return setTimeProblem(t('today.badTime'));
    moveTo(at);
  };

  return (
    <li class="agenda-line" data-kind={item().kind} data-record={item().recordId}>
      <div class="agenda-main">
        <Show when={when()}>
          <span class="agenda-when">{when()}</span>
        </Show>
        <span class="agenda-type">{typeLabel()}</span>
        <div class="agenda-what">
          <span class="agenda-title">{title()}</span>
          <Show when={item().kind !== 'birthday' && item().kind !== 'contract' && clientName()}>
            <span class="agenda-client">{clientName()}</span>
          </Show>
          <Show when={item().kind === 'birthday' && contact().orgName}>
            <span class="agenda-client">{contact().orgName}</span>
          </Show>
          <Show when={detail()}>
            <span class="agenda-detail">{detail()}</span>
          </Show>
          <Show when={props.showAssignee && isWork() && item().assignee}>
            {(assignee) => <span class="agenda-assignee">{t('today.for', { name: base.userNames().get(assignee()) ?? (assignee() === base.engine.user.id ? base.engine.user.name : assignee()) })}</span>}
          </Show>
        </div>
        <div class="agenda-actions">
          <Show when={contact().phoneHref}>
            {(href) => (
              <a class="agenda-action" href={href()} aria-label={t('today.callLabel', { name: reachName(), phone: contact().phone ?? '' })}>
                {t('today.call')}
              </a>
            )}
          </Show>
          <Show when={contact().emailHref}>
            {(href) => (
              <a class="agenda-action" href={href()} aria-label={t('today.mailLabel', { name: reachName(), email: contact().email ?? '' })}>
                {t('today.mail')}
              </a>
            )}
          </Show>
          <Show when={isWork() && editable()}>
            <button type="button" class="agenda-action" aria-label={t('today.doneLabel', { title: title() })} onClick={markDone}>
              {t('today.done')}
            </button>
            <button type="button" class="agenda-action" aria-expanded={rescheduling()} aria-label={t('today.rescheduleLabel', { title: title() })} onClick={() => (rescheduling() ? setRescheduling(false) : openReschedule())}>
              {t('today.reschedule')}
            </button>
          </Show>
          <button type="button" class="agenda-action" aria-label={t('today.openLabel', { title: title() })} onClick={() => props.onOpen(item().recordId)}>
            {t('today.open')}
          </button>
        </div>
      </div>
      <Show when={rescheduling()}>
        <form class="agenda-reschedule" aria-label={t('today.rescheduleLabel', { title: title() })} onSubmit={moveToPicked}>
          <button type="button" onClick={() => moveTo(tomorrowSameTime(item().at ?? props.now, props.now, props.timeZone))}>
            {t('today.tomorrow')}
          </button>
          <label>
            <span>{t('today.newTime')}</span>
            <input type="datetime-local" value={newTime()} aria-invalid={timeProblem() !== null} onInput={(event) => setNewTime(event.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">{t('today.move')}</button>
          <button type="button" onClick={() => setRescheduling(false)}>{t('today.cancel')}</button>
          <Show when={timeProblem()}>
            <span class="agenda-problem" role="alert">{timeProblem()}</span>
          </Show>
        </form>
      </Show>
    </li>
  );
}
