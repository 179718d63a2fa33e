/** Custom fields whose deletion is pending: their data is kept until deleted permanently. */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { fieldLabel } from '../app/labels';
import { purgeField, restoreField } from '../engine/commands';
import type { FieldDef, SectionId } from '../schema/fields';
import { fieldTypeLabel } from './type-labels';
import { ConfirmDialog } from './ConfirmDialog';
import { focusLater } from './focus';

/** The "Deleted fields" list of a section with Restore and Delete permanently. */
export function DeletedFields(props: { section: SectionId }): JSX.Element {
  const base = useBase();
  const deleted = () => base.fields(props.section).filter((field) => field.deletedAt !== undefined);
  const [confirming, setConfirming] = createSignal<FieldDef | null>(null);

  // How many records lose a value: told in the question so nobody purges data by surprise.
  const valuesCount = (fieldId: string) => {
    base.rowsVersion();
    let count = 0;
    for (const row of base.engine.rows.values()) if (row.section === props.section && fieldId in row.v) count++;
    return count;
  };

  // Focus follows the field: back to its row when restored, to the fields heading when purged.
  const restore = async (field: FieldDef) => {
    await restoreField(base.engine, props.section, field.id);
    focusLater(`tr[data-field-id="${field.id}"] input[type=text]`);
  };

  const purge = async (field: FieldDef) => {
    setConfirming(null);
    await purgeField(base.engine, props.section, field.id);
    focusLater('#settings-fields-list-heading');
  };

  return (
    <Show when={deleted().length > 0}>
      <section class="settings-deleted" aria-labelledby="settings-deleted-heading">
        <h3 id="settings-deleted-heading">{t('settings.deleted.title')}</h3>
        <p class="settings-hint">{t('settings.deleted.hint')}</p>
        <ul>
          <For each={deleted()}>
            {(field) => (
              <li>
                <span class="settings-deleted-name">{fieldLabel(field)}</span>
                <span class="settings-badge">{fieldTypeLabel(field.type)}</span>
                <button type="button" data-restore={field.id} aria-label={t('settings.deleted.restoreOf', { name: fieldLabel(field) })} onClick={() => void restore(field)}>
                  {t('settings.deleted.restore')}
                </button>
                <button type="button" class="danger" aria-label={t('settings.deleted.purgeOf', { name: fieldLabel(field) })} onClick={() => setConfirming(field)}>
                  {t('settings.deleted.purge')}
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={confirming()} keyed>
          {(field) => (
            <ConfirmDialog
              title={t('settings.deleted.confirmTitle', { name: fieldLabel(field) })}
              text={t('settings.deleted.confirmText', { name: fieldLabel(field), count: valuesCount(field.id) })}
              confirmLabel={t('settings.deleted.purge')}
              onConfirm={() => void purge(field)}
              onCancel={() => setConfirming(null)}
            />
          )}
        </Show>
      </section>
    </Show>
  );
}
