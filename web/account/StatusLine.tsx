/** The sync status line in the top bar: where the base lives, the connection, what waits, who is signed in. */
import { createMemo, createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { navigate } from '../app/route';
import { language, t } from '../i18n/i18n';
import type { SyncStatus } from '../sync/sync-status';
import { roleLabelKey } from './roles';
import { pluralKey } from './plural';
import { connectionPhrase, refusalPhrase, savingPhrase, type StatusPhrase } from './status-text';
import { signOut } from './sign-out';
import './account.css';

/** The sync status line in the top bar. */
export function StatusLine(): JSX.Element {
  const base = useBase();
  return (
    <div class="status-line">
      <Show when={base.sync && base.syncStatus()} fallback={<LocalStatus />}>
        {(status) => <RelayStatus status={status()} />}
      </Show>
    </div>
  );
}

/** Without a relay: the base lives on this device only. */
function LocalStatus(): JSX.Element {
  return (
    <>
      <span role="status" class="status-phrase">{t('account.status.local')}</span>
      <a
        class="status-link"
        href="#/login"
        onClick={(event) => {
          event.preventDefault();
          navigate({ page: 'login' });
        }}
      >
        {t('account.status.signIn')}
      </a>
    </>
  );
}

function phraseText(phrase: StatusPhrase): string {
  return t(phrase.key, phrase.params);
}

/** With a relay: connection, pending changes, saved, refusals, the account and its menu. */
function RelayStatus(props: { status: SyncStatus }): JSX.Element {
  const base = useBase();
  const connection = createMemo(() => connectionPhrase(props.status, language()));
  const saving = createMemo(() => savingPhrase(props.status, language()));
  const refusal = createMemo(() => refusalPhrase(props.status));
  const [dismissed, setDismissed] = createSignal<SyncStatus['refused']>(null);
  const signedOut = () => props.status.connection === 'signed-out';
  return (
    <>
      <span role="status" class="status-phrase">
        <span class={`status-dot tone-${connection().tone}`} aria-hidden="true" />
        <Show when={signedOut()} fallback={<span>{phraseText(connection())}</span>}>
          <a
            class="status-link"
            href="#/login"
            onClick={(event) => {
              event.preventDefault();
              navigate({ page: 'login' });
            }}
          >
            {phraseText(connection())}
          </a>
        </Show>
        <Show when={saving()}>
          {(phrase) => (
            <span class={`status-saving tone-${phrase().tone}`}>
              <span aria-hidden="true"> · </span>
              {phraseText(phrase())}
            </span>
          )}
        </Show>
      </span>
      <Show when={base.account()?.role === 'viewer'}>
        <span class="status-badge" title={t('account.status.viewOnlyHint')} aria-description={t('account.status.viewOnlyHint')}>
          {t('account.status.viewOnly')}
        </span>
      </Show>
      <Show when={refusal() && props.status.refused !== dismissed() && refusal()}>
        {(phrase) => (
          <span class="status-refused" role="alert">
            {phraseText(phrase())}
            <button type="button" onClick={() => setDismissed(props.status.refused)} aria-label={t('account.status.dismiss')}>
              ×
            </button>
          </span>
        )}
      </Show>
      <AccountMenu pending={props.status.pendingChanges} />
    </>
  );
}

/** The signed-in account's button and its menu with Sign out (warning first when changes wait). */
function AccountMenu(props: { pending: number }): JSX.Element {
  const base = useBase();
  const [open, setOpen] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let root!: HTMLDivElement;
  const close = () => {
    setOpen(false);
    setConfirming(false);
  };
  onMount(() => {
    const onPointer = (event: PointerEvent) => {
      if (open() && !root.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (open() && event.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    onCleanup(() => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    });
  });
  const roleLabel = () => {
    const account = base.account();
    return account ? t(roleLabelKey(account.role)) : '';
  };
  const doSignOut = async () => {
    if (!base.sync) return;
    setBusy(true);
    await signOut(base.sync);
  };
  const onSignOut = () => {
    if (props.pending > 0 && !confirming()) return setConfirming(true);
    void doSignOut();
  };
  const pendingText = () => t(pluralKey('account.status.pending', language(), props.pending), { count: props.pending });
  return (
    <div class="account-menu" ref={root}>
      <button
        type="button"
        class="account-menu-button"
        aria-haspopup="true"
        aria-expanded={open()}
        aria-controls="account-menu-panel"
        aria-label={t('account.menu', { name: base.account()?.name ?? '', role: roleLabel() })}
        onClick={() => (open() ? close() : setOpen(true))}
      >
        <span class="account-menu-name">{base.account()?.name}</span>
        <span class="account-menu-role">{roleLabel()}</span>
      </button>
      <Show when={open()}>
        <div class="account-menu-panel" id="account-menu-panel">
          <p class="account-menu-who">
            <strong>{base.account()?.name}</strong>
            <br />
            {roleLabel()}
          </p>
          <Show when={confirming()}>
            <p class="account-menu-warn" role="alert">
              {t('account.signOut.warn', { pending: pendingText() })}
            </p>
          </Show>
          <div class="account-menu-actions">
            <Show when={confirming()}>
              <button type="button" onClick={close}>
                {t('account.cancel')}
              </button>
            </Show>
            <button type="button" class={confirming() ? 'danger' : ''} disabled={busy()} onClick={onSignOut}>
              {confirming() ? t('account.signOut.anyway') : t('account.signOut')}
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
