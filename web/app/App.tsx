/** The app shell: opens the base, shows notices, the section navigation and the current page. */
import { createResource, createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import { Engine } from '../engine/engine';
import { BaseContext, createBase, useBase, type Base } from './base';
import { t, language } from '../i18n/i18n';
import { navigate, route } from './route';
import { ensurePersistentStorage } from '../storage/persistence';
import { registerServiceWorker } from './service-worker';
import { SectionView } from '../table/SectionView';
import { SettingsPage } from '../settings/SettingsPage';
import { RecordCard } from '../card/RecordCard';
import { sectionLabel } from './labels';
import { exposeTestHooks } from './test-hooks';

/** The whole app. */
export function App(): JSX.Element {
  const [base] = createResource(async (): Promise<Base> => {
    const engine = await Engine.open();
    const opened = createBase(engine);
    exposeTestHooks(opened);
    return opened;
  });
  return (
    <Switch>
      <Match when={base.error}>
        <div class="fatal" role="alert">{t('app.openFailed', { message: String((base.error as Error)?.message ?? base.error) })}</div>
      </Match>
      <Match when={base()}>
        {(opened) => (
          <BaseContext.Provider value={opened()}>
            <Shell />
          </BaseContext.Provider>
        )}
      </Match>
      <Match when={base.loading}>
        <div class="loading" role="status">{t('app.loading')}</div>
      </Match>
    </Switch>
  );
}

function Shell(): JSX.Element {
  const base = useBase();
  const [online, setOnline] = createSignal(navigator.onLine);
  const [persisted, setPersisted] = createSignal(true);
  const [persistDismissed, setPersistDismissed] = createSignal(false);
  const [update, setUpdate] = createSignal<(() => void) | null>(null);

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
      void (event.shiftKey ? base.engine.redo() : base.engine.undo());
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('keydown', onKey);
    });
  });

  const currentSection = () => {
    const current = route();
    return current.page === 'section' ? current.section : null;
  };

  const openRecord = () => {
    const current = route();
    return current.page === 'section' && current.recordId ? { section: current.section, recordId: current.recordId } : null;
  };

  return (
    <div class="shell" lang={language()}>
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        <div class="topbar-actions">
          <button type="button" onClick={() => void base.engine.undo()} disabled={!base.canUndo()} aria-keyshortcuts="Control+Z" title={`${t('app.undo')} (Ctrl+Z)`}>
            {t('app.undo')}
          </button>
          <button type="button" onClick={() => void base.engine.redo()} disabled={!base.canRedo()} aria-keyshortcuts="Control+Shift+Z" title={`${t('app.redo')} (Ctrl+Shift+Z)`}>
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
        </nav>
        <main class="main">
          <Switch>
            <Match when={route().page === 'settings'}>
              <SettingsPage />
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
