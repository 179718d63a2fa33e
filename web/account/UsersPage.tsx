/** The Administrator's Users page: the accounts on the relay, invites, rights, disabling and password resets. */
import { createSignal, For, Match, onMount, Show, Switch, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { language, t } from '../i18n/i18n';
import { ROLES, type Account, type RelayApi, type RightsChange, type Role } from '../sync/relay-api';
import { AccountDialog } from './AccountDialog';
import { LinkBox } from './LinkBox';
import { formatMoment } from './format';
import { inviteLink, resetLink } from './links';
import { relayErrorMessage, type ShownError } from './relay-errors';
import { roleLabelKey } from './roles';
import './account.css';

/** Invite, change role, disable, reset password. */
export function UsersPage(): JSX.Element {
  const base = useBase();
  return (
    <section class="users-page" aria-labelledby="users-title">
      <h1 id="users-title">{t('account.users')}</h1>
      <Switch>
        <Match when={!base.sync}>
          <p class="users-notice">{t('account.users.noRelay')}</p>
        </Match>
        <Match when={base.account()?.role !== 'admin'}>
          <p class="users-notice" role="alert">
            {t('account.users.onlyAdmin')}
          </p>
        </Match>
        <Match when={base.sync}>{(sync) => <AdminUsers api={sync().api} selfId={base.account()?.id ?? ''} />}</Match>
      </Switch>
    </section>
  );
}

/** A question asked before a change: which user, what to do, and the confirm text. */
interface PendingConfirm {
  user: Account;
  action: 'disable' | 'enable' | 'reset';
}

/** A link to hand over, with what it is for. */
interface HandoverLink {
  link: string;
  intro: string;
}

function shown(error: ShownError): string {
  return t(error.key, error.params);
}

function AdminUsers(props: { api: RelayApi; selfId: string }): JSX.Element {
  const [users, setUsers] = createSignal<Account[] | null>(null);
  const [loadError, setLoadError] = createSignal<ShownError | null>(null);
  const [rowErrors, setRowErrors] = createSignal<Record<string, ShownError>>({});
  const [confirm, setConfirm] = createSignal<PendingConfirm | null>(null);
  const [inviting, setInviting] = createSignal(false);
  const [handover, setHandover] = createSignal<HandoverLink | null>(null);
  const [savedName, setSavedName] = createSignal<string | null>(null);

  const load = async () => {
    try {
      setUsers(await props.api.users());
      setLoadError(null);
    } catch (error) {
      setLoadError(relayErrorMessage(error, 'users'));
    }
  };
  onMount(() => void load());

  const setRowError = (userId: string, error: ShownError | null) => {
    if (error) setSavedName(null);
    const next = { ...rowErrors() };
    if (error) next[userId] = error;
    else delete next[userId];
    setRowErrors(next);
  };
  const replaceUser = (updated: Account) => setUsers((list) => (list ?? []).map((user) => (user.id === updated.id ? updated : user)));

  /** Applies a change; on refusal the row shows the relay's reason and the list is re-read so controls show the truth. */
  const change = async (user: Account, rights: RightsChange) => {
    setRowError(user.id, null);
    try {
      const updated = await props.api.changeUser(user.id, rights);
      replaceUser(updated);
      setSavedName(updated.name);
    } catch (error) {
      setRowError(user.id, relayErrorMessage(error, 'users'));
      await load();
    }
  };

  const resetPassword = async (user: Account) => {
    setRowError(user.id, null);
    try {
      const reset = await props.api.resetPassword(user.id);
      setHandover({
        link: resetLink(location.origin, reset.token),
        intro: t('account.users.resetLink', { name: user.name, date: formatMoment(language(), reset.expiresAt) }),
      });
    } catch (error) {
      setRowError(user.id, relayErrorMessage(error, 'users'));
    }
  };

  const confirmed = () => {
    const pending = confirm();
    setConfirm(null);
    if (!pending) return;
    if (pending.action === 'reset') void resetPassword(pending.user);
    else void change(pending.user, { disabled: pending.action === 'disable' });
  };

  return (
    <>
      <div class="users-toolbar">
        <button type="button" class="primary" onClick={() => setInviting(true)}>
          {t('account.users.invite')}
        </button>
        <Show when={users()}>{(list) => <span class="users-count">{t('account.users.count', { count: list().length })}</span>}</Show>
        <span class="users-saved" role="status">
          {savedName() ? `${t('account.users.saved')}: ${savedName()}` : ''}
        </span>
      </div>
      <Show when={loadError()}>
        {(error) => (
          <p class="account-refusal" role="alert">
            {shown(error())}
          </p>
        )}
      </Show>
      <Show when={handover()}>
        {(link) => (
          <div class="users-handover" role="region" aria-label={t('account.users.resetPassword')}>
            <LinkBox id="users-reset-link" link={link().link} intro={link().intro} />
            <button type="button" onClick={() => setHandover(null)}>
              {t('account.users.close')}
            </button>
          </div>
        )}
      </Show>
      <Show when={users()} fallback={<Show when={!loadError()}><p role="status">{t('account.users.loading')}</p></Show>}>
        {(list) => (
          <table class="users-table">
            <thead>
              <tr>
                <th scope="col">{t('account.users.col.name')}</th>
                <th scope="col">{t('account.users.col.role')}</th>
                <th scope="col">{t('account.users.col.seeOnlyOwn')}</th>
                <th scope="col">{t('account.users.col.status')}</th>
                <th scope="col">{t('account.users.col.created')}</th>
                <th scope="col">{t('account.users.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={list()}>
                {(user) => (
                  <UserRow
                    user={user}
                    isSelf={user.id === props.selfId}
                    error={rowErrors()[user.id] ?? null}
                    onChange={(rights) => void change(user, rights)}
                    onAsk={(action) => setConfirm({ user, action })}
                  />
                )}
              </For>
            </tbody>
          </table>
        )}
      </Show>
      <Show when={inviting()}>
        <InviteDialog api={props.api} onClose={() => setInviting(false)} />
      </Show>
      <Show when={confirm()}>
        {(pending) => (
          <AccountDialog id="users-confirm" role="alertdialog" title={confirmTitle(pending())} onClose={() => setConfirm(null)}>
            <p>{confirmText(pending())}</p>
            <div class="account-dialog-actions">
              <button type="button" autofocus onClick={() => setConfirm(null)}>
                {t('account.cancel')}
              </button>
              <button type="button" class={pending().action === 'enable' ? 'primary' : 'danger'} onClick={confirmed}>
                {t('account.users.confirm')}
              </button>
            </div>
          </AccountDialog>
        )}
      </Show>
    </>
  );
}

function confirmTitle(pending: PendingConfirm): string {
  const name = pending.user.name;
  if (pending.action === 'disable') return t('account.users.disableOf', { name });
  if (pending.action === 'enable') return t('account.users.enableOf', { name });
  return t('account.users.resetOf', { name });
}

function confirmText(pending: PendingConfirm): string {
  const name = pending.user.name;
  if (pending.action === 'disable') return t('account.users.confirmDisable', { name });
  if (pending.action === 'enable') return t('account.users.confirmEnable', { name });
  return t('account.users.confirmReset', { name });
}

/** The select of the four roles, labelled in the UI language. */
function RoleSelect(props: { id?: string; value: Role; label: string; disabled?: boolean; onChange: (role: Role) => void }): JSX.Element {
  return (
    <select id={props.id} aria-label={props.label} disabled={props.disabled} onChange={(event) => props.onChange(event.currentTarget.value as Role)}>
      <For each={ROLES}>
        {(role) => (
          <option value={role} selected={role === props.value}>
            {t(roleLabelKey(role))}
          </option>
        )}
      </For>
    </select>
  );
}

function UserRow(props: {
  user: Account;
  isSelf: boolean;
  error: ShownError | null;
  onChange: (rights: RightsChange) => void;
  onAsk: (action: PendingConfirm['action']) => void;
}): JSX.Element {
  const name = () => props.user.name;
  return (
    <>
      <tr class={props.user.disabled ? 'is-disabled' : ''} data-user={props.user.name}>
        <th scope="row">
          {name()}
          <Show when={props.isSelf}>
            <span class="users-you"> ({t('account.users.you')})</span>
          </Show>
        </th>
        <td>
          <RoleSelect value={props.user.role} label={t('account.users.roleOf', { name: name() })} onChange={(role) => props.onChange({ role })} />
        </td>
        <td>
          <input
            type="checkbox"
            checked={props.user.seeOnlyOwn}
            aria-label={t('account.users.seeOnlyOwnOf', { name: name() })}
            onChange={(event) => props.onChange({ seeOnlyOwn: event.currentTarget.checked })}
          />
        </td>
        <td>{props.user.disabled ? t('account.users.disabled') : t('account.users.active')}</td>
        <td>{formatMoment(language(), props.user.createdAt)}</td>
        <td>
          <div class="users-actions">
            <button type="button" aria-label={t(props.user.disabled ? 'account.users.enableOf' : 'account.users.disableOf', { name: name() })} onClick={() => props.onAsk(props.user.disabled ? 'enable' : 'disable')}>
              {props.user.disabled ? t('account.users.enable') : t('account.users.disable')}
            </button>
            <button type="button" aria-label={t('account.users.resetOf', { name: name() })} disabled={props.user.disabled} onClick={() => props.onAsk('reset')}>
              {t('account.users.resetPassword')}
            </button>
          </div>
        </td>
      </tr>
      <Show when={props.error}>
        {(error) => (
          <tr class="users-row-error">
            <td colSpan={6} role="alert">
              {name()}: {shown(error())}
            </td>
          </tr>
        )}
      </Show>
    </>
  );
}

/** Creating an invite: role and see-only-own, then the link to send with its expiry. */
function InviteDialog(props: { api: RelayApi; onClose: () => void }): JSX.Element {
  const [role, setRole] = createSignal<Role>('manager');
  const [seeOnlyOwn, setSeeOnlyOwn] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ShownError | null>(null);
  const [created, setCreated] = createSignal<HandoverLink | null>(null);
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const invite = await props.api.invite(role(), seeOnlyOwn());
      setCreated({
        link: inviteLink(location.origin, invite.token),
        intro: t('account.users.inviteLink', { role: t(roleLabelKey(invite.role)), date: formatMoment(language(), invite.expiresAt) }),
      });
    } catch (failure) {
      setError(relayErrorMessage(failure, 'users'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AccountDialog id="users-invite" title={t('account.users.inviteTitle')} onClose={props.onClose}>
      <Show
        when={created()}
        fallback={
          <form class="invite-form" onSubmit={(event) => void create(event)}>
            <div class="account-field">
              <label for="invite-role">{t('account.users.inviteRole')}</label>
              <RoleSelect id="invite-role" value={role()} label={t('account.users.inviteRole')} onChange={setRole} />
            </div>
            <div class="account-check">
              <input id="invite-own" type="checkbox" checked={seeOnlyOwn()} onChange={(event) => setSeeOnlyOwn(event.currentTarget.checked)} aria-describedby="invite-own-hint" />
              <label for="invite-own">{t('account.users.inviteSeeOnlyOwn')}</label>
              <p class="account-hint" id="invite-own-hint">
                {t('account.users.inviteSeeOnlyOwnHint')}
              </p>
            </div>
            <Show when={error()}>
              {(shownError) => (
                <p class="account-refusal" role="alert">
                  {shown(shownError())}
                </p>
              )}
            </Show>
            <div class="account-dialog-actions">
              <button type="button" onClick={props.onClose}>
                {t('account.cancel')}
              </button>
              <button type="submit" class="primary" disabled={busy()}>
                {busy() ? t('account.working') : t('account.users.inviteCreate')}
              </button>
            </div>
          </form>
        }
      >
        {(link) => (
          <>
            <LinkBox id="users-invite-link" link={link().link} intro={link().intro} />
            <div class="account-dialog-actions">
              <button type="button" onClick={props.onClose}>
                {t('account.users.close')}
              </button>
            </div>
          </>
        )}
      </Show>
    </AccountDialog>
  );
}
