/**
 * The week and month calendar of planned events (and open tasks by due time), for me, the team
 * or one colleague. Clicking an item opens its card; clicking an empty hour or day plans a call.
 */
import { createEffect, createMemo, createSignal, For, on, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { navigate } from '../app/route';
import { t } from '../i18n/i18n';
import { RecordCard } from '../card/RecordCard';
import { canCreateRecords } from '../card/access-rules';
import { optionLabel } from '../card/option-labels';
import { ScopeSwitch } from '../today/ScopeSwitch';
import { assigneeScope, scopeChoice } from '../today/scope';
import { createNow } from '../today/now';
import { formatIsoDate, instantOf, localDateOf, parseIsoDate, systemTimeZone, type DayRange, type LocalDate } from '../local-time/local-time';
import { agendaRows, type AgendaItem } from '../today/today-items';
import { formatMonth, formatShortDate, formatTime, formatWeekday, formatWeekdayDay } from '../today/format-time';
import { calendarItems, itemHour, itemsByDay, monthGrid, stepDate, weekOf, type CalendarMode } from './calendar-grid';
import { PlanCallDialog } from './PlanCallDialog';
import './calendar.css';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** The hour the week view scrolls to: the working day starts around here. */
const FIRST_WORK_HOUR = 8;
/** Items a month cell lists before "+n more". */
const MONTH_CELL_ITEMS = 3;
/** A month-view click plans the call at this hour of the day. */
const MONTH_PLAN_HOUR = 10;

/** The calendar page (`#/calendar/<week|month>/<YYYY-MM-DD>`). */
export function CalendarView(props: { mode?: CalendarMode; date?: string }): JSX.Element {
  const base = useBase();
  const now = createNow(60_000);
  const timeZone = systemTimeZone();
  const mode = (): CalendarMode => props.mode ?? 'week';
  const today = createMemo(() => localDateOf(now(), timeZone));
  const anchor = (): LocalDate => (props.date ? parseIsoDate(props.date) : null) ?? today();
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [planAt, setPlanAt] = createSignal<number | null>(null);

  const weeks = createMemo((): DayRange[][] => (mode() === 'week' ? [weekOf(anchor(), timeZone)] : monthGrid(anchor(), timeZone)));
  const days = createMemo(() => weeks().flat());
  const relevant = createMemo(() => (base.rowsVersion(), agendaRows(base.engine.rows.values()).work));
  const items = createMemo(() => {
    const all = days();
    return calendarItems(relevant(), all[0].start, all[all.length - 1].end, assigneeScope(scopeChoice(), base.engine.user.id));
  });
  const perDay = createMemo(() => {
    const map = new Map<string, AgendaItem[]>();
    itemsByDay(items(), days()).forEach((list, index) => map.set(formatIsoDate(days()[index].date), list));
    return map;
  });
  const dayItems = (day: DayRange) => perDay().get(formatIsoDate(day.date)) ?? [];
  const canPlan = () => canCreateRecords(base.account(), base.canWriteDoc(base.engine.shardForNewRecord()));

  const go = (next: { mode?: CalendarMode; date?: LocalDate | null }) =>
    navigate({ page: 'calendar', mode: next.mode ?? mode(), date: next.date === null ? undefined : formatIsoDate(next.date ?? anchor()) });
  const period = () => {
    if (mode() === 'month') return formatMonth(anchor());
    const week = weeks()[0];
    return `${formatShortDate(week[0].date)} – ${formatShortDate(week[6].date)} ${week[6].date.year}`;
  };
  const isToday = (day: DayRange) => formatIsoDate(day.date) === formatIsoDate(today());
  const inMonth = (day: DayRange) => day.date.month === anchor().month;

  const kindField = () => base.fields('events').find((field) => field.id === 'kind');
  const typeLabel = (item: AgendaItem) => {
    if (item.kind === 'task') return t('today.kind.task');
    const field = kindField();
    return item.type && field ? optionLabel(field, item.type) : t('section.events');
  };
  const itemTitle = (item: AgendaItem) => item.title || typeLabel(item);
  const hourOf = (day: DayRange, hour: number) => instantOf({ ...day.date, hour, minute: 0 }, timeZone);
  const slotLabel = (day: DayRange, hour?: number) =>
    t('calendar.planAt', { when: hour === undefined ? formatShortDate(day.date) : `${formatShortDate(day.date)} ${formatTime(hourOf(day, hour), timeZone)}` });

  // The empty part of a month day or a week hour plans a call there (a month day at MONTH_PLAN_HOUR).
  const PlanSlot = (slot: { day: DayRange; hour?: number }) => (
    <Show when={canPlan()}>
      <button type="button" class="cal-slot" aria-label={slotLabel(slot.day, slot.hour)} onClick={() => setPlanAt(hourOf(slot.day, slot.hour ?? MONTH_PLAN_HOUR))} />
    </Show>
  );

  const ItemButton = (itemProps: { item: AgendaItem }) => (
    <button
      type="button"
      class="cal-item"
      data-kind={itemProps.item.kind}
      data-record={itemProps.item.recordId}
      aria-label={`${typeLabel(itemProps.item)}: ${itemTitle(itemProps.item)}, ${formatTime(itemProps.item.at ?? 0, timeZone)}`}
      title={`${formatTime(itemProps.item.at ?? 0, timeZone)} ${typeLabel(itemProps.item)}: ${itemTitle(itemProps.item)}`}
      onClick={() => setOpenId(itemProps.item.recordId)}
    >
      <span class="cal-item-time">{formatTime(itemProps.item.at ?? 0, timeZone)}</span> {itemTitle(itemProps.item)}
    </button>
  );

  // Each time the week layout appears it starts at the working day, not at midnight.
  let weekScroller: HTMLDivElement | undefined;
  createEffect(
    on(mode, (current) => {
      if (current !== 'week') return;
      requestAnimationFrame(() => {
        const firstRow = weekScroller?.querySelector<HTMLElement>(`tr[data-hour='${FIRST_WORK_HOUR}']`);
        if (weekScroller && firstRow) weekScroller.scrollTop = firstRow.offsetTop - (weekScroller.querySelector('thead')?.clientHeight ?? 0);
      });
    }),
  );

  const openRow = () => {
    const id = openId();
    return id ? base.engine.rows.get(id) : undefined;
  };

  return (
    <section class="calendar" aria-labelledby="calendar-title">
      <header class="calendar-head">
        <h1 id="calendar-title">{t('calendar.title')}</h1>
        <div class="calendar-nav" role="group" aria-label={period()}>
          <button type="button" onClick={() => go({ date: stepDate(anchor(), mode(), -1) })}>
            ‹ {t('calendar.previous')}
          </button>
          <button type="button" onClick={() => go({ date: null })}>{t('calendar.today')}</button>
          <button type="button" onClick={() => go({ date: stepDate(anchor(), mode(), 1) })}>
            {t('calendar.next')} ›
          </button>
        </div>
        <h2 class="calendar-period" aria-live="polite">{period()}</h2>
        <div class="calendar-mode" role="group" aria-label={t('calendar.layout')}>
          <button type="button" aria-pressed={mode() === 'week'} onClick={() => go({ mode: 'week' })}>{t('calendar.week')}</button>
          <button type="button" aria-pressed={mode() === 'month'} onClick={() => go({ mode: 'month' })}>{t('calendar.month')}</button>
        </div>
        <ScopeSwitch colleagues />
      </header>
      <Show when={items().length === 0}>
        <p class="calendar-empty">{mode() === 'week' ? t('calendar.emptyWeek') : t('calendar.emptyMonth')}</p>
      </Show>
      <Show
        when={mode() === 'week'}
        fallback={
          <div class="calendar-scroll">
            <table class="cal-month" aria-label={period()}>
              <thead>
                <tr>
                  <For each={weeks()[0]}>{(day) => <th scope="col">{formatWeekday(day.date)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={weeks()}>
                  {(week) => (
                    <tr>
                      <For each={week}>
                        {(day) => (
                          <td class="cal-day" classList={{ 'cal-today': isToday(day), 'cal-outside': !inMonth(day) }} data-date={formatIsoDate(day.date)}>
                            <PlanSlot day={day} />
                            <span class="cal-day-number">{day.date.day}</span>
                            <For each={dayItems(day).slice(0, MONTH_CELL_ITEMS)}>{(item) => <ItemButton item={item} />}</For>
                            <Show when={dayItems(day).length > MONTH_CELL_ITEMS}>
                              <button type="button" class="cal-more" onClick={() => go({ mode: 'week', date: day.date })}>
                                {t('calendar.more', { count: dayItems(day).length - MONTH_CELL_ITEMS })}
                              </button>
                            </Show>
                          </td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        }
      >
        <div class="calendar-scroll" ref={weekScroller}>
          <table class="cal-week" aria-label={period()}>
            <thead>
              <tr>
                <th scope="col" class="cal-hour-head">{t('calendar.hour')}</th>
                <For each={weeks()[0]}>
                  {(day) => (
                    <th scope="col" classList={{ 'cal-today': isToday(day) }} data-date={formatIsoDate(day.date)}>
                      {formatWeekdayDay(day.date)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={HOURS}>
                {(hour) => (
                  <tr data-hour={hour}>
                    <th scope="row" class="cal-hour">{formatTime(hourOf(weeks()[0][0], hour), timeZone)}</th>
                    <For each={weeks()[0]}>
                      {(day) => (
                        <td class="cal-cell" classList={{ 'cal-today': isToday(day) }} data-date={formatIsoDate(day.date)} data-hour={hour}>
                          <PlanSlot day={day} hour={hour} />
                          <For each={dayItems(day).filter((item) => itemHour(item, timeZone) === hour)}>{(item) => <ItemButton item={item} />}</For>
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={planAt()}>
        {(at) => (
          <PlanCallDialog
            at={at()}
            timeZone={timeZone}
            onClose={() => setPlanAt(null)}
            onPlanned={(id) => {
              setPlanAt(null);
              setOpenId(id);
            }}
          />
        )}
      </Show>
      <Show when={openRow()} keyed>
        {(row) => <RecordCard section={row.section} recordId={row.id} onClose={() => setOpenId(null)} />}
      </Show>
    </section>
  );
}
