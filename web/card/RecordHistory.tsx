/**
 * The History tab of a card on a relay base: every change the relay logged for this record, newest
 * first, with who, when and which fields (relay/index/record-history.ts). Same-field conflicts:
 * both updates are listed; a value the relay reports as not kept is shown and marked.
 */
import { createMemo, createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { language, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { fieldLabel } from '../app/labels';
import { RelayApiError } from '../sync/relay-api';
import { formatCell } from '../table/format';
import type { FieldValue, SectionId } from '../schema/fields';
import { historyLines, parseAuditEntries, type HistoryLine } from './history-entries';
import { cardValueContext } from './value-context';

type Loaded = { kind: 'lines'; lines: HistoryLine[] } | { kind: 'offline' } | { kind: 'failed'; message: string };

/** The history of `recordId` in `shard`; asked again when the record changes or the relay comes back. */
export function RecordHistory(props: { recordId: string; shard: string; section: SectionId; updated: number }): JSX.Element {
  const base = useBase();
  const connection = () => base.syncStatus()?.connection ?? 'offline';
  const reachable = () => connection() !== 'offline' && connection() !== 'signed-out';
  const context = cardValueContext(base);
  const text = createMemo(() => {
    const fields = new Map(base.fields(props.section).map((field) => [field.id, field]));
    return {
      label: (id: string) => {
        const field = fields.get(id);
        return field ? fieldLabel(field) : id;
      },
      value: (id: string, value: unknown) => {
        const field = fields.get(id);
        return field ? formatCell(field, value as FieldValue, context, base.settings().currency) : typeof value === 'string' ? value : JSON.stringify(value);
      },
      unknownUser: t('card.history.unknownUser'),
    };
  });
  const [loaded, { refetch }] = createResource(
    () => ({ shard: props.shard, record: props.recordId, updated: props.updated, reachable: reachable() }),
    async (query): Promise<Loaded> => {
      if (!query.reachable || !base.sync) return { kind: 'offline' };
      try {
        return { kind: 'lines', lines: historyLines(parseAuditEntries(await base.sync.api.recordHistory(query.shard, query.record)), text()) };
      } catch (error) {
        if (error instanceof RelayApiError && error.status === 0) return { kind: 'offline' };
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
  );
  // Seconds: changes that raced each other are often within the same minute.
  const timeText = (time: number) => new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(time));
  const shown = () => loaded.latest;

  return (
    <section class="card-history" aria-labelledby="card-history-heading" aria-busy={loaded.loading}>
      <div class="card-history-head">
        <h3 id="card-history-heading">{t('card.tab.history')}</h3>
        <button type="button" onClick={() => void refetch()} disabled={!reachable()}>
          {t('card.history.refresh')}
        </button>
      </div>
      <p class="card-muted card-history-hint">{t('card.history.hint')}</p>
      <Switch fallback={<p class="card-muted" role="status">{t('card.history.loading')}</p>}>
        <Match when={shown()?.kind === 'offline'}>
          <p class="card-history-offline" role="status">{t('card.history.offline')}</p>
        </Match>
        <Match when={shown()?.kind === 'failed' && (shown() as { message: string }).message}>
          {(message) => <p class="card-error" role="alert">{t('card.history.failed', { message: message() })}</p>}
        </Match>
        <Match when={shown()?.kind === 'lines' && (shown() as { lines: HistoryLine[] }).lines}>
          {(lines) => (
            <Show when={lines().length > 0} fallback={<p class="card-muted" role="status">{t('card.history.empty')}</p>}>
              <ol class="card-history-list" aria-label={t('card.tab.history')}>
                <For each={lines()}>{(line) => <HistoryItem line={line} time={timeText(line.at)} />}</For>
              </ol>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function HistoryItem(props: { line: HistoryLine; time: string }): JSX.Element {
  const line = props.line;
  return (
    <li class="card-history-item" classList={{ 'card-history-conflict': line.conflict }} data-seq={line.seq}>
      <div class="card-history-meta">
        <time dateTime={new Date(line.at).toISOString()}>{props.time}</time>
        <Show when={line.conflict}>
          <span class="card-history-badge">{t('card.history.conflict')}</span>
        </Show>
      </div>
      <div>
        <strong>{line.who}</strong> {line.action === 'created' ? t('card.history.created') : t('card.history.changed')}
        <Show when={line.trash}> {t('card.history.trash')}</Show>
        <Show when={line.changes.length > 0}>
          {' '}
          <ul class="card-history-fields">
            <For each={line.changes}>
              {(change) => (
                <li classList={{ 'card-history-lost': change.lost }}>
                  <span class="card-history-field">{change.label}</span>
                  <Show when={change.value !== undefined}>: {change.value || '—'}</Show>
                  <Show when={change.lost}> <em>({t('card.history.lost')})</em></Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </li>
  );
}
