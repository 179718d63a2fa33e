/** The totals bar: Excel's SUM … VAR.S of every shown number or money column over the rows shown. */
import { For, Show, type JSX } from 'solid-js';
import { t, formatNumber } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { formatFieldNumber } from './format';
import type { TableModel } from './table-model';
import { TOTAL_FUNCTIONS, type Totals } from './totals';

/**
 * A total as shown: "—" where Excel shows #DIV/0! or #NUM!. COUNT, PRODUCT and VAR.S are
 * plain numbers (their unit is not the column's: a variance of euros is in euros squared).
 */
export function formatTotal(key: keyof Totals, value: number | null, format: (value: number) => string): string {
  if (value === null) return '—';
  // Beyond 15 digits the figures are noise: show them as Excel does, in scientific notation.
  if (Math.abs(value) >= 1e15) return formatNumber(value, { notation: 'scientific', maximumSignificantDigits: 6 });
  if (key === 'count') return formatNumber(value);
  if (key === 'product' || key === 'varS') return formatNumber(value, { maximumFractionDigits: 4 });
  return format(value);
}

/** The totals table under the grid (nothing when no numeric column is shown). */
export function TotalsBar(props: { model: TableModel }): JSX.Element {
  const model = props.model;
  const columns = () => [...model.view().totals.entries()];
  return (
    <Show when={columns().length > 0}>
      <table class="totals" aria-label={t('table.totals')}>
        <thead>
          <tr>
            <th scope="col">{t('table.total.column')}</th>
            <For each={TOTAL_FUNCTIONS}>
              {(fn) => (
                <th scope="col" title={fn.excel}>
                  {t(`table.total.${fn.key}` as MessageKey)}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={columns()}>
            {([fieldId, totals]) => {
              const field = model.field(fieldId)!;
              const format = (value: number) => formatFieldNumber(field, value, model.currency());
              return (
                <tr data-totals-for={fieldId}>
                  <th scope="row">{model.label(fieldId)}</th>
                  <For each={TOTAL_FUNCTIONS}>{(fn) => <td data-total={fn.key}>{formatTotal(fn.key, totals[fn.key], format)}</td>}</For>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
