/** The pages shown before a base opens: accepting an invite, signing in, choosing a new password. */
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import type { Route } from '../app/route';
import { language, t } from '../i18n/i18n';
import { RelayApi, type SessionGrant } from '../sync/relay-api';
import { inviteFormProblems, loginFormProblems, MIN_PASSWORD_LENGTH, newPasswordProblems, type FormProblem } from './entry-form';
import { relayErrorMessage, type ErrorContext, type ShownError } from './relay-errors';
import { openAccountBase, reloadAt } from './finish-entry';
import './account.css';

/** A route of an account entry page. */
export type EntryRoute = Extract<Route, { page: 'login' | 'invite' | 'reset' }>;

/** The page for a login, invite or reset route; on success stores the session and reloads into the account's base. */
export function AccountEntry(props: { route: EntryRoute }): JSX.Element {
  return (
    <div class="account-entry" lang={language()}>
      <main class="account-entry-card">
        <p class="account-entry-brand">{t('app.name')}</p>
        <Switch>
          <Match when={props.route.page === 'invite' && props.route}>{(route) => <InviteForm token={(route() as { token: string }).token} />}</Match>
          <Match when={props.route.page === 'reset' && props.route}>{(route) => <ResetForm token={(route() as { token: string }).token} />}</Match>
          <Match when={props.route.page === 'login'}>
            <LoginForm />
          </Match>
        </Switch>
        <footer class="account-entry-footer">
          <p>{t('account.relay', { host: location.host })}</p>
          <Show when={!window.isSecureContext}>
            <p class="account-entry-insecure" role="note">{t('account.insecure')}</p>
          </Show>
        </footer>
      </main>
    </div>
  );
}

/** Shared state of one entry form: field problems, the relay's refusal, and the pending call. */
function useEntryForm(context: ErrorContext) {
  const [problems, setProblems] = createSignal<FormProblem[]>([]);
  const [refusal, setRefusal] = createSignal<ShownError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const problemOf = (field: FormProblem['field']) => problems().find((problem) => problem.field === field);
  const submit = async (found: FormProblem[], call: () => Promise<SessionGrant>) => {
    setProblems(found);
    setRefusal(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      openAccountBase(await call());
    } catch (error) {
      setRefusal(relayErrorMessage(error, context));
      setBusy(false);
    }
  };
  return { problems, problemOf, refusal, busy, submit };
}

/** A labelled input with its hint and its problem announced next to it. */
function Field(props: {
  id: string;
  label: string;
  type: 'text' | 'password';
  autocomplete: string;
  value: () => string;
  onInput: (value: string) => void;
  hint?: string;
  problem?: FormProblem;
  autofocus?: boolean;
}): JSX.Element {
  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="account-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type}
        autocomplete={props.autocomplete}
        value={props.value()}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={describedBy()}
        autofocus={props.autofocus}
        spellcheck={false}
        autocapitalize="off"
      />
      <Show when={props.hint}>
        <p class="account-hint" id={`${props.id}-hint`}>{props.hint}</p>
      </Show>
      <Show when={props.problem}>
        {(problem) => (
          <p class="account-problem" id={`${props.id}-problem`}>
            {t(problem().key, problem().params)}
          </p>
        )}
      </Show>
    </div>
  );
}

/** The relay's refusal shown above the submit button. */
function Refusal(props: { refusal: ShownError | null }): JSX.Element {
  return (
    <Show when={props.refusal}>
      {(refusal) => (
        <p class="account-refusal" role="alert">
          {t(refusal().key, refusal().params)}
        </p>
      )}
    </Show>
  );
}

