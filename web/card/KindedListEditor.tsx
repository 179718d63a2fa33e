/**
 * Phones, e-mails and messenger accounts: a list of {kind, value} rows, each with its kind
 * (mobile / work / home…, Telegram / WhatsApp…) and a link that opens the right program.
 * Each row saves on blur or Enter; the list is stored whole (empty rows are dropped).
 */
import { createEffect, createSignal, Index, on, Show, type JSX } from 'solid-js';
import { language, t } from '../i18n/i18n';
import { ACCOUNT_KINDS, EMAIL_KINDS, PHONE_KINDS, type KindedValue } from '../schema/fields';
import type { EditorProps } from './editor-props';
import { parseInput } from './parse';
import { inputErrorMessage } from './field-errors';
import { kindLabel } from './option-labels';
import { ValueLink } from './ValueLink';

type ListType = 'phones' | 'emails' | 'accounts';

const KINDS: Record<ListType, readonly string[]> = { phones: PHONE_KINDS, emails: EMAIL_KINDS, accounts: ACCOUNT_KINDS };

function defaultKind(type: ListType, section: string): string {
  if (type === 'phones') return section === 'people' ? 'mobile' : 'work';
  if (type === 'emails') return 'work';
  return 'telegram';
}

function asEntries(value: unknown): KindedValue[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [{ kind: 'other', value }] : [];
  return value.map((entry) => (typeof entry === 'string' ? { kind: 'other', value: entry } : { kind: String(entry?.kind ?? 'other'), value: String(entry?.value ?? '') }));
}

/** The editor of a phones, e-mails or accounts field. */
export function KindedListEditor(props: EditorProps): JSX.Element {
  const type = () => props.field.type as ListType;
  const [rows, setRows] = createSignal<KindedValue[]>(asEntries(props.value));
  const [badRow, setBadRow] = createSignal<number | null>(null);
  let container!: HTMLDivElement;
  // A change from elsewhere (undo, another device) replaces what is shown.
  // Rows added but not typed into yet are kept: they exist only here until they get a value.
  createEffect(on(() => props.value, (value) => setRows([...asEntries(value), ...rows().filter((entry) => entry.value === '')]), { defer: true }));

  const saveList = (list: KindedValue[]) => {
    const kept = list.filter((entry) => entry.value.trim() !== '');
    props.commit(kept.length ? kept : null);
  };
  const saveValue = (index: number, text: string) => {
    const current = rows()[index];
    if (!current || text === current.value) {
      if (badRow() === index) {
        setBadRow(null);
        props.setError(null);
      }
      return;
    }
    const parsed = type() === 'accounts' ? { ok: true as const, value: text.trim() } : parseInput(type(), text, language());
    if (!parsed.ok) {
      setBadRow(index);
      props.setError(inputErrorMessage(parsed.error, text, t('card.entry', { field: props.label, n: index + 1 })));
      return;
    }
    setBadRow(null);
    props.setError(null);
    const next = rows().map((entry, i) => (i === index ? { kind: entry.kind, value: typeof parsed.value === 'string' ? parsed.value : '' } : entry));
    setRows(next);
    saveList(next);
  };
  const setKind = (index: number, kind: string) => {
    const next = rows().map((entry, i) => (i === index ? { kind, value: entry.value } : entry));
    setRows(next);
    if (next[index].value.trim()) saveList(next);
  };
  const remove = (index: number) => {
    const next = rows().filter((_, i) => i !== index);
    if (badRow() !== null) {
      setBadRow(null);
      props.setError(null);
    }
    setRows(next);
    saveList(next);
    // The pressed button is gone with its row: keep the keyboard in the list.
    queueMicrotask(() => container.querySelector<HTMLButtonElement>('.card-add')?.focus());
  };
  const add = () => {
    setRows([...rows(), { kind: defaultKind(type(), props.field.section), value: '' }]);
    queueMicrotask(() => {
      const inputs = container.querySelectorAll<HTMLInputElement>('input.card-kinded-value');
      inputs[inputs.length - 1]?.focus();
    });
  };
  const kindsFor = (current: string) => (KINDS[type()].includes(current) ? KINDS[type()] : [...KINDS[type()], current]);

  return (
    <div class="card-kinded" ref={container} role="group" aria-label={props.label} id={props.inputId}>
      <Index each={rows()}>
        {(entry, index) => {
          const entryName = () => t('card.entry', { field: props.label, n: index + 1 });
          return (
            <div class="card-kinded-row">
              <select aria-label={t('card.entryKind', { field: props.label, n: index + 1 })} onChange={(event) => setKind(index, event.currentTarget.value)}>
                <Index each={kindsFor(entry().kind)}>
                  {(kind) => (
                    <option value={kind()} selected={kind() === entry().kind}>
                      {kindLabel(type(), kind())}
                    </option>
                  )}
                </Index>
              </select>
              <input
                class="card-kinded-value"
                type={type() === 'emails' ? 'email' : type() === 'phones' ? 'tel' : 'text'}
                aria-label={entryName()}
                aria-invalid={badRow() === index ? 'true' : undefined}
                aria-describedby={badRow() === index ? props.errorId : undefined}
                value={entry().value}
                autocomplete="off"
                onBlur={(event) => saveValue(index, event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    saveValue(index, event.currentTarget.value);
                  } else if (event.key === 'Escape' && event.currentTarget.value !== entry().value) {
                    event.preventDefault();
                    event.stopPropagation();
                    event.currentTarget.value = entry().value;
                  }
                }}
              />
              <Show when={entry().value}>
                <ValueLink type={type()} value={entry().value} kind={entry().kind} />
              </Show>
              <button type="button" class="card-icon-button" aria-label={t('card.remove', { what: entryName() })} title={t('card.remove', { what: entryName() })} onClick={() => remove(index)}>
                ×
              </button>
            </div>
          );
        }}
      </Index>
      <button type="button" class="card-add" onClick={add}>
        + {t(`card.add.${type()}`)}
      </button>
    </div>
  );
}
