/**
 * The virtualized grid: only the rows in view are in the DOM (fixed row height), so 100k rows
 * scroll as smoothly as 100. Rows and group headers come from a flat display list.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { isNumericType, type FieldDef } from '../schema/fields';
import { CellContent } from './cells';
import { formatFieldNumber, formatKey } from './format';
import { groupKey, type RowGroup } from './grouping';
import type { TableModel } from './table-model';
import { toggleSort } from './view-state';

/** Height of one row in pixels (matches --row-height in app.css). */
export const ROW_HEIGHT = 32;
const OVERSCAN = 6;

/** What the grid needs from the screen around it. */
export interface GridProps {
  model: TableModel;
  /** Display list: row positions (>= 0) and group headers (-(g + 1)). */
  items: Int32Array;
  active: number;
  setActive(position: number): void;
  activeColumn: number;
  setActiveColumn(column: number): void;
  selected: ReadonlySet<string>;
  setSelected(next: ReadonlySet<string>): void;
  collapsed: ReadonlySet<string>;
  toggleGroup(group: RowGroup): void;
  openRow(rowIndex: number): void;
  openFilter(field: string, anchor: HTMLElement): void;
  openCellMenu(rowIndex: number, field: string, x: number, y: number): void;
  typeToSearch(text: string): void;
  label: string;
  /** Receives the grid element (focus after actions). */
  ref?: (element: HTMLDivElement) => void;
}

/** Column width by field type: wide for names and notes, narrow for numbers, dates, yes/no. */
function columnWidth(field: FieldDef): number {
  if (field.title) return 210;
  switch (field.type) {
    case 'longtext':
      return 240;
    case 'number':
    case 'money':
    case 'choice':
    case 'date':
    case 'reminder':
      return 120;
    case 'datetime':
      return 175;
    case 'bool':
      return 80;
    case 'emails':
    case 'email':
    case 'link':
      return 200;
    case 'phones':
    case 'phone':
      return 150;
    default:
      return 135;
  }
}

