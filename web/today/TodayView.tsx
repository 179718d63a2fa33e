/**
 * The home page: whom to call today and what is overdue, today's birthdays and contracts ending
 * soon, for me or the whole team, each line with one-click actions.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { RecordCard } from '../card/RecordCard';
import { AgendaLine } from './AgendaLine';
import { ScopeSwitch } from './ScopeSwitch';
import { assigneeScope, scopeChoice } from './scope';
import { createNow } from './now';
import { dayRange, localDateOf, systemTimeZone } from '../local-time/local-time';
import { agendaRows, birthdaysToday, CONTRACT_WINDOW_DAYS, contractsEnding, workLists, type AgendaItem, type TodayLists } from './today-items';
import { formatLongDate } from './format-time';
import './today.css';

const SECTIONS: { id: keyof TodayLists; title: MessageKey; empty: MessageKey }[] = [
  { id: 'planned', title: 'today.planned', empty: 'today.empty.planned' },
  { id: 'overdue', title: 'today.overdue', empty: 'today.empty.overdue' },
  { id: 'birthdays', title: 'today.birthdays', empty: 'today.empty.birthdays' },
  { id: 'contracts', title: 'today.contracts', empty: 'today.empty.contracts' },
];

/** The Today page. */
export function TodayView(): JSX.Element {
  const base = useBase();
  const now = createNow();
  const timeZone = systemTimeZone();
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  // The day changes at local midnight only: birthdays and contracts are recomputed then, not on every tick.
  const today = createMemo(() => dayRange(localDateOf(now(), timeZone), timeZone), undefined, { equals: (a, b) => a.start === b.start });
  const scope = () => assigneeScope(scopeChoice(), base.engine.user.id);
  const rows = createMemo(() => (base.rowsVersion(), agendaRows(base.engine.rows.values())));
  // Unchanged lines keep their object, so a line's open Reschedule form survives the clock's tick.
  const seen = new Map<string, { json: string; item: AgendaItem }>();
  const stable = (item: AgendaItem): AgendaItem => {
    const key = `${item.kind}:${item.recordId}`;
    const json = JSON.stringify(item);
    const hit = seen.get(key);
    if (hit?.json === json) return hit.item;
    seen.set(key, { json, item });
    return item;
  };
  const work = createMemo(() => workLists(rows().work, { now: now(), timeZone, scope: scope() }));
  const occasions = createMemo(() => {
    const context = { now: today().start, timeZone, scope: scope() };
    return { birthdays: birthdaysToday(rows().people, context), contracts: contractsEnding(rows().orgs, context) };
  });
  const lists = createMemo(
    (): TodayLists => ({
      planned: work().planned.map(stable),
      overdue: work().overdue.map(stable),
      birthdays: occasions().birthdays.map(stable),
      contracts: occasions().contracts.map(stable),
    }),
  );
  const openRow = () => {
    const id = openId();
    return id ? base.engine.rows.get(id) : undefined;
  };

  return (
    <section class="today" aria-labelledby="today-title">
      <header class="today-head">
        <h1 id="today-title">{t('today.title')}</h1>
        <span class="today-date">{formatLongDate(today().date)}</span>
        <ScopeSwitch colleagues />
      </header>
      <Show when={problem()}>
        {(message) => (
          <div class="notice error" role="alert">
            {message()}
          </div>
        )}
      </Show>
      <div class="today-sections">
        <For each={SECTIONS}>
          {(section) => {
            const items = (): AgendaItem[] => lists()[section.id];
            const headingId = `today-${section.id}`;
            return (
              <section class="today-section" data-section={section.id} aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {t(section.title)} <span class="today-count" aria-label={t('today.count', { count: items().length })}>{items().length}</span>
                </h2>
                <Show when={items().length > 0} fallback={<p class="today-empty">{t(section.empty, { days: CONTRACT_WINDOW_DAYS })}</p>}>
                  <ul class="agenda-list">
                    <For each={items()}>
                      {(item) => (
                        <AgendaLine
                          item={item}
                          now={now()}
                          timeZone={timeZone}
                          dayStart={today().start}
                          dayEnd={today().end}
                          showAssignee={scopeChoice() !== 'mine'}
                          onOpen={setOpenId}
                          onError={setProblem}
                        />
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            );
          }}
        </For>
      </div>
      <Show when={openRow()} keyed>
        {(row) => <RecordCard section={row.section} recordId={row.id} onClose={() => setOpenId(null)} />}
      </Show>
    </section>
  );
}
