/**
 * For a manager who sees only his own records: while he fills a new client, asks the relay whether
 * a colleague already has one with that phone, e-mail, tax id or name (debounced) and shows only
 * "Already a client of <manager>" — the relay answers nothing else.
 */
import { createEffect, createSignal, For, Match, on, onCleanup, Switch, type JSX } from 'solid-js';
import { collator, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { RelayApiError } from '../sync/relay-api';
import { colleagueOwners, queriesKey, relayDuplicateQueries } from '../duplicates/relay-queries';
import type { FieldValue, SectionId } from '../schema/fields';

/** Waiting this long after the last keystroke keeps the relay from being asked on every key. */
const DEBOUNCE_MS = 450;

type CheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; owners: string[] }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

/** The relay's answer for the values being typed into a new record of `section`. */
export function RelayDuplicateCheck(props: { section: SectionId; values: Record<string, FieldValue> }): JSX.Element {
  const base = useBase();
  const [state, setState] = createSignal<CheckState>({ kind: 'idle' });
  const queries = () => relayDuplicateQueries(props.section, props.values);
  const reachable = () => {
    const connection = base.syncStatus()?.connection;
    return connection !== undefined && connection !== 'offline' && connection !== 'signed-out';
  };
  let asked = 0;

  createEffect(
    on([() => queriesKey(queries()), reachable], ([key]) => {
      const list = queries();
      const ticket = ++asked;
      if (list.length === 0) return setState({ kind: 'idle' });
      if (!reachable() || !base.sync) return setState({ kind: 'offline' });
      setState({ kind: 'checking' });
      const timer = setTimeout(async () => {
        try {
          const answers = await Promise.all(list.map((query) => base.sync!.api.duplicates(query)));
          if (ticket !== asked) return;
          setState({ kind: 'done', owners: colleagueOwners(answers, base.account()?.name ?? null, collator().compare) });
        } catch (error) {
          if (ticket !== asked) return;
          if (error instanceof RelayApiError && error.status === 0) setState({ kind: 'offline' });
          else setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      }, DEBOUNCE_MS);
      onCleanup(() => clearTimeout(timer));
      void key;
    }),
  );

  return (
    <div class="card-relay-dup" aria-live="polite" data-relay-dup={state().kind}>
      <Switch>
        <Match when={state().kind === 'checking'}>
          <p class="card-muted">{t('card.relayDup.checking')}</p>
        </Match>
        <Match when={state().kind === 'offline'}>
          <p class="card-muted" role="status">{t('card.relayDup.offline')}</p>
        </Match>
        <Match when={state().kind === 'failed' && (state() as { message: string }).message}>
          {(message) => <p class="card-error" role="alert">{t('card.relayDup.failed', { message: message() })}</p>}
        </Match>
        <Match when={state().kind === 'done' && (state() as { owners: string[] }).owners}>
          {(owners) => (
            <Switch>
              <Match when={owners().length > 0}>
                <ul class="card-relay-dup-found" role="alert">
                  <For each={owners()}>{(name) => <li>{t('card.relayDup.found', { name })}</li>}</For>
                </ul>
              </Match>
              <Match when={owners().length === 0}>
                <p class="card-muted">{t('card.relayDup.clear')}</p>
              </Match>
            </Switch>
          )}
        </Match>
      </Switch>
    </div>
  );
}
