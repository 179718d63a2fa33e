/** The active filters as removable chips: quick search, each AutoFilter, each condition. */
import { For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { columnKind } from './columns';
import { conditionProblem } from './filtering';
import { operatorLabel } from './ConditionsPanel';
import { formatKey } from './format';
import type { TableModel } from './table-model';
import { isFiltered, withAutoFilter, type AutoFilter, type Condition } from './view-state';

const MAX_LISTED = 3;

/** The row of chips above the grid (nothing when the view is unfiltered). */
export function FilterChips(props: { model: TableModel }): JSX.Element {
  const model = props.model;
  const state = () => model.state();

  const filterText = (filter: AutoFilter): string => {
    const field = model.field(filter.field);
    const column = model.label(filter.field);
    const values = filter.values.map((key) => (field ? formatKey(field, key, model.currency()) : key));
    if (filter.blanks) values.push(t('table.blanks'));
    if (values.length > MAX_LISTED) return t('table.chip.valuesMany', { column, count: values.length });
    return t('table.chip.values', { column, values: values.join(', ') });
  };
  const conditionText = (condition: Condition): string => {
    const kind = columnKind(model.field(condition.field)?.type ?? 'text');
    const value = condition.op === 'between' ? `${condition.value} – ${condition.value2}` : condition.op === 'empty' || condition.op === 'notEmpty' ? '' : condition.value;
    return `${model.label(condition.field)} ${operatorLabel(condition.op, kind)} ${value}`.trim();
  };

  /** Conditions that filter now (an incomplete one is shown only in the detailed-search panel). */
  const appliedConditions = () =>
    state().conditions.items
      .map((condition, index) => ({ condition, index }))
      .filter(({ condition }) => model.data().fields.has(condition.field) && conditionProblem(model.data().column(condition.field), condition) === null);

  const clearAll = () => model.setState({ ...state(), search: '', filters: [], conditions: { ...state().conditions, items: [] } });

  return (
    <Show when={isFiltered(state())}>
      <div class="chips" role="group" aria-label={t('table.activeFilters')}>
        <Show when={state().search.trim()}>
          <Chip text={t('table.chip.search', { text: state().search.trim() })} onRemove={() => model.setState({ ...state(), search: '' })} />
        </Show>
        <For each={state().filters}>{(filter) => <Chip text={filterText(filter)} onRemove={() => model.setState(withAutoFilter(state(), filter.field, null))} />}</For>
        <For each={appliedConditions()}>
          {(entry, position) => (
            <Chip
              text={`${position() > 0 ? (state().conditions.mode === 'or' ? '∨ ' : '∧ ') : ''}${conditionText(entry.condition)}`}
              onRemove={() => model.setState({ ...state(), conditions: { ...state().conditions, items: state().conditions.items.filter((_, at) => at !== entry.index) } })}
            />
          )}
        </For>
        <button type="button" class="chips-clear" onClick={clearAll}>{t('table.clearFilters')}</button>
      </div>
    </Show>
  );
}

function Chip(props: { text: string; onRemove(): void }): JSX.Element {
  return (
    <span class="chip" data-chip={props.text}>
      <span class="chip-text">{props.text}</span>
      <button type="button" class="chip-remove" aria-label={t('table.chip.remove', { filter: props.text })} onClick={() => props.onRemove()}>
        ✕
      </button>
    </span>
  );
}
