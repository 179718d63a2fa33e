/**
 * "Owner: <name>" of a record on a relay base, and "Hand over to…" for those who may write both
 * books (Administrators and Senior managers): one undoable command, same record id.
 */
import { createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { collator, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { moveRecords } from '../engine/commands';
import { handOverTargets, mayHandOver, ownerOfShard, type HandOverTarget } from './access-rules';
import { commandFailure } from './command-failure';

/** The users the current user may hand records to (the accounts list when he is an admin, else the org's names). */
export function createHandOverTargets(ownerId: () => string | null): () => HandOverTarget[] {
  const base = useBase();
  const [accounts] = createResource(
    () => (base.account()?.role === 'admin' && base.sync ? base.account()!.id : false),
    // The role is not in the org document: an admin asks the relay; a failure falls back to the org's names.
    () => base.sync!.api.users().catch(() => null),
  );
  return createMemo(() => handOverTargets(base.userNames(), ownerId(), accounts.latest ?? null, collator().compare));
}

/** The owner line and, when allowed, the hand-over picker of record `recordId` living in `shard`. */
export function OwnerAndHandOver(props: { recordId: string; shard: string; deleted: boolean }): JSX.Element {
  const base = useBase();
  const ownerId = () => ownerOfShard(props.shard);
  const ownerName = () => {
    const id = ownerId();
    return id === null ? '' : (base.userNames().get(id) ?? id);
  };
  const allowed = () => !props.deleted && mayHandOver(base.account(), base.canWriteDoc(props.shard));
  const targets = createHandOverTargets(ownerId);
  const [choice, setChoice] = createSignal('');
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const selectId = `card-handover-${props.recordId}`;

  const handOver = async () => {
    const target = targets().find((candidate) => candidate.id === choice());
    if (!target || busy()) return;
    setBusy(true);
    try {
      await moveRecords(base.engine, [props.recordId], target.id);
      setChoice('');
      setMessage({ text: t('card.handOver.done', { name: target.name }), error: false });
    } catch (error) {
      setMessage({ text: commandFailure(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card-owner">
      <span data-owner={ownerId() ?? ''}>{t('card.owner', { name: ownerName() })}</span>
      <Show when={allowed()}>
        <Show when={targets().length > 0} fallback={<span class="card-muted">{t('card.handOver.none')}</span>}>
          <label for={selectId}>{t('card.handOver.label')}</label>
          <select id={selectId} value={choice()} onChange={(event) => setChoice(event.currentTarget.value)}>
            <option value="">{t('card.handOver.choose')}</option>
            <For each={targets()}>{(target) => <option value={target.id}>{target.name}</option>}</For>
          </select>
          <button type="button" disabled={!choice() || busy()} onClick={() => void handOver()}>
            {t('card.handOver.button')}
          </button>
        </Show>
      </Show>
      <Show when={message()}>
        {(shown) => (
          <span class={shown().error ? 'card-error' : 'card-muted'} role={shown().error ? 'alert' : 'status'}>
            {shown().text}
          </span>
        )}
      </Show>
    </div>
  );
}
