/**
 * The communication timeline on the card of an organization or a person (timeline-model.ts):
 * planned items, then what happened, newest first, filterable by type; "Log a call" in two
 * clicks, "Plan…", and the "Log this call?" offer after a phone link was clicked.
 */
import { createMemo, createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { collator, language, t } from '../../i18n/i18n';
import { useBase } from '../../app/base';
import { fieldLabel } from '../../app/labels';
import { displayName } from '../../duplicates/find-duplicates';
import { RelayApiError } from '../../sync/relay-api';
import { canCreateRecords, canEditRecord } from '../access-rules';
import { optionLabel } from '../option-labels';
import { parseAuditEntries, type AuditEntry } from '../history-entries';
import { callOffer, dismissCallOffer, watchPhoneLinks } from './call-offer';
import { eventField } from './event-values';
import { LogCallForm, type PlannedEvent } from './LogCallForm';
import type { CallPerson } from './FormRow';
import { PlanForm } from './PlanForm';
import { TimelineEntry } from './TimelineEntry';
import { entryText, type EntryLabels, type EntryText } from './entry-text';
import { changeItems, recordItems, timelineFilters, timelineView, type TimelineFilter, type TimelineItem } from './timeline-model';
import './timeline.css';

// Phone links in lists and cards offer to log the call; the card module loads with the app.
watchPhoneLinks();

/** How many past items show before "Show all". */
const PAST_SHOWN = 5;
/** The timeline of organization or person `recordId`. */
export function Timeline(props: { recordId: string; section: 'orgs' | 'people' }): JSX.Element {
  const base = useBase();
  const subject = () => ({ id: props.recordId, section: props.section });
  const row = createMemo(() => (base.rowsVersion(), base.engine.rows.get(props.recordId)));
  const [form, setForm] = createSignal<'log' | 'plan' | PlannedEvent | null>(null);
  const [filter, setFilter] = createSignal<TimelineFilter>('all');
  const [expanded, setExpanded] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(tick));
  let logButton: HTMLButtonElement | undefined;

  /** Logging writes a new event into the user's own book: only where he may change this record and add records. */
  const canLog = () => {
    const current = row();
    if (!current || current.deleted) return false;
    return canEditRecord(base.account(), base.canWriteDoc(current.shard)) && canCreateRecords(base.account(), base.canWriteDoc(base.engine.shardForNewRecord()));
  };

  /** Whether this user may record the result of a planned event (it may sit in a colleague's book). */
  const canComplete = (item: TimelineItem) => {
    const event = item.category === 'event' && item.planned && item.record ? base.engine.rows.get(item.record.id) : undefined;
    return event !== undefined && canEditRecord(base.account(), base.canWriteDoc(event.shard));
  };
  const recordResult = (item: TimelineItem) => {
    const text = textOf(item);
    const start = base.engine.rows.get(item.record!.id)?.v.start;
    setForm({ id: item.record!.id, start: typeof start === 'number' ? start : null, label: [text.type, text.title].filter(Boolean).join(' '), comment: item.text ?? '' });
  };

  const records = createMemo(() => (base.rowsVersion(), recordItems(subject(), [...base.engine.rows.values()])));
  const reachable = () => {
    const connection = base.syncStatus()?.connection ?? 'offline';
    return connection !== 'offline' && connection !== 'signed-out';
  };
  const [audit] = createResource(
    () => {
      const current = row();
      return current ? { shard: current.shard, updated: current.updated, reachable: reachable() } : false;
    },
    async (query): Promise<AuditEntry[] | null> => {
      if (!query.reachable || !base.sync) return null;
      try {
        return parseAuditEntries(await base.sync.api.recordHistory(query.shard, props.recordId));
      } catch (error) {
        // The device's own times stand in until the relay answers.
        if (!(error instanceof RelayApiError)) console.warn('timeline: record history', error);
        return null;
      }
    },
  );
  const changes = createMemo(() => {
    const current = row();
    return current ? changeItems(current, audit.latest ?? null) : [];
  });
  const items = createMemo(() => [...records(), ...changes()]);
  const kindField = () => eventField(base.fields('events'), 'kind');
  const filters = createMemo(() => {
    const counts = new Map<TimelineFilter, number>();
    for (const item of items()) counts.set(item.filter, (counts.get(item.filter) ?? 0) + 1);
    return timelineFilters(kindField()?.options ?? [], items())
      .map((id) => ({ id, count: id === 'all' ? items().length : counts.get(id) ?? 0 }))
      .filter((entry) => entry.count > 0 || entry.id === filter() || entry.id === 'all');
  });
  const view = createMemo(() => timelineView(items(), filter()));
  const pastShown = () => (expanded() ? view().past : view().past.slice(0, PAST_SHOWN));

  const people = createMemo((): CallPerson[] => {
    if (props.section !== 'orgs') return [];
    base.rowsVersion();
    const list: CallPerson[] = [];
    for (const person of base.engine.rows.values()) {
      if (person.section === 'people' && !person.deleted && person.v.org === props.recordId) list.push({ id: person.id, name: displayName('people', person.v) || t('card.untitled') });
    }
    return list.sort((a, b) => collator().compare(a.name, b.name));
  });

  const filterLabel = (id: TimelineFilter): string => {
    if (id === 'all') return t('timeline.filter.all');
    if (id === 'notes' || id === 'tasks' || id === 'changes') return t(`timeline.filter.${id}`);
    const kind = id.slice('kind:'.length);
    return kindField() ? optionLabel(kindField()!, kind) : kind;
  };
  const userName = (id: string | undefined): string => {
    if (!id) return '';
    return base.userNames().get(id) ?? (id === base.engine.user.id ? base.engine.user.name : t('timeline.someone'));
  };
  const timeFormat = createMemo(() => new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }));
  const subjectFields = createMemo(() => new Map(base.fields(props.section).map((field) => [field.id, field])));
  const labels: EntryLabels = {
    time: (at) => timeFormat().format(new Date(at)),
    kind: (kind) => filterLabel(`kind:${kind}`),
    result: (result) => {
      const field = eventField(base.fields('events'), 'result');
      return field ? optionLabel(field, result) : result;
    },
    taskStatus: (status) => {
      const field = base.fields('tasks').find((entry) => entry.id === 'status');
      return field ? optionLabel(field, status) : status;
    },
    user: userName,
    person: (id) => {
      const person = base.engine.rows.get(id);
      return person ? displayName('people', person.v) || undefined : undefined;
    },
    field: (id) => {
      const field = subjectFields().get(id);
      return field ? fieldLabel(field) : id;
    },
  };
  const textOf = (item: TimelineItem): EntryText => entryText(item, labels);

  // A call offered on this card and left unanswered is not offered again the next time it opens.
  onCleanup(() => {
    if (callOffer()?.recordId === props.recordId) dismissCallOffer();
  });
  const offered = () => {
    const offer = callOffer();
    return offer && offer.recordId === props.recordId && canLog() ? offer : null;
  };
  const closeForm = () => {
    setForm(null);
    // The form held the focus: give it back to the button that opened it, inside the card.
    queueMicrotask(() => logButton?.focus());
  };
  let quiet: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(quiet));
  const done = (message: string, kind: string) => {
    dismissCallOffer();
    // The new item must be in sight: a filter that hides it gives way to everything.
    if (filter() !== 'all' && filter() !== `kind:${kind}`) setFilter('all');
    setAnnouncement(message);
    clearTimeout(quiet);
    quiet = setTimeout(() => setAnnouncement(''), 5_000);
    closeForm();
  };

  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <div class="timeline-top">
        <h3 id="timeline-heading">{t('timeline.title')}</h3>
        <Show when={canLog()}>
          <div class="timeline-actions">
            <button type="button" class="primary" ref={logButton} aria-expanded={form() === 'log'} onClick={() => setForm(form() === 'log' ? null : 'log')}>
              ☎ {t('timeline.logCall')}
            </button>
            <button type="button" aria-expanded={form() === 'plan'} onClick={() => setForm(form() === 'plan' ? null : 'plan')}>
              {t('timeline.plan')}
            </button>
          </div>
        </Show>
      </div>
      <Show when={offered() && form() !== 'log' ? offered() : null}>
        {(offer) => (
          <div class="timeline-offer" role="status">
            <span>{t('timeline.offer.text', { phone: offer().phone })}</span>
            <button type="button" class="primary" onClick={() => setForm('log')}>
              {t('timeline.offer.yes')}
            </button>
            <button type="button" onClick={() => dismissCallOffer()}>
              {t('timeline.offer.no')}
            </button>
          </div>
        )}
      </Show>
      <Show when={form() === 'log'}>
        <LogCallForm recordId={props.recordId} section={props.section} people={people()} onLogged={() => done(t('timeline.log.saved'), 'call')} onCancel={closeForm} />
      </Show>
      <Show when={typeof form() === 'object' && form()} keyed>
        {(planned) => (
          <LogCallForm
            recordId={props.recordId}
            section={props.section}
            people={[]}
            planned={planned as PlannedEvent}
            onLogged={() => done(t('timeline.complete.saved'), '')}
            onCancel={closeForm}
          />
        )}
      </Show>
      <Show when={form() === 'plan'}>
        <PlanForm recordId={props.recordId} section={props.section} people={people()} onPlanned={() => done(t('timeline.plan.saved'), '')} onCancel={closeForm} />
      </Show>
      <p class="timeline-announce" role="status">
        {announcement()}
      </p>
      <div class="timeline-filters" role="group" aria-label={t('timeline.filters')}>
        <For each={filters()}>
          {(entry) => (
            <button type="button" class="timeline-filter" aria-pressed={filter() === entry.id} data-filter={entry.id} onClick={() => setFilter(entry.id)}>
              {filterLabel(entry.id)} <span class="timeline-count">{entry.count}</span>
            </button>
          )}
        </For>
      </div>
      <Show when={view().planned.length > 0}>
        <h4 class="timeline-group">{t('timeline.planned')}</h4>
        <ol class="timeline-list" aria-label={t('timeline.planned')}>
          <For each={view().planned}>
            {(item) => <TimelineEntry item={item} text={textOf(item)} now={now()} onRecordResult={canComplete(item) ? () => recordResult(item) : undefined} />}
          </For>
        </ol>
      </Show>
      <Show
        when={view().past.length > 0}
        fallback={
          <Show when={view().planned.length === 0}>
            <p class="card-muted">{filter() === 'all' ? t('timeline.empty') : t('timeline.emptyFilter')}</p>
          </Show>
        }
      >
        <h4 class="timeline-group">{t('timeline.past')}</h4>
        <ol class="timeline-list" aria-label={t('timeline.past')}>
          <For each={pastShown()}>{(item) => <TimelineEntry item={item} text={textOf(item)} now={now()} />}</For>
        </ol>
        <Show when={view().past.length > PAST_SHOWN}>
          <button type="button" class="timeline-more" aria-expanded={expanded()} onClick={() => setExpanded(!expanded())}>
            {expanded() ? t('timeline.showLess') : t('timeline.showAll', { count: view().past.length })}
          </button>
        </Show>
      </Show>
      <Show when={filter() === 'changes' && audit.latest === null && !audit.loading}>
        <p class="card-muted timeline-note">{t('timeline.changesLocal')}</p>
      </Show>
    </section>
  );
}
