/** General settings: the UI language (this device) and the company's currency (the whole base). */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { formatDate, formatMoney, formatNumber, language, LANGUAGES, setLanguage, t, type Language } from '../i18n/i18n';
import { useBase } from '../app/base';
import { changeSettings } from '../engine/commands';
import { currencyChoices, currencyLabel } from './currencies';
import { AdminOnlyNote } from './AdminOnlyNote';
import { commandFailure } from '../card/command-failure';

/** Language and currency, with a sample of how dates, numbers and money now look. */
export function GeneralTab(): JSX.Element {
  const base = useBase();
  const currency = () => base.settings().currency;
  const [failure, setFailure] = createSignal<string | null>(null);
  return (
    <section class="settings-region" aria-labelledby="settings-general-heading">
      <h2 id="settings-general-heading">{t('settings.tab.general')}</h2>
      <div class="settings-form">
        <label for="settings-language">{t('settings.language')}</label>
        <div>
          <select
            id="settings-language"
            value={language()}
            onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          >
            <For each={LANGUAGES}>
              {(entry) => (
                <option value={entry.code} lang={entry.code} selected={entry.code === language()}>
                  {entry.name}
                </option>
              )}
            </For>
          </select>
          <p class="settings-hint">{t('settings.languageHint')}</p>
        </div>
        <label for="settings-currency">{t('settings.currency')}</label>
        <div>
          <select
            id="settings-currency"
            value={currency()}
            disabled={!base.canWriteOrg()}
            onChange={(event) => {
              setFailure(null);
              changeSettings(base.engine, { currency: event.currentTarget.value }).catch((error: unknown) => setFailure(commandFailure(error)));
            }}
          >
            <For each={currencyChoices(currency())}>
              {(code) => (
                <option value={code} selected={code === currency()}>
                  {currencyLabel(code, language())}
                </option>
              )}
            </For>
          </select>
          <p class="settings-hint">{t('settings.currencyHint')}</p>
          <AdminOnlyNote />
          <Show when={failure()}>
            {(message) => (
              <p class="settings-error" role="alert">
                {message()}
              </p>
            )}
          </Show>
        </div>
      </div>
      <h3>{t('settings.sample')}</h3>
      <dl class="settings-sample" aria-live="polite">
        <dt>{t('settings.sampleDate')}</dt>
        <dd>{formatDate('2024-12-31')}</dd>
        <dt>{t('settings.sampleNumber')}</dt>
        <dd>{formatNumber(1234567.89)}</dd>
        <dt>{t('settings.sampleMoney')}</dt>
        <dd>{formatMoney(1234567.89, currency())}</dd>
      </dl>
    </section>
  );
}
