/** Settings: one page with tabs (General, Sections, Fields, Backup), the tab kept in the URL. */
import { createSignal, For, Match, onCleanup, Show, Switch, type JSX } from 'solid-js';
import { ReadOnlyError } from '../engine/engine';
import { commandFailure } from '../card/command-failure';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { navigate, route } from '../app/route';
import { GeneralTab } from './GeneralTab';
import { SectionsTab } from './SectionsTab';
import { FieldsTab } from './FieldsTab';
import { BackupPanel } from '../backup/BackupPanel';
import './settings.css';

/** The tabs of the settings page, in display order; the id is the URL part `#/settings/<id>`. */
export const SETTINGS_TABS = ['general', 'sections', 'fields', 'backup'] as const;
/** One tab of the settings page. */
export type SettingsTab = (typeof SETTINGS_TABS)[number];

const TAB_TITLES: Record<SettingsTab, MessageKey> = {
  general: 'settings.tab.general',
  sections: 'settings.tab.sections',
  fields: 'settings.tab.fields',
  backup: 'settings.tab.backup',
};

function currentTab(): SettingsTab {
  const current = route();
  const tab = current.page === 'settings' ? current.tab : undefined;
  return (SETTINGS_TABS as readonly string[]).includes(tab ?? '') ? (tab as SettingsTab) : 'general';
}

/** Settings: language and currency, sections, fields, backup. */
export function SettingsPage(): JSX.Element {
  const tabButtons = new Map<SettingsTab, HTMLButtonElement>();
  // The tabs start commands fire-and-forget; a write the relay only lets Administrators make must still be told.
  const [refused, setRefused] = createSignal<string | null>(null);
  const onRejection = (event: PromiseRejectionEvent) => {
    if (!(event.reason instanceof ReadOnlyError)) return;
    event.preventDefault();
    setRefused(commandFailure(event.reason));
  };
  window.addEventListener('unhandledrejection', onRejection);
  onCleanup(() => window.removeEventListener('unhandledrejection', onRejection));

  const select = (tab: SettingsTab, focus = false) => {
    navigate({ page: 'settings', tab });
    if (focus) tabButtons.get(tab)?.focus();
  };

  // The tab list follows the WAI-ARIA pattern: arrows, Home and End move between tabs.
  const onTabKey = (event: KeyboardEvent) => {
    const index = SETTINGS_TABS.indexOf(currentTab());
    const last = SETTINGS_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % SETTINGS_TABS.length
      : event.key === 'ArrowLeft' ? (index + last) % SETTINGS_TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    select(SETTINGS_TABS[next], true);
  };

  return (
    <div class="settings-page">
      <h1>{t('settings.title')}</h1>
      <Show when={refused()}>
        {(message) => (
          <div class="notice error" role="alert">
            {message()} <button type="button" onClick={() => setRefused(null)}>{t('app.dismiss')}</button>
          </div>
        )}
      </Show>
      <div class="settings-tabs" role="tablist" aria-label={t('settings.title')} onKeyDown={onTabKey}>
        <For each={SETTINGS_TABS}>
          {(tab) => (
            <button
              type="button"
              role="tab"
              id={`settings-tab-${tab}`}
              ref={(element) => tabButtons.set(tab, element)}
              aria-selected={currentTab() === tab}
              aria-controls={`settings-panel-${tab}`}
              tabIndex={currentTab() === tab ? 0 : -1}
              onClick={() => select(tab)}
            >
              {t(TAB_TITLES[tab])}
            </button>
          )}
        </For>
      </div>
      <div class="settings-panel" role="tabpanel" id={`settings-panel-${currentTab()}`} aria-labelledby={`settings-tab-${currentTab()}`}>
        <Switch>
          <Match when={currentTab() === 'general'}>
            <GeneralTab />
          </Match>
          <Match when={currentTab() === 'sections'}>
            <SectionsTab />
          </Match>
          <Match when={currentTab() === 'fields'}>
            <FieldsTab />
          </Match>
          <Match when={currentTab() === 'backup'}>
            <section class="settings-region" aria-labelledby="settings-backup-heading">
              <h2 id="settings-backup-heading">{t('settings.tab.backup')}</h2>
              <BackupPanel />
            </section>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
