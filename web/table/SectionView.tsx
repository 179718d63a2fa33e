/**
 * The table of a section: toolbar (quick search, add, columns, grouping, detailed search,
 * saved views, trash), active filters, the virtualized grid and the totals bar. All the
 * computing is in the pure modules next to this file; this file only wires signals to them.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { fieldLabel, sectionLabel } from '../app/labels';
import { navigate, route } from '../app/route';
import { displayName } from '../duplicates/find-duplicates';
import { deleteRecords, moveRecords, restoreRecords } from '../engine/commands';
import { canCreateRecords, canEditAll, mayHandOver } from '../card/access-rules';
import { commandFailure } from '../card/command-failure';
import { createHandOverTargets } from '../card/HandOver';
import type { Row } from '../engine/rows';
import { ReadOnlyError } from '../engine/engine';
import { collator, formatNumber, language, t } from '../i18n/i18n';
import type { SectionId } from '../schema/fields';
import { AutoFilterMenu } from './AutoFilterMenu';
import { caseSpellings } from './autofilter-values';
import { exposeTableHooks } from './bench-hooks';
import { ColumnsMenu } from './ColumnsMenu';
import { createTableData, valueKeys, type ColumnContext } from './columns';
import { computeView } from './compute-view';
import { ConditionsPanel } from './ConditionsPanel';
import { ExportActions } from './ExportActions';
import { ImportButton } from '../import/wizard/ImportButton';
import { FilterChips } from './FilterChips';
import { formatKey } from './format';
import { Grid } from './Grid';
import { latestOnly } from './latest-only';
import { displayItems, groupKey, type RowGroup } from './grouping';
import type { TableModel } from './table-model';
import { TotalsBar } from './TotalsBar';
import { defaultViewState, filterByValue, tableFields, type ViewState } from './view-state';
import { ViewsBar } from './ViewsBar';
import './table.css';

/** The list of a section's records (a fresh table state per section). */
export function SectionView(props: { section: SectionId }): JSX.Element {
  return <Show when={props.section} keyed>{(section) => <SectionTable section={section} />}</Show>;
}

/** The view state as last applied to the rows, with the quick-search answer it was computed with. */
interface Applied {
  state: ViewState;
  ids: ReadonlySet<string> | null;
}

