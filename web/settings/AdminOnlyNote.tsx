/** The note on company-wide settings a user may read but not change (only Administrators write the org). */
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';

/** "Only an Administrator can change…", shown when this user may not write the org document. */
export function AdminOnlyNote(): JSX.Element {
  const base = useBase();
  return (
    <Show when={!base.canWriteOrg()}>
      <p class="settings-admin-only" role="note">
        {t('settings.adminOnly')}
      </p>
    </Show>
  );
}
