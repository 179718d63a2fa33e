/** The app shell: opens the base, shows notices, the section navigation and the current page. */
import { createMemo, createRoot, createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import { Engine } from '../engine/engine';
import { BaseContext, createBase, useBase, type Base } from './base';
import { t, language } from '../i18n/i18n';
import { isAccountEntry, navigate, route } from './route';
import { accountDatabaseName, readSession } from '../sync/session';
import { startSync } from '../sync/start-sync';
import { AccountEntry } from '../account/AccountEntry';
import { StatusLine } from '../account/StatusLine';
import { UsersPage } from '../account/UsersPage';
import { ensurePersistentStorage } from '../storage/persistence';
import { registerServiceWorker } from './service-worker';
import { SectionView } from '../table/SectionView';
import { SettingsPage } from '../settings/SettingsPage';
import { TodayView } from '../today/TodayView';
import { CalendarView } from '../calendar/CalendarView';
import { RecordCard } from '../card/RecordCard';
import { ReminderBell } from '../reminders/ReminderBell';
import { sectionLabel } from './labels';
import { exposeTestHooks } from './test-hooks';
import { acquireBaseLock, onTakeOverRequest, requestTakeOver, tryAcquireBaseLock, type BaseLock } from './single-tab';
import { NewerSchemaError } from '../engine/migrations';
import { markStartup } from '../engine/startup-marks';
import { commandFailure } from '../card/command-failure';

/** Where opening the base on this tab stands. */
type Phase =
  | { kind: 'opening' }
  | { kind: 'open'; base: Base }
  | { kind: 'elsewhere' }
  | { kind: 'handed-over' }
  | { kind: 'failed'; message: string };

/** The whole app: opens the base once this tab holds it, then shows the shell. */
export function App(): JSX.Element {
  const [phase, setPhase] = createSignal<Phase>({ kind: 'opening' });
  let lock: BaseLock | null = null;
  let disposeBase: (() => void) | null = null;

  const open = async (waitForOtherTab: boolean) => {
    setPhase({ kind: 'opening' });
    markStartup('lock-wait');
    lock = waitForOtherTab ? await acquireBaseLock() : await tryAcquireBaseLock();
    markStartup('lock');
    if (!lock) return setPhase({ kind: 'elsewhere' });
    try {
      // Signed in to an office relay: the account's own base; otherwise the base kept on this device.
      const session = readSession();
      const engine = await Engine.open(session ? { dbName: accountDatabaseName(session.user.id), account: { id: session.user.id, name: session.user.name } } : {});
      const sync = session ? startSync(engine, session) : null;
      // The base's memos live in a root of their own, disposed when the tab hands it over.
      const opened = createRoot((dispose) => {
        disposeBase = dispose;
        return createBase(engine, sync);
      });
      exposeTestHooks(opened);
      setPhase({ kind: 'open', base: opened });
    } catch (error) {
      lock.release();
      setPhase({ kind: 'failed', message: openFailure(error) });
    }
  };

  const handOver = async () => {
    const current = phase();
    if (current.kind !== 'open') return;
    setPhase({ kind: 'handed-over' });
    await current.base.sync?.stop();
    current.base.search.dispose();
    await current.base.engine.close();
    disposeBase?.();
    lock?.release();
  };

  // Signing in, accepting an invite or resetting a password decides whose base opens: no base yet.
  onMount(() => {
    if (!isAccountEntry(route())) void open(false);
  });
  onCleanup(onTakeOverRequest(() => void handOver()));

  const takeOver = () => {
    requestTakeOver();
    void open(true);
  };

  return (
    <Switch>
      <Match when={isAccountEntry(route()) && route()}>
        {(entry) => <AccountEntry route={entry() as Extract<ReturnType<typeof route>, { page: 'login' | 'invite' | 'reset' }>} />}
      </Match>
      <Match when={phase().kind === 'failed' && (phase() as { message: string }).message}>
        {(message) => <div class="fatal" role="alert">{t('app.openFailed', { message: message() })}</div>}
      </Match>
      <Match when={phase().kind === 'open' && (phase() as { base: Base }).base}>
        {(opened) => (
          <BaseContext.Provider value={opened()}>
            <Shell />
          </BaseContext.Provider>
        )}
      </Match>
      <Match when={phase().kind === 'elsewhere' || phase().kind === 'handed-over'}>
        <div class="elsewhere" role="alert">
          <p>{phase().kind === 'elsewhere' ? t('app.openElsewhere') : t('app.handedOver')}</p>
          <button type="button" class="primary" onClick={takeOver}>
            {t('app.useHere')}
          </button>
        </div>
      </Match>
      <Match when={phase().kind === 'opening'}>
        <div class="loading" role="status">{t('app.loading')}</div>
      </Match>
    </Switch>
  );
}

function openFailure(error: unknown): string {
  if (error instanceof NewerSchemaError) return t('backup.newerBase', { found: error.found, supported: error.supported });
  return error instanceof Error ? error.message : String(error);
}

/** A book shard untouched this long (and with nothing to undo) is unloaded. */
const SHARD_IDLE_MS = 120_000;

function Shell(): JSX.Element {
  const base = useBase();
  const [online, setOnline] = createSignal(navigator.onLine);
  const [persisted, setPersisted] = createSignal(true);
  const [persistDismissed, setPersistDismissed] = createSignal(false);
  const [update, setUpdate] = createSignal<(() => void) | null>(null);
  const [undoProblem, setUndoProblem] = createSignal<string | null>(null);
  // Undo can be refused (the relay made that document read-only since): say so, keep the step.
  const step = (direction: 'undo' | 'redo') => {
    setUndoProblem(null);
    (direction === 'undo' ? base.engine.undo() : base.engine.redo()).catch((error: unknown) => setUndoProblem(commandFailure(error)));
  };

  onMount(() => {
    void ensurePersistentStorage().then(setPersisted);
    registerServiceWorker((activate) => setUpdate(() => activate));
    const onOnline = () => setOnline(true);
    const onOffline = () => setOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      const target = event.target as HTMLElement | null;
      // Inside a text box the browser's own undo edits the text being typed.
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      event.preventDefault();
      step(event.shiftKey ? 'redo' : 'undo');
    };
    window.addEventListener('keydown', onKey);
    // Book shards are loaded to edit; idle ones are dropped so memory tracks what is in use.
    const unloadTimer = setInterval(() => void base.engine.unloadIdle(SHARD_IDLE_MS), SHARD_IDLE_MS / 2);
    onCleanup(() => {
      clearInterval(unloadTimer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('keydown', onKey);
    });
  });

  const currentSection = () => {
    const current = route();
    return current.page === 'section' ? current.section : null;
  };

  // One object per open record: the hash and the route signal both announce a navigation.
  const openRecord = createMemo(
    () => {
      const current = route();
      return current.page === 'section' && current.recordId ? { section: current.section, recordId: current.recordId } : null;
    },
    null,
    { equals: (a, b) => a?.section === b?.section && a?.recordId === b?.recordId },
  );

  return (
    <div class="shell" lang={language()}>
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        <StatusLine />
        <div class="topbar-actions">
          <ReminderBell />
          <button type="button" onClick={() => step('undo')} disabled={!base.canUndo()} aria-keyshortcuts="Control+Z" title={`${t('app.undo')} (Ctrl+Z)`}>
            {t('app.undo')}
          </button>
          <button type="button" onClick={() => step('redo')} disabled={!base.canRedo()} aria-keyshortcuts="Control+Shift+Z" title={`${t('app.redo')} (Ctrl+Shift+Z)`}>
            {t('app.redo')}
          </button>
        </div>
      </header>
      <div class="notices">
        <Show when={!online()}>
          <div class="notice info" role="status">{t('app.offline')}</div>
        </Show>
        <Show when={!persisted() && !persistDismissed()}>
          <div class="notice warn" role="alert" data-notice="not-persisted">
            {t('app.persistDenied')}
            <button type="button" onClick={() => setPersistDismissed(true)}>{t('app.dismiss')}</button>
          </div>
        </Show>
        <Show when={base.storageProblem()}>
          {(problem) => (
            <div class="notice error" role="alert" data-notice="storage-problem">
              {problem().kind === 'quota' ? t('app.quotaFull') : t('app.writeFailed', { message: problem().message })}
            </div>
          )}
        </Show>
        <Show when={undoProblem()}>
          {(message) => (
            <div class="notice error" role="alert" data-notice="undo-refused">
              {message()}
              <button type="button" onClick={() => setUndoProblem(null)}>{t('app.dismiss')}</button>
            </div>
          )}
        </Show>
        <Show when={update()}>
          {(activate) => (
            <div class="notice info" role="status">
              {t('app.updateReady')} <button type="button" onClick={() => activate()()}>{t('app.reload')}</button>
            </div>
          )}
        </Show>
      </div>
      <div class="body">
        <nav class="sidebar" aria-label={t('app.sections')}>
          <ul>
            <li>
              <a href="#/today" aria-current={route().page === 'today' ? 'page' : undefined} onClick={(event) => (event.preventDefault(), navigate({ page: 'today' }))}>
                {t('today.title')}
              </a>
            </li>
            <li class="sidebar-gap">
              <a href="#/calendar" aria-current={route().page === 'calendar' ? 'page' : undefined} onClick={(event) => (event.preventDefault(), navigate({ page: 'calendar' }))}>
                {t('calendar.title')}
              </a>
            </li>
            <For each={base.sections().filter((section) => !section.hidden)}>
              {(section) => (
                <li>
                  <a
                    href={`#/${section.id}`}
                    aria-current={currentSection() === section.id ? 'page' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ page: 'section', section: section.id });
                    }}
                  >
                    {sectionLabel(section)}
                  </a>
                </li>
              )}
            </For>
          </ul>
          <div class="sidebar-footer">
            <Show when={base.account()?.role === 'admin'}>
              <a
                class="settings-link"
                href="#/users"
                aria-current={route().page === 'users' ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ page: 'users' });
                }}
              >
                {t('account.users')}
              </a>
            </Show>
            <a
              class="settings-link"
              href="#/settings"
              aria-current={route().page === 'settings' ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ page: 'settings' });
              }}
            >
              {t('app.settings')}
            </a>
          </div>
        </nav>
        <main class="main">
          <Switch>
            <Match when={route().page === 'today'}>
              <TodayView />
            </Match>
            <Match when={route().page === 'calendar' && (route() as Extract<ReturnType<typeof route>, { page: 'calendar' }>)}>
              {(calendar) => <CalendarView mode={calendar().mode} date={calendar().date} />}
            </Match>
            <Match when={route().page === 'settings'}>
              <SettingsPage />
            </Match>
            <Match when={route().page === 'users'}>
              <UsersPage />
            </Match>
            <Match when={currentSection()}>{(section) => <SectionView section={section()} />}</Match>
          </Switch>
          <Show when={openRecord()} keyed>
            {(open) => <RecordCard section={open.section} recordId={open.recordId} onClose={() => navigate({ page: 'section', section: open.section })} />}
          </Show>
        </main>
      </div>
    </div>
  );
}
