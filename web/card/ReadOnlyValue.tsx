/** A field's value as read-only text (View-only users, books the relay shares read-only): links still call and write. */
import { Match, Show, Switch, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { createBlobUrl } from '../blobs/photo-url';
import { isBlobHash } from '../blobs/blob-store';
import { CellContent } from '../table/cells';
import { formatCell } from '../table/format';
import type { FieldDef, FieldValue } from '../schema/fields';
import { cardValueContext } from './value-context';

/** The value of `field` shown as text; `labelId` names the element holding the field's label. */
export function ReadOnlyValue(props: { field: FieldDef; value: FieldValue | undefined; labelId: string; recordName: string }): JSX.Element {
  const base = useBase();
  const context = cardValueContext(base);
  const photo = createBlobUrl(base.engine.db, () => (props.field.type === 'photo' && isBlobHash(props.value) ? props.value : null));
  const empty = () => formatCell(props.field, props.value, context, base.settings().currency) === '';
  return (
    <div class="card-readonly" role="group" aria-labelledby={props.labelId} data-readonly-field={props.field.id}>
      <Switch
        fallback={
          <Show when={!empty()} fallback={<span class="card-muted">—</span>}>
            <span classList={{ 'card-readonly-long': props.field.type === 'longtext' }}>
              <CellContent field={props.field} value={props.value} context={context} currency={base.settings().currency} />
            </span>
          </Show>
        }
      >
        <Match when={props.field.type === 'photo'}>
          <Show when={photo()} fallback={<span class="card-muted">{t('card.photo.none')}</span>}>
            {(src) => <img class="card-readonly-photo" src={src()} alt={t('card.photo.alt', { name: props.recordName || t('card.untitled') })} />}
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
