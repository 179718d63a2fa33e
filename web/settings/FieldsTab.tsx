/**
 * Fields of one section: built-in and custom, renamed, reordered, hidden, deleted (pending,
 * data kept) and restored or purged; plus the form that adds a custom field.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { sectionLabel } from '../app/labels';
import type { SectionId } from '../schema/fields';
import { FieldRow } from './FieldRow';
import { AddFieldForm } from './AddFieldForm';
import { DeletedFields } from './DeletedFields';
import { AdminOnlyNote } from './AdminOnlyNote';

/** The field editor with its section selector. */
export function FieldsTab(): JSX.Element {
  const base = useBase();
  const [chosen, setChosen] = createSignal<SectionId>(base.sections()[0]?.id ?? 'orgs');
  const section = () => chosen();
  const sectionName = () => sectionLabel(base.sections().find((entry) => entry.id === section()) ?? { id: section() });
  // Ids, not definitions, drive the rows: a rename or move keeps each row's DOM (and focus).
  const activeIds = createMemo(() => base.fields(section()).filter((field) => field.deletedAt === undefined).map((field) => field.id), undefined, {
    equals: (a, b) => a.length === b.length && a.every((id, index) => id === b[index]),
  });

  return (
    <section class="settings-region" aria-labelledby="settings-fields-heading">
      <h2 id="settings-fields-heading">{t('settings.tab.fields')}</h2>
      <div class="settings-form">
        <label for="settings-fields-section">{t('settings.fields.section')}</label>
        <select id="settings-fields-section" value={section()} onChange={(event) => setChosen(event.currentTarget.value as SectionId)}>
          <For each={base.sections()}>
            {(entry) => (
              <option value={entry.id} selected={entry.id === section()}>
                {sectionLabel(entry)}
              </option>
            )}
          </For>
        </select>
      </div>
      <h3 id="settings-fields-list-heading" tabIndex={-1}>{t('settings.fields.listOf', { section: sectionName() })}</h3>
      <p class="settings-hint">{t('settings.fields.hint')}</p>
      <AdminOnlyNote />
      <Show when={section()} keyed>
        {(current) => (
          <fieldset class="settings-fieldset" disabled={!base.canWriteOrg()}>
      <table class="settings-table settings-fields" aria-labelledby="settings-fields-list-heading">
        <thead>
          <tr>
            <th scope="col">{t('settings.fields.name')}</th>
            <th scope="col">{t('settings.fields.type')}</th>
            <th scope="col">{t('settings.fields.shown')}</th>
            <th scope="col">{t('settings.fields.order')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('settings.fields.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={activeIds()}>
            {(id, index) => <FieldRow section={current} fieldId={id} first={index() === 0} last={index() === activeIds().length - 1} sectionName={sectionName()} />}
          </For>
        </tbody>
      </table>
      <Show when={base.canWriteOrg()}>
        <AddFieldForm section={current} sectionName={sectionName()} />
      </Show>
      <DeletedFields section={current} />
          </fieldset>
        )}
      </Show>
    </section>
  );
}