function SectionTable(props: { section: SectionId }): JSX.Element {
  const section = props.section;
  const base = useBase();
  const fields = createMemo(() => base.fields(section));
  const usable = createMemo(() => tableFields(fields()));
  const initial = defaultViewState(fields());
  const [state, setStateSignal] = createSignal<ViewState>(initial);
  const [applied, setApplied] = createSignal<Applied>({ state: initial, ids: null });
  const [trash, setTrash] = createSignal(false);
  const [version, setVersion] = createSignal(0);
  const [active, setActive] = createSignal(0);
  const [activeColumn, setActiveColumn] = createSignal(0);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [collapsed, setCollapsed] = createSignal<ReadonlySet<string>>(new Set());
  const [filterMenu, setFilterMenu] = createSignal<{ field: string; left: number; top: number } | null>(null);
  const [cellMenu, setCellMenu] = createSignal<{ rowIndex: number; field: string; x: number; y: number } | null>(null);
  const [columnsOpen, setColumnsOpen] = createSignal(false);
  const [conditionsOpen, setConditionsOpen] = createSignal(false);
  const [notice, setNotice] = createSignal('');
  let searchInput!: HTMLInputElement;
  let gridElement: HTMLDivElement | undefined;

  const context = createMemo<ColumnContext>(() => {
    const names = base.userNames();
    return {
      refName: (id) => {
        const row = base.engine.rows.get(id);
        return row ? displayName(row.section, row.v) : '';
      },
      userName: (id) => names.get(id) ?? id,
      compare: collator().compare,
      collationKey: language(),
    };
  });

  const sectionRows = createMemo(() => {
    base.rowsVersion();
    const inTrash = trash();
    const rows: Row[] = [];
    for (const row of base.engine.rows.values()) if (row.section === section && (row.deleted !== undefined) === inTrash) rows.push(row);
    return rows;
  });
  const data = createMemo(() => createTableData(sectionRows(), fields(), context()));
  const view = createMemo(() => computeView(data(), applied().state, applied().ids));
  const items = createMemo(() => displayItems(view().rows.length, view().groups, collapsed()));
  createEffect(on(view, () => setVersion((value) => value + 1)));
  createEffect(on(items, (list) => setActive((position) => Math.max(0, Math.min(position, list.length - 1)))));

  // Quick search answers come back asynchronously; only the newest query's answer is applied.
  const searches = latestOnly();
  const runSearch = () =>
    searches.track(
      base.search.search(state().search, section),
      (ids) => setApplied({ state: state(), ids }),
      (error) => {
        setNotice(t('table.actionFailed', { message: error instanceof Error ? error.message : String(error) }));
        setApplied({ state: state(), ids: null });
      },
    );
  const setState = (next: ViewState) => {
    const searchChanged = next.search !== state().search;
    setStateSignal(next);
    if (searchChanged) runSearch();
    else if (next.search === applied().state.search) setApplied({ state: next, ids: applied().ids });
  };
  // The index follows the rows: a changed base re-asks the current query.
  createEffect(on(base.rowsVersion, () => {
    if (state().search.trim()) runSearch();
  }, { defer: true }));

  // Build the shown columns' indexes while the user reads, so the first sort or filter is instant.
  // Only once the rows stay unchanged for a while: during an import or a sync pass every chunk
  // makes new data, and building every column again each time would slow the stream down.
  createEffect(on(data, (current) => {
    const pending = [...state().columns];
    let handle = 0;
    const step = () => {
      const field = pending.shift();
      if (!field) return;
      if (current.fields.has(field)) current.column(field);
      handle = schedule(step);
    };
    const quiet = window.setTimeout(() => (handle = schedule(step)), PREBUILD_AFTER_QUIET_MS);
    onCleanup(() => {
      clearTimeout(quiet);
      cancel(handle);
    });
  }));

  // Back from a card (Esc or close): the keyboard continues in the table where it left.
  createEffect(
    on(
      () => {
        const current = route();
        return current.page === 'section' && current.section === section && !current.recordId;
      },
      (tableOnTop, wasOnTop) => {
        if (tableOnTop && wasOnTop === false) gridElement?.focus();
      },
    ),
  );

  const model: TableModel = {
    section,
    data,
    state,
    setState,
    searchIds: () => applied().ids,
    view,
    currency: () => base.settings().currency,
    context,
    tableFields: usable,
    field: (id) => usable().find((field) => field.id === id),
    label: (id) => {
      const field = fields().find((candidate) => candidate.id === id);
      return field ? fieldLabel(field) : id;
    },
  };

  exposeTableHooks(() => ({ data: data(), state: applied().state, searchIds: applied().ids }));
  onCleanup(() => {
    if (window.__clientelaTable) window.__clientelaTable.current = null;
  });

  const sectionName = () => {
    const def = base.sections().find((candidate) => candidate.id === section);
    return def ? sectionLabel(def) : section;
  };
  const activeRowIndex = (): number | null => {
    const item = items()[active()];
    return item === undefined || item < 0 ? null : view().rows[item];
  };
  /** Whether Delete / Restore has something to act on (cheap: called on every render). */
  const hasTarget = () => selected().size > 0 || activeRowIndex() !== null;
  /** The checked rows that are shown (a filter may hide some), else the active row. */
  const targetIds = (): string[] => {
    if (selected().size > 0) {
      const rows = data().rows;
      return Array.from(view().rows, (index) => rows[index].id).filter((id) => selected().has(id));
    }
    const index = activeRowIndex();
    return index === null ? [] : [data().rows[index].id];
  };
  /** The book shards of the rows Delete / Restore / Hand over would act on (the selection, else the active row). */
  const targetShards = (): string[] => {
    if (selected().size > 0) return [...selected()].map((id) => base.engine.rows.get(id)?.shard ?? '');
    const index = activeRowIndex();
    return index === null ? [] : [data().rows[index].shard];
  };
  const viewOnly = () => base.account()?.role === 'viewer';
  const canAdd = () => canCreateRecords(base.account(), base.canWriteDoc(base.engine.shardForNewRecord()));
  /** Whether the user may change every targeted record (a book shared read-only makes the whole action unavailable). */
  const canChangeTargets = () => canEditAll(base.account(), targetShards(), base.canWriteDoc);
  const canHandOverTargets = () => mayHandOver(base.account(), true) && hasTarget() && canChangeTargets();
  const handOverTargets = createHandOverTargets(() => null);
  const act = (command: (engine: typeof base.engine, ids: string[]) => Promise<void>) => {
    const ids = targetIds();
    if (ids.length === 0) return;
    command(base.engine, ids).then(
      () => setSelected(new Set<string>()),
      (error: unknown) => setNotice(t('table.actionFailed', { message: commandFailure(error) })),
    );
  };
  // Undo / Redo in the shell are fire-and-forget: an undo of a change in a book that has since become
  // read-only (rights changed) is refused by the engine, and must be told here rather than lost.
  const onRejection = (event: PromiseRejectionEvent) => {
    if (!(event.reason instanceof ReadOnlyError)) return;
    event.preventDefault();
    setNotice(t('table.actionFailed', { message: commandFailure(event.reason) }));
  };
  window.addEventListener('unhandledrejection', onRejection);
  onCleanup(() => window.removeEventListener('unhandledrejection', onRejection));
  const handOver = (toId: string) => {
    const target = handOverTargets().find((candidate) => candidate.id === toId);
    const ids = targetIds();
    if (!target || ids.length === 0) return;
    moveRecords(base.engine, ids, target.id).then(
      () => {
        setSelected(new Set<string>());
        setNotice(t('table.handOverDone', { count: formatNumber(ids.length), name: target.name }));
      },
      (error: unknown) => setNotice(t('table.actionFailed', { message: commandFailure(error) })),
    );
  };

  const openRow = (rowIndex: number) => navigate({ page: 'section', section, recordId: data().rows[rowIndex].id });
  const toggleGroup = (group: RowGroup) => {
    const next = new Set(collapsed());
    const key = groupKey(group);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  };
  const openFilter = (field: string, anchor: HTMLElement) => {
    const rect = anchor.getBoundingClientRect();
    setFilterMenu({ field, left: Math.max(8, Math.min(rect.left - 240, window.innerWidth - 300)), top: rect.bottom + 2 });
  };
  const filterByCell = (rowIndex: number, field: string, key: string | null) => {
    setState(filterByValue(state(), field, key, key === null ? [] : caseSpellings(data(), field, key)));
    setCellMenu(null);
  };
  const filterByActiveCell = () => {
    const rowIndex = activeRowIndex();
    const field = state().columns.filter((id) => model.field(id))[activeColumn()];
    if (rowIndex === null || !field) return;
    const keys = valueKeys(model.field(field)!, data().rows[rowIndex].v[field], context());
    filterByCell(rowIndex, field, keys[0] ?? null);
  };
  const typeToSearch = (text: string) => {
    searchInput.focus();
    setState({ ...state(), search: text });
  };

  return (
    <div class="table-view" data-section={section} data-view-version={version()}>
      <div class="toolbar" role="toolbar" aria-label={sectionName()}>
        <input
          ref={searchInput}
          type="search"
          class="quick-search"
          aria-label={t('table.quickSearch')}
          placeholder={t('table.quickSearchPlaceholder')}
          value={state().search}
          onInput={(event) => setState({ ...state(), search: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || (event.key === 'Enter' && items().length > 0)) {
              event.preventDefault();
              gridElement?.focus();
            }
          }}
        />
        <Show when={canAdd()}>
          <button type="button" class="primary" onClick={() => navigate({ page: 'section', section, recordId: 'new' })}>
            {t('table.add')}
          </button>
          <ImportButton section={section} />
        </Show>
        <span class="toolbar-gap" />
        <button type="button" aria-haspopup="dialog" aria-expanded={columnsOpen()} onClick={() => setColumnsOpen(!columnsOpen())}>
          {t('table.columns')}
        </button>
        <label class="inline-field">
          <span>{t('table.groupBy')}</span>
          <select
            onChange={(event) => {
              setCollapsed(new Set<string>());
              setState({ ...state(), groupBy: event.currentTarget.value || null });
            }}
          >
            <option value="" selected={state().groupBy === null}>{t('table.noGrouping')}</option>
            <For each={usable()}>{(field) => <option value={field.id} selected={state().groupBy === field.id}>{fieldLabel(field)}</option>}</For>
          </select>
        </label>
        <button type="button" aria-expanded={conditionsOpen()} aria-pressed={conditionsOpen()} onClick={() => setConditionsOpen(!conditionsOpen())}>
          {t('table.detailedSearch')}
        </button>
        <ViewsBar model={model} onNotice={setNotice} />
        <ExportActions
          section={section}
          title={sectionName()}
          viewRows={() => Array.from(view().rows, (index) => data().rows[index])}
          columns={() => state().columns.map((id) => model.field(id)).filter((field) => field !== undefined)}
          selectedRows={() => Array.from(view().rows, (index) => data().rows[index]).filter((row) => selected().has(row.id))}
          context={context}
        />
        <span class="toolbar-gap" />
        <button type="button" onClick={filterByActiveCell} disabled={activeRowIndex() === null}>
          {t('table.filterByValue')}
        </button>
        <Show
          when={trash()}
          fallback={
            <Show when={!viewOnly()}>
              <button
                type="button"
                title={hasTarget() && !canChangeTargets() ? t('table.readOnlyTargets') : t('table.deleteHint')}
                disabled={!hasTarget() || !canChangeTargets()}
                onClick={() => act(deleteRecords)}
              >
                {t('table.delete')}
              </button>
            </Show>
          }
        >
          <Show when={!viewOnly()}>
            <button type="button" title={hasTarget() && !canChangeTargets() ? t('table.readOnlyTargets') : undefined} disabled={!hasTarget() || !canChangeTargets()} onClick={() => act(restoreRecords)}>
              {t('table.restore')}
            </button>
          </Show>
        </Show>
        <Show when={!trash() && mayHandOver(base.account(), true) && handOverTargets().length > 0}>
          <select
            class="table-handover"
            aria-label={t('table.handOver')}
            disabled={!canHandOverTargets()}
            onChange={(event) => {
              const toId = event.currentTarget.value;
              event.currentTarget.value = '';
              if (toId) handOver(toId);
            }}
          >
            <option value="">{t('table.handOver')}</option>
            <For each={handOverTargets()}>{(target) => <option value={target.id}>{target.name}</option>}</For>
          </select>
        </Show>
        <button
          type="button"
          aria-pressed={trash()}
          onClick={() => {
            setSelected(new Set<string>());
            setTrash(!trash());
          }}
        >
          {t('table.trash')}
        </button>
      </div>
      <Show when={notice()}>
        <div class="notice info table-notice" role="status">
          {notice()}
          <button type="button" onClick={() => setNotice('')}>{t('app.dismiss')}</button>
        </div>
      </Show>
      <Show when={conditionsOpen()}>
        <ConditionsPanel model={model} />
      </Show>
      <FilterChips model={model} />
      <Show when={viewOnly()}>
        <p class="table-view-only" role="note">{t('table.viewOnly')}</p>
      </Show>
      <div class="table-status" role="status" aria-live="polite">
        {t('table.count', { shown: formatNumber(view().rows.length), total: formatNumber(data().rows.length) })}
        <Show when={selected().size > 0}> · {t('table.selected', { count: formatNumber(selected().size) })}</Show>
      </div>
      <Grid
        model={model}
        items={items()}
        active={active()}
        setActive={setActive}
        activeColumn={activeColumn()}
        setActiveColumn={setActiveColumn}
        selected={selected()}
        setSelected={setSelected}
        collapsed={collapsed()}
        toggleGroup={toggleGroup}
        openRow={openRow}
        openFilter={openFilter}
        openCellMenu={(rowIndex, field, x, y) => setCellMenu({ rowIndex, field, x, y })}
        typeToSearch={typeToSearch}
        label={t('table.gridLabel', { section: sectionName() })}
        ref={(element) => (gridElement = element)}
      />
      <Show when={items().length === 0}>
        <p class="table-empty">{trash() ? t('table.trashEmpty') : data().rows.length === 0 ? t('table.empty') : t('table.noMatch')}</p>
      </Show>
      <div class="totals-wrap">
        <TotalsBar model={model} />
      </div>
      <Show when={columnsOpen()}>
        <div class="backdrop" onClick={() => setColumnsOpen(false)} />
        <ColumnsMenu model={model} onClose={() => setColumnsOpen(false)} />
      </Show>
      <Show when={filterMenu()} keyed>
        {(menu) => (
          <>
            <div class="backdrop" onClick={() => setFilterMenu(null)} />
            <AutoFilterMenu model={model} field={menu.field} left={menu.left} top={menu.top} onClose={() => setFilterMenu(null)} />
          </>
        )}
      </Show>
      <Show when={cellMenu()} keyed>
        {(menu) => {
          const field = model.field(menu.field)!;
          const keys = valueKeys(field, data().rows[menu.rowIndex]?.v[menu.field], context()).slice(0, 5);
          return (
            <>
              <div class="backdrop" onClick={() => setCellMenu(null)} onContextMenu={(event) => { event.preventDefault(); setCellMenu(null); }} />
              <div
                class="popover cell-menu"
                role="menu"
                aria-label={t('table.cellMenu')}
                style={{ left: `${Math.min(menu.x, window.innerWidth - 260)}px`, top: `${Math.min(menu.y, window.innerHeight - 200)}px` }}
                ref={(menuElement) => queueMicrotask(() => menuElement.querySelector<HTMLElement>('[role=menuitem]')?.focus())}
                onKeyDown={(event) => {
                  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role=menuitem]')];
                  const at = items.indexOf(document.activeElement as HTMLElement);
                  if (event.key === 'Escape') {
                    setCellMenu(null);
                    gridElement?.focus();
                  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                    event.preventDefault();
                    items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
                  }
                }}
              >
                <Show when={keys.length > 0} fallback={<button type="button" role="menuitem" onClick={() => filterByCell(menu.rowIndex, menu.field, null)}>{t('table.filterByNamed', { value: t('table.blanks') })}</button>}>
                  <For each={keys}>
                    {(key) => (
                      <button type="button" role="menuitem" onClick={() => filterByCell(menu.rowIndex, menu.field, key)}>
                        {keys.length === 1 ? t('table.filterByValue') : t('table.filterByNamed', { value: formatKey(field, key, model.currency()) })}
                      </button>
                    )}
                  </For>
                </Show>
                <button type="button" role="menuitem" onClick={() => { setCellMenu(null); openRow(menu.rowIndex); }}>
                  {t('table.openCard')}
                </button>
              </div>
            </>
          );
        }}
      </Show>
    </div>
  );
}

/** How long the rows must stay unchanged before the shown columns' indexes are built ahead. */
const PREBUILD_AFTER_QUIET_MS = 1_000;

type IdleHandle = number;

function schedule(callback: () => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(callback, { timeout: 2000 });
  return window.setTimeout(callback, 50);
}

function cancel(handle: IdleHandle): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
