/** The detailed search: conditions on fields (equals, contains, before/after/between, empty...) with AND/OR. */
import { For, Index, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { columnKind, type ColumnKind } from './columns';
import { conditionProblem } from './filtering';
import type { TableModel } from './table-model';
import type { Condition, ConditionOp } from './view-state';

/** The operators that make sense for a kind of column. */
export function operatorsFor(kind: ColumnKind): ConditionOp[] {
  if (kind === 'number' || kind === 'date' || kind === 'datetime') return ['equals', 'before', 'after', 'between', 'empty', 'notEmpty'];
  if (kind === 'bool') return ['equals', 'empty', 'notEmpty'];
  return ['equals', 'contains', 'startsWith', 'empty', 'notEmpty'];
}

/** The label of an operator for a kind of column ("before" for dates is "less than" for numbers). */
export function operatorLabel(op: ConditionOp, kind: ColumnKind): string {
  if (kind === 'number' && op === 'before') return t('table.op.less');
  if (kind === 'number' && op === 'after') return t('table.op.greater');
  return t(`table.op.${op}` as MessageKey);
}

/** The detailed-search panel of a table. */
export function ConditionsPanel(props: { model: TableModel }): JSX.Element {
  const model = props.model;
  const conditions = () => model.state().conditions;
  const update = (items: Condition[], mode = conditions().mode) => model.setState({ ...model.state(), conditions: { mode, items } });
  const change = (index: number, patch: Partial<Condition>) => update(conditions().items.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  const kindOf = (fieldId: string): ColumnKind => columnKind(model.field(fieldId)?.type ?? 'text');
  const addCondition = () => {
    const first = model.state().columns[0] ?? model.tableFields()[0]?.id;
    if (!first) return;
    update([...conditions().items, { field: first, op: operatorsFor(kindOf(first))[0], value: '', value2: '' }]);
  };

  return (
    <section class="conditions" aria-label={t('table.detailedSearch')}>
      <fieldset class="cond-mode">
        <legend>{t('table.cond.combine')}</legend>
        <label>
          <input type="radio" name={`cond-mode-${model.section}`} checked={conditions().mode === 'and'} onChange={() => update(conditions().items, 'and')} />
          {t('table.cond.matchAll')}
        </label>
        <label>
          <input type="radio" name={`cond-mode-${model.section}`} checked={conditions().mode === 'or'} onChange={() => update(conditions().items, 'or')} />
          {t('table.cond.matchAny')}
        </label>
      </fieldset>
      <Show when={conditions().items.length === 0}>
        <p class="cond-empty">{t('table.cond.none')}</p>
      </Show>
      <ol class="cond-list">
        <Index each={conditions().items}>
          {(condition, index) => {
            const kind = () => kindOf(condition().field);
            const problem = () => {
              if (!model.data().fields.has(condition().field)) return null;
              return conditionProblem(model.data().column(condition().field), condition());
            };
            const needsValue = () => condition().op !== 'empty' && condition().op !== 'notEmpty';
            const inputType = () => (kind() === 'date' || kind() === 'datetime' ? 'date' : 'text');
            return (
              <li class="cond-row">
                <select aria-label={t('table.cond.field')} value={condition().field} onChange={(event) => {
                  const field = event.currentTarget.value;
                  const ops = operatorsFor(kindOf(field));
                  change(index, { field, op: ops.includes(condition().op) ? condition().op : ops[0], value: '', value2: '' });
                }}>
                  <For each={model.tableFields()}>{(field) => <option value={field.id} selected={field.id === condition().field}>{model.label(field.id)}</option>}</For>
                </select>
                <select aria-label={t('table.cond.operator')} value={condition().op} onChange={(event) => change(index, { op: event.currentTarget.value as ConditionOp })}>
                  <For each={operatorsFor(kind())}>{(op) => <option value={op} selected={op === condition().op}>{operatorLabel(op, kind())}</option>}</For>
                </select>
                <Show when={needsValue()}>
                  <Show
                    when={kind() === 'bool'}
                    fallback={<input type={inputType()} aria-label={t('table.cond.value')} value={condition().value} onInput={(event) => change(index, { value: event.currentTarget.value })} />}
                  >
                    <select aria-label={t('table.cond.value')} value={condition().value} onChange={(event) => change(index, { value: event.currentTarget.value })}>
                      <option value="" selected={condition().value === ''} />
                      <option value="true" selected={condition().value === 'true'}>{t('table.yes')}</option>
                      <option value="false" selected={condition().value === 'false'}>{t('table.no')}</option>
                    </select>
                  </Show>
                </Show>
                <Show when={condition().op === 'between'}>
                  <input type={inputType()} aria-label={t('table.cond.valueTo')} placeholder={t('table.cond.valueTo')} value={condition().value2} onInput={(event) => change(index, { value2: event.currentTarget.value })} />
                </Show>
                <button type="button" aria-label={t('table.cond.remove')} title={t('table.cond.remove')} onClick={() => update(conditions().items.filter((_, at) => at !== index))}>
                  ✕
                </button>
                <Show when={problem()}>{(key) => <span class="cond-problem" classList={{ hint: key() === 'table.cond.needValue' }} role="status">{t(key())}</span>}</Show>
              </li>
            );
          }}
        </Index>
      </ol>
      <button type="button" onClick={addCondition}>{t('table.cond.add')}</button>
    </section>
  );
}
