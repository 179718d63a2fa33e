/**
 * The AutoFilter drop-down of one column: its values with counts (as the other filters leave
 * them), a search box over the list, select all / clear all, (Blanks), OK / Cancel.
 */
import { createMemo, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { t, formatNumber } from '../i18n/i18n';
import { foldText } from '../search/normalize';
import { autoFilterValues } from './autofilter-values';
import { formatKey } from './format';
import type { TableModel } from './table-model';
import { withAutoFilter } from './view-state';

/** How many values the list renders at once; typing in its search box narrows the rest. */
const LIST_LIMIT = 400;

/** The drop-down of `field`, placed at (left, top) in the viewport. */
export function AutoFilterMenu(props: { model: TableModel; field: string; left: number; top: number; onClose(): void }): JSX.Element {
  const model = props.model;
  const field = model.field(props.field)!;
  const list = autoFilterValues(model.data(), model.state(), model.searchIds(), props.field);
  const existing = model.state().filters.find((filter) => filter.field === props.field);
  // An entry is checked when any of its spellings is chosen; entries are identified by `key`.
  const chosen = new Set(existing?.values ?? []);
  const initial = existing ? list.entries.filter((entry) => entry.keys.some((key) => chosen.has(key))) : list.entries;
  const [checked, setChecked] = createSignal<Set<string>>(new Set(initial.map((entry) => entry.key)));
  const [blanks, setBlanks] = createSignal(existing ? existing.blanks : true);
  const [query, setQuery] = createSignal('');
  const label = (key: string) => formatKey(field, key, model.currency());
  let search!: HTMLInputElement;

  const matching = createMemo(() => {
    const wanted = foldText(query().trim());
    if (!wanted) return list.entries;
    return list.entries.filter((entry) => foldText(label(entry.key)).includes(wanted));
  });
  const blanksVisible = () => list.blanks > 0 && (!query().trim() || foldText(t('table.blanks')).includes(foldText(query().trim())));

  const setAll = (on: boolean) => {
    const next = new Set(checked());
    for (const entry of matching()) {
      if (on) next.add(entry.key);
      else next.delete(entry.key);
    }
    setChecked(next);
    if (blanksVisible()) setBlanks(on);
  };
  const toggle = (key: string) => {
    const next = new Set(checked());
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setChecked(next);
  };

  const apply = () => {
    const picked = list.entries.filter((entry) => checked().has(entry.key));
    const values = picked.flatMap((entry) => entry.keys);
    const everything = picked.length === list.entries.length && (blanks() || list.blanks === 0);
    model.setState(withAutoFilter(model.state(), props.field, everything ? null : { values, blanks: blanks() }));
    props.onClose();
  };

  onMount(() => search.focus());

  return (
    <div
      class="popover autofilter"
      role="dialog"
      aria-label={t('table.af.title', { column: model.label(props.field) })}
      style={{ left: `${props.left}px`, top: `${props.top}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
        if (event.key === 'Enter' && event.target === search) apply();
      }}
    >
      <input ref={search} type="search" aria-label={t('table.af.search')} placeholder={t('table.af.search')} value={query()} onInput={(event) => setQuery(event.currentTarget.value)} />
      <div class="af-bulk">
        <button type="button" onClick={() => setAll(true)}>{t('table.selectAll')}</button>
        <button type="button" onClick={() => setAll(false)}>{t('table.clearAll')}</button>
      </div>
      <ul class="af-list" role="group" aria-label={model.label(props.field)}>
        <For each={matching().slice(0, LIST_LIMIT)}>
          {(entry) => (
            <li>
              <label>
                <input type="checkbox" checked={checked().has(entry.key)} onChange={() => toggle(entry.key)} />
                <span class="af-value">{label(entry.key)}</span>
                <span class="af-count">({formatNumber(entry.count)})</span>
              </label>
            </li>
          )}
        </For>
        <Show when={blanksVisible()}>
          <li>
            <label>
              <input type="checkbox" checked={blanks()} onChange={() => setBlanks(!blanks())} />
              <span class="af-value">{t('table.blanks')}</span>
              <span class="af-count">({formatNumber(list.blanks)})</span>
            </label>
          </li>
        </Show>
        <Show when={matching().length === 0 && !blanksVisible()}>
          <li class="af-note">{t('table.af.none')}</li>
        </Show>
      </ul>
      <Show when={matching().length > LIST_LIMIT}>
        <p class="af-note">{t('table.af.more', { count: formatNumber(matching().length - LIST_LIMIT) })}</p>
      </Show>
      <div class="af-actions">
        <button type="button" class="primary" onClick={apply}>{t('table.af.ok')}</button>
        <button type="button" onClick={() => props.onClose()}>{t('table.cancel')}</button>
      </div>
    </div>
  );
}
