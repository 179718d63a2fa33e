/** The "Mine / Team" switch (and, on the calendar, one colleague) over Today and the calendar. */
import { For, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { collator, t } from '../i18n/i18n';
import { scopeChoice, setScopeChoice } from './scope';

/** Mine / Team buttons; with `colleagues`, a list of the other users too. */
export function ScopeSwitch(props: { colleagues?: boolean }): JSX.Element {
  const base = useBase();
  const others = () =>
    [...base.userNames()]
      .filter(([id]) => id !== base.engine.user.id)
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => collator().compare(a.name, b.name));
  const isColleague = () => scopeChoice() !== 'mine' && scopeChoice() !== 'team';
  return (
    <div class="scope-switch" role="group" aria-label={t('today.scope')}>
      <button type="button" aria-pressed={scopeChoice() === 'mine'} onClick={() => setScopeChoice('mine')}>
        {t('today.scope.mine')}
      </button>
      <button type="button" aria-pressed={scopeChoice() === 'team'} onClick={() => setScopeChoice('team')}>
        {t('today.scope.team')}
      </button>
      <Show when={props.colleagues && others().length > 0}>
        <label class="scope-person">
          <span>{t('today.scope.person')}</span>
          <select value={isColleague() ? scopeChoice() : ''} onChange={(event) => event.currentTarget.value && setScopeChoice(event.currentTarget.value)}>
            <option value="">{t('today.scope.anyone')}</option>
            <For each={others()}>{(user) => <option value={user.id}>{user.name}</option>}</For>
          </select>
        </label>
      </Show>
    </div>
  );
}
