/** Sections: rename each section and choose which ones the navigation shows. */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { sectionLabel } from '../app/labels';
import { renameSection, setSectionHidden } from '../engine/commands';
import type { SectionId } from '../schema/fields';
import { canHideSection, checkSectionName } from './section-rules';
import { AdminOnlyNote } from './AdminOnlyNote';

/** The list of sections with a name box and a "shown" switch each. */
export function SectionsTab(): JSX.Element {
  const base = useBase();
  // Rows are keyed by id so a rename elsewhere does not rebuild the box being typed in.
  const ids = () => base.sections().map((section) => section.id);
  return (
    <section class="settings-region" aria-labelledby="settings-sections-heading">
      <h2 id="settings-sections-heading">{t('settings.tab.sections')}</h2>
      <p class="settings-hint">{t('settings.sections.hint')}</p>
      <AdminOnlyNote />
      {/* A disabled fieldset disables every control inside: nothing offered that the relay would refuse. */}
      <fieldset class="settings-fieldset" disabled={!base.canWriteOrg()}>
      <table class="settings-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.sections.default')}</th>
            <th scope="col">{t('settings.sections.name')}</th>
            <th scope="col">{t('settings.sections.shown')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={ids()}>{(id) => <SectionRow id={id} />}</For>
        </tbody>
      </table>
      </fieldset>
    </section>
  );
}

function SectionRow(props: { id: SectionId }): JSX.Element {
  const base = useBase();
  const section = () => base.sections().find((entry) => entry.id === props.id)!;
  const defaultLabel = () => t(`section.${props.id}`);
  const [problem, setProblem] = createSignal<string | null>(null);
  let input!: HTMLInputElement;

  const commit = () => {
    const typed = input.value.trim();
    const others = base.sections().filter((entry) => entry.id !== props.id).map(sectionLabel);
    if (checkSectionName(typed, others) === 'duplicateName') {
      setProblem(t('settings.sections.duplicate', { name: typed }));
      return;
    }
    setProblem(null);
    // Typing the default name back is the same as restoring it: it keeps following the language.
    const label = typed === defaultLabel() ? '' : typed;
    if (label === (section().label ?? '')) {
      input.value = sectionLabel(section());
      return;
    }
    void renameSection(base.engine, props.id, label);
  };

  const toggle = (shown: boolean, box: HTMLInputElement) => {
    if (!shown && !canHideSection(base.sections(), props.id)) {
      box.checked = true;
      setProblem(t('settings.sections.lastVisible'));
      return;
    }
    setProblem(null);
    void setSectionHidden(base.engine, props.id, !shown);
  };

  const errorId = `settings-section-error-${props.id}`;
  return (
    <tr>
      <th scope="row">{defaultLabel()}</th>
      <td>
        <input
          ref={input}
          type="text"
          value={sectionLabel(section())}
          placeholder={defaultLabel()}
          aria-label={t('settings.sections.nameOf', { name: defaultLabel() })}
          aria-invalid={problem() ? 'true' : undefined}
          aria-describedby={problem() ? errorId : undefined}
          onChange={commit}
          onKeyDown={(event) => {
            // Enter commits through the change event; Escape puts the stored name back.
            if (event.key === 'Escape') {
              input.value = sectionLabel(section());
              setProblem(null);
            }
          }}
        />
        <Show when={problem()}>
          {(message) => (
            <p class="settings-error" role="alert" id={errorId}>
              {message()}
            </p>
          )}
        </Show>
      </td>
      <td>
        <input
          type="checkbox"
          checked={!section().hidden}
          disabled={!section().hidden && !canHideSection(base.sections(), props.id)}
          title={!section().hidden && !canHideSection(base.sections(), props.id) ? t('settings.sections.lastVisible') : undefined}
          aria-label={t('settings.sections.showOf', { name: defaultLabel() })}
          onChange={(event) => toggle(event.currentTarget.checked, event.currentTarget)}
        />
      </td>
    </tr>
  );
}
