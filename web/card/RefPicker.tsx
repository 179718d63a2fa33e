/**
 * A reference to another record (a person's organization): a combobox that searches the
 * referenced section by name as you type, plus a button that opens the chosen record.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { collator, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { navigate } from '../app/route';
import { displayName } from '../duplicates/find-duplicates';
import { foldText } from '../search/normalize';
import { matchByName, refCandidate, type RefCandidate } from './ref-search';
import type { SectionId } from '../schema/fields';
import type { EditorProps } from './editor-props';

const MAX_OPTIONS = 8;

/** The editor of a ref field. */
export function RefPicker(props: EditorProps): JSX.Element {
  const base = useBase();
  const section = (): SectionId => props.field.refSection ?? 'orgs';
  const [query, setQuery] = createSignal<string | null>(null);
  const [active, setActive] = createSignal(0);
  const listId = `${props.inputId}-options`;

  const referenced = () => {
    base.rowsVersion();
    return typeof props.value === 'string' ? base.engine.rows.get(props.value) : undefined;
  };
  const currentName = () => {
    const row = referenced();
    if (row) return displayName(row.section, row.v) || t('card.untitled');
    return typeof props.value === 'string' && props.value ? t('card.ref.missing') : '';
  };
  // Folded names of the section, built on first keystroke and rebuilt only when rows changed,
  // so an open card costs nothing while other edits happen and typing stays cheap.
  let cache: { version: number; list: RefCandidate[] } | null = null;
  const candidates = () => {
    const version = base.rowsVersion();
    if (cache?.version === version) return cache.list;
    const list: RefCandidate[] = [];
    for (const row of base.engine.rows.values()) {
      if (row.section !== section() || row.deleted) continue;
      const name = displayName(row.section, row.v);
      if (name) list.push(refCandidate(row.id, name));
    }
    cache = { version, list };
    return list;
  };
  const options = createMemo(() => {
    const text = query();
    if (text === null || text.trim() === '') return [];
    return matchByName(candidates(), text, MAX_OPTIONS, collator().compare);
  });
  const open = () => query() !== null && query()!.trim() !== '';

  const choose = (id: string | null, input: HTMLInputElement) => {
    setQuery(null);
    input.value = currentName();
    if (id !== (typeof props.value === 'string' ? props.value : null)) props.commit(id);
  };
  const finish = (input: HTMLInputElement) => {
    // Emptying the box clears the reference; a typed name that matches exactly one record picks
    // it; half-typed text that picked nothing is dropped.
    const typed = query();
    const exact = typed === null ? [] : options().filter((option) => option.folded === foldText(typed.trim()));
    if (typed !== null && input.value.trim() === '') choose(null, input);
    else if (exact.length === 1) choose(exact[0].id, input);
    else {
      setQuery(null);
      input.value = currentName();
    }
  };
  const onKeyDown = (event: KeyboardEvent & { currentTarget: HTMLInputElement }) => {
    const count = options().length;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      setActive((active() + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      setActive((active() - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (open() && count) choose(options()[Math.min(active(), count - 1)].id, event.currentTarget);
      else finish(event.currentTarget);
    } else if (event.key === 'Escape' && query() !== null) {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
      event.currentTarget.value = currentName();
    }
  };

  return (
    <div class="card-ref">
      <div class="card-ref-box">
        <input
          id={props.inputId}
          role="combobox"
          aria-expanded={open()}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open() && options().length ? `${listId}-${Math.min(active(), options().length - 1)}` : undefined}
          placeholder={t('card.ref.placeholder')}
          value={currentName()}
          autocomplete="off"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => finish(event.currentTarget)}
        />
        <Show when={open()}>
          <ul class="card-ref-options" role="listbox" id={listId} aria-label={props.label}>
            <For
              each={options()}
              fallback={
                <li role="option" aria-disabled="true" aria-selected="false" class="card-muted">
                  {t('card.ref.none')}
                </li>
              }
            >
              {(option, index) => (
                <li
                  role="option"
                  id={`${listId}-${index()}`}
                  aria-selected={index() === active()}
                  // mousedown, not click: the input must not lose focus (and save) first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(option.id, document.getElementById(props.inputId) as HTMLInputElement);
                  }}
                >
                  {option.name}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
      <Show when={referenced()}>
        {(row) => (
          <button
            type="button"
            class="card-value-link card-ref-open"
            aria-label={t('card.ref.open', { name: currentName() })}
            title={t('card.ref.open', { name: currentName() })}
            onClick={() => navigate({ page: 'section', section: row().section, recordId: row().id })}
          >
            ↗
          </button>
        )}
      </Show>
    </div>
  );
}
