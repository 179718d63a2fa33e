/** One line of the card's timeline: icon and type, local time, who, result, title and comment; events, notes and tasks open their record. */
import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/i18n';
import { navigate } from '../../app/route';
import { isOverdue, type TimelineItem } from './timeline-model';
import type { EntryText } from './entry-text';

/** The `<li>` of one timeline item. */
export function TimelineEntry(props: { item: TimelineItem; text: EntryText; now: number; onRecordResult?: () => void }): JSX.Element {
  const open = (event: MouseEvent) => {
    const record = props.item.record;
    if (!record) return;
    event.preventDefault();
    navigate({ page: 'section', section: record.section, recordId: record.id });
  };
  const heading = () => (
    <>
      <span class="timeline-type">{props.text.type}</span>
      <Show when={props.text.badge}>
        <span class="timeline-badge" data-result={props.item.result}>
          {props.text.badge}
        </span>
      </Show>
      <Show when={isOverdue(props.item, props.now)}>
        <span class="timeline-badge timeline-overdue">{t('timeline.overdue')}</span>
      </Show>
      <Show when={props.text.title}>
        <span class="timeline-title">{props.text.title}</span>
      </Show>
    </>
  );
  return (
    <li class="timeline-item" data-category={props.item.category} data-kind={props.item.kind} data-key={props.item.key}>
      <span class="timeline-icon" aria-hidden="true">
        {props.text.icon}
      </span>
      <div class="timeline-main">
        <div class="timeline-head">
          <Show when={props.item.record} fallback={<span class="timeline-line">{heading()}</span>}>
            {(record) => (
              <a class="timeline-line" href={`#/${record().section}/${encodeURIComponent(record().id)}`} onClick={open} aria-label={t('timeline.open', { name: [props.text.type, props.text.badge, props.text.title, props.text.time].filter(Boolean).join(', ') })}>
                {heading()}
              </a>
            )}
          </Show>
        </div>
        <div class="timeline-meta">
          <time dateTime={new Date(props.item.at).toISOString()}>{props.text.time}</time>
          <Show when={props.text.who}>
            <span>· {props.text.who}</span>
          </Show>
          <Show when={props.text.person}>
            <span>· {t('timeline.with', { name: props.text.person! })}</span>
          </Show>
        </div>
        <Show when={props.item.text}>
          <p class="timeline-text">{props.item.text}</p>
        </Show>
      </div>
      <Show when={props.onRecordResult}>
        {(record) => (
          <button type="button" class="timeline-complete" aria-label={t('timeline.complete.label', { item: [props.text.type, props.text.title, props.text.time].filter(Boolean).join(', ') })} onClick={() => record()()}>
            {t('timeline.complete.button')}
          </button>
        )}
      </Show>
    </li>
  );
}