/** A new password and its repetition, with the password rules as the hint (invite and reset). */
function NewPasswordFields(props: {
  label: string;
  password: () => string;
  setPassword: (value: string) => void;
  repeat: () => string;
  setRepeat: (value: string) => void;
  problemOf: ReturnType<typeof useEntryForm>['problemOf'];
  autofocus?: boolean;
}): JSX.Element {
  return (
    <>
      <Field
        id="account-password"
        label={props.label}
        type="password"
        autocomplete="new-password"
        value={props.password}
        onInput={props.setPassword}
        hint={t('account.passwordRules', { min: MIN_PASSWORD_LENGTH })}
        problem={props.problemOf('password')}
        autofocus={props.autofocus}
      />
      <Field id="account-repeat" label={t('account.repeatPassword')} type="password" autocomplete="new-password" value={props.repeat} onInput={props.setRepeat} problem={props.problemOf('repeat')} />
    </>
  );
}

/** The form's submit button, which says it is working while the relay answers. */
function SubmitButton(props: { busy: boolean; label: string }): JSX.Element {
  return (
    <button type="submit" class="primary" disabled={props.busy}>
      {props.busy ? t('account.working') : props.label}
    </button>
  );
}

function InviteForm(props: { token: string }): JSX.Element {
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const form = useEntryForm('invite');
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const values = { name: name(), password: password(), repeat: repeat() };
    void form.submit(inviteFormProblems(values), () => new RelayApi().acceptInvite(props.token, values.name.trim(), values.password));
  };
  return (
    <form class="account-form" onSubmit={onSubmit} noValidate aria-labelledby="account-invite-title">
      <h1 id="account-invite-title">{t('account.invite.title')}</h1>
      <p class="account-intro">{t('account.invite.intro')}</p>
      <Field id="account-name" label={t('account.name')} type="text" autocomplete="username" value={name} onInput={setName} hint={t('account.nameHint')} problem={form.problemOf('name')} autofocus />
      <NewPasswordFields label={t('account.password')} password={password} setPassword={setPassword} repeat={repeat} setRepeat={setRepeat} problemOf={form.problemOf} />
      <Refusal refusal={form.refusal()} />
      <SubmitButton busy={form.busy()} label={t('account.invite.submit')} />
    </form>
  );
}

function LoginForm(): JSX.Element {
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const form = useEntryForm('login');
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const values = { name: name(), password: password() };
    void form.submit(loginFormProblems(values), () => new RelayApi().login(values.name.trim(), values.password));
  };
  return (
    <form class="account-form" onSubmit={onSubmit} noValidate aria-labelledby="account-login-title">
      <h1 id="account-login-title">{t('account.login.title')}</h1>
      <Field id="account-name" label={t('account.name')} type="text" autocomplete="username" value={name} onInput={setName} problem={form.problemOf('name')} autofocus />
      <Field id="account-password" label={t('account.password')} type="password" autocomplete="current-password" value={password} onInput={setPassword} problem={form.problemOf('password')} />
      <Refusal refusal={form.refusal()} />
      <SubmitButton busy={form.busy()} label={t('account.login.submit')} />
      <p class="account-hint">{t('account.login.noAccount')}</p>
      <p>
        <a
          href="#/"
          onClick={(event) => {
            event.preventDefault();
            reloadAt('#/');
          }}
        >
          {t('account.login.back')}
        </a>
      </p>
    </form>
  );
}

function ResetForm(props: { token: string }): JSX.Element {
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const form = useEntryForm('reset');
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const values = { password: password(), repeat: repeat() };
    void form.submit(newPasswordProblems(values.password, values.repeat), () => new RelayApi().acceptReset(props.token, values.password));
  };
  return (
    <form class="account-form" onSubmit={onSubmit} noValidate aria-labelledby="account-reset-title">
      <h1 id="account-reset-title">{t('account.reset.title')}</h1>
      <p class="account-intro">{t('account.reset.intro')}</p>
      <NewPasswordFields label={t('account.newPassword')} password={password} setPassword={setPassword} repeat={repeat} setRepeat={setRepeat} problemOf={form.problemOf} autofocus />
      <Refusal refusal={form.refusal()} />
      <SubmitButton busy={form.busy()} label={t('account.reset.submit')} />
    </form>
  );
}