/** The grid of one section. */
export function Grid(props: GridProps): JSX.Element {
  let element!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(600);
  const model = props.model;
  const idPrefix = `grid-${model.section}`;

  const columns = createMemo(() => model.state().columns.map((id) => model.field(id)).filter((field): field is FieldDef => field !== undefined));
  const template = createMemo(() => `36px ${columns().map((field) => `${columnWidth(field)}px`).join(' ')}`);
  const contentWidth = createMemo(() => 36 + columns().reduce((sum, field) => sum + columnWidth(field), 0));
  const slots = createMemo(() => {
    const first = Math.max(0, Math.floor(scrollTop() / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(props.items.length, Math.ceil((scrollTop() + height()) / ROW_HEIGHT) + OVERSCAN);
    return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  });
  const firstSlot = () => slots()[0] ?? 0;
  const rowAt = (position: number) => model.data().rows[model.view().rows[props.items[position]]];
  const sortIndex = (field: string) => model.state().sort.findIndex((key) => key.field === field);

  onMount(() => {
    props.ref?.(element);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    onCleanup(() => observer.disconnect());
  });

  /** Scrolls so that the item at `position` is in view below the sticky header. */
  const reveal = (position: number) => {
    const top = position * ROW_HEIGHT;
    const room = element.clientHeight - ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + room) element.scrollTop = top + ROW_HEIGHT - room;
  };

  const moveTo = (position: number) => {
    if (props.items.length === 0) return;
    const next = Math.max(0, Math.min(props.items.length - 1, position));
    props.setActive(next);
    reveal(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== element) return;
    const page = Math.max(1, Math.floor((element.clientHeight - ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const item = props.items[props.active];
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(props.active + 1),
      ArrowUp: () => moveTo(props.active - 1),
      PageDown: () => moveTo(props.active + page),
      PageUp: () => moveTo(props.active - page),
      Home: () => moveTo(0),
      End: () => moveTo(props.items.length - 1),
      ArrowRight: () => props.setActiveColumn(Math.min(columns().length - 1, props.activeColumn + 1)),
      ArrowLeft: () => props.setActiveColumn(Math.max(0, props.activeColumn - 1)),
      Enter: () => {
        if (item === undefined) return;
        if (item < 0) props.toggleGroup(model.view().groups![-item - 1]);
        else props.openRow(model.view().rows[item]);
      },
      ' ': () => {
        if (item === undefined || item < 0) return;
        toggleSelected(rowAt(props.active).id);
      },
    };
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const field = columns()[props.activeColumn];
      const cell = element.querySelector(`[id="${idPrefix}-item-${props.active}"] [aria-colindex="${props.activeColumn + 2}"]`);
      if (item === undefined || item < 0 || !field || !cell) return;
      const rect = cell.getBoundingClientRect();
      props.openCellMenu(model.view().rows[item], field.id, rect.left, rect.bottom);
      return;
    }
    const action = keys[event.key];
    if (action && !event.altKey) {
      event.preventDefault();
      action();
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      props.typeToSearch(event.key);
    }
  };

  const toggleSelected = (id: string) => {
    const next = new Set(props.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    props.setSelected(next);
  };

  const allShownSelected = () => model.view().rows.length > 0 && props.selected.size === model.view().rows.length;
  const toggleAllShown = () => {
    if (allShownSelected()) props.setSelected(new Set());
    else props.setSelected(new Set(Array.from(model.view().rows, (index) => model.data().rows[index].id)));
  };

  const activeId = () => (props.items.length > 0 ? `${idPrefix}-item-${props.active}` : undefined);

  return (
    <div
      ref={element}
      class="grid"
      role="grid"
      tabIndex={0}
      aria-label={props.label}
      aria-rowcount={props.items.length + 1}
      aria-colcount={columns().length + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeId()}
      onScroll={() => setScrollTop(element.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" class="grid-head" style={{ width: `${contentWidth()}px` }}>
        <div role="row" aria-rowindex={1} class="grid-row" style={{ 'grid-template-columns': template() }}>
          <div role="columnheader" class="th th-select" aria-colindex={1}>
            <input type="checkbox" aria-label={t('table.selectAllRows')} checked={allShownSelected()} onChange={toggleAllShown} />
          </div>
          <For each={columns()}>
            {(field, index) => {
              const position = () => sortIndex(field.id);
              const dir = () => (position() >= 0 ? model.state().sort[position()].dir : null);
              const filtered = () => model.state().filters.some((filter) => filter.field === field.id);
              return (
                <div
                  role="columnheader"
                  class="th"
                  classList={{ numeric: isNumericType(field.type) }}
                  aria-colindex={index() + 2}
                  aria-sort={dir() === 'asc' ? 'ascending' : dir() === 'desc' ? 'descending' : 'none'}
                  data-field={field.id}
                >
                  <button
                    type="button"
                    class="th-sort"
                    title={t('table.sortHint')}
                    aria-description={position() >= 0 ? t('table.sortOrder', { order: position() + 1 }) : undefined}
                    onClick={(event) => model.setState({ ...model.state(), sort: toggleSort(model.state().sort, field.id, event.shiftKey) })}
                  >
                    <span class="th-label">{model.label(field.id)}</span>
                    <Show when={dir()}>
                      <span class="sort-indicator" aria-hidden="true" data-sort-order={position() + 1}>
                        {dir() === 'asc' ? '▲' : '▼'}
                        <Show when={model.state().sort.length > 1}>{position() + 1}</Show>
                      </span>
                    </Show>
                  </button>
                  <button
                    type="button"
                    class="th-filter"
                    classList={{ active: filtered() }}
                    aria-label={t('table.filterColumn', { column: model.label(field.id) })}
                    aria-haspopup="dialog"
                    aria-pressed={filtered()}
                    onClick={(event) => props.openFilter(field.id, event.currentTarget)}
                  >
                    {filtered() ? '⧩' : '▾'}
                  </button>
                </div>
              );
            }}
          </For>
        </div>
      </div>
      <div role="rowgroup" class="grid-body" style={{ height: `${props.items.length * ROW_HEIGHT}px`, width: `${contentWidth()}px` }}>
        <div role="none" class="grid-window" style={{ transform: `translateY(${firstSlot() * ROW_HEIGHT}px)` }}>
          {/* Keyed by position: scrolling a few rows creates only the rows that come into view. */}
          <For each={slots()}>
            {(position) => {
              const item = () => props.items[position];
              const group = () => (item() < 0 ? model.view().groups?.[-item() - 1] : undefined);
              const rowIndex = () => (item() >= 0 ? model.view().rows[item()] : -1);
              const row = () => (rowIndex() >= 0 ? model.data().rows[rowIndex()] : undefined);
              const activate = () => {
                props.setActive(position);
                element.focus();
              };
              return (
                <Show
                  when={group()}
                  fallback={
                    <Show when={row()}>
                      {(current) => (
                        <div
                          role="row"
                          id={`${idPrefix}-item-${position}`}
                          class="grid-row data-row"
                          classList={{ active: props.active === position, selected: props.selected.has(current().id), deleted: current().deleted !== undefined }}
                          style={{ 'grid-template-columns': template() }}
                          aria-rowindex={position + 2}
                          aria-selected={props.selected.has(current().id)}
                          data-record-id={current().id}
                          onClick={activate}
                          onDblClick={() => props.openRow(rowIndex())}
                        >
                          <div role="gridcell" class="td td-select" aria-colindex={1}>
                            <input
                              type="checkbox"
                              tabIndex={-1}
                              aria-label={t('table.selectRow')}
                              checked={props.selected.has(current().id)}
                              onClick={(event) => event.stopPropagation()}
                              onChange={() => toggleSelected(current().id)}
                            />
                          </div>
                          <For each={columns()}>
                            {(field, column) => (
                              <div
                                role="gridcell"
                                class="td"
                                classList={{ numeric: isNumericType(field.type), 'active-cell': props.active === position && props.activeColumn === column() }}
                                aria-colindex={column() + 2}
                                data-field={field.id}
                                onClick={() => props.setActiveColumn(column())}
                                onContextMenu={(event) => {
                                  event.preventDefault();
                                  props.setActive(position);
                                  props.setActiveColumn(column());
                                  props.openCellMenu(rowIndex(), field.id, event.clientX, event.clientY);
                                }}
                              >
                                <CellContent field={field} value={current().v[field.id]} context={model.context()} currency={model.currency()} />
                              </div>
                            )}
                          </For>
                        </div>
                      )}
                    </Show>
                  }
                >
                  {(current) => (
                    <GroupRow
                      model={model}
                      group={current()}
                      columns={columns()}
                      template={template()}
                      position={position}
                      id={`${idPrefix}-item-${position}`}
                      active={props.active === position}
                      collapsed={props.collapsed.has(groupKey(current()))}
                      onToggle={props.toggleGroup}
                      onActivate={activate}
                    />
                  )}
                </Show>
              );
            }}
          </For>
        </div>
      </div>
    </div>
  );
}

/** A group header: the value, its row count, and the sum of each numeric column (Excel subtotals). */
function GroupRow(props: {
  model: TableModel;
  group: RowGroup;
  columns: FieldDef[];
  template: string;
  position: number;
  id: string;
  active: boolean;
  collapsed: boolean;
  onToggle(group: RowGroup): void;
  onActivate(): void;
}): JSX.Element {
  const groupField = () => props.model.field(props.model.state().groupBy ?? '');
  const label = () => {
    const field = groupField();
    const text = field ? formatKey(field, props.group.label, props.model.currency()) : props.group.label ?? '';
    return t('table.group.label', { group: text, count: props.group.end - props.group.start });
  };
  return (
    <div
      role="row"
      id={props.id}
      class="grid-row group-row"
      classList={{ active: props.active }}
      style={{ 'grid-template-columns': props.template }}
      aria-rowindex={props.position + 2}
      aria-expanded={!props.collapsed}
      data-group={props.group.label ?? ''}
      onClick={props.onActivate}
    >
      <div role="gridcell" class="td td-select" aria-colindex={1}>
        <button
          type="button"
          class="group-toggle"
          tabIndex={-1}
          aria-label={t('table.group.toggle', { group: label() })}
          aria-expanded={!props.collapsed}
          onClick={(event) => {
            event.stopPropagation();
            props.onToggle(props.group);
          }}
        >
          {props.collapsed ? '▸' : '▾'}
        </button>
      </div>
      <For each={props.columns}>
        {(field, column) => {
          const totals = () => props.group.totals.get(field.id);
          return (
            <div role="gridcell" class="td" classList={{ numeric: totals() !== undefined, 'group-label': column() === 0 }} aria-colindex={column() + 2}>
              {column() === 0 ? (
                <>
                  <span class="group-title">{label()}</span>
                  <For each={[...props.group.totals.entries()]}>
                    {([fieldId, totals]) => (
                      <span class="group-summary">
                        {props.model.label(fieldId)}: Σ {formatFieldNumber(props.model.field(fieldId) ?? { type: 'number' }, totals.sum, props.model.currency())}
                      </span>
                    )}
                  </For>
                </>
              ) : null}
              <Show when={totals()}>{(sum) => <span class="group-sum">Σ {formatFieldNumber(field, sum().sum, props.model.currency())}</span>}</Show>
            </div>
          );
        }}
      </For>
    </div>
  );
}
