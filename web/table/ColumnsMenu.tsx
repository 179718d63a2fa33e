/** Choosing and ordering the columns of a table. */
import { For, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import type { TableModel } from './table-model';
import { moveColumn, toggleColumn } from './view-state';

/** The columns panel: shown columns in order with move buttons, then the hidden ones. */
export function ColumnsMenu(props: { model: TableModel; onClose(): void }): JSX.Element {
  const model = props.model;
  const shown = () => model.state().columns.filter((id) => model.field(id));
  const hidden = () => model.tableFields().filter((field) => !model.state().columns.includes(field.id));
  const setColumns = (columns: string[]) => model.setState({ ...model.state(), columns });
  return (
    <div
      class="popover columns-menu"
      role="dialog"
      aria-label={t('table.columnsTitle')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <ul>
        <For each={shown()}>
          {(id, index) => (
            <li>
              <label>
                <input type="checkbox" checked onChange={() => setColumns(toggleColumn(model.state().columns, id))} />
                {model.label(id)}
              </label>
              <span class="move">
                <button type="button" disabled={index() === 0} aria-label={t('table.moveLeft', { column: model.label(id) })} onClick={() => setColumns(moveColumn(model.state().columns, id, -1))}>
                  ↑
                </button>
                <button type="button" disabled={index() === shown().length - 1} aria-label={t('table.moveRight', { column: model.label(id) })} onClick={() => setColumns(moveColumn(model.state().columns, id, 1))}>
                  ↓
                </button>
              </span>
            </li>
          )}
        </For>
        <Show when={hidden().length > 0}>
          <li class="separator" role="separator" />
        </Show>
        <For each={hidden()}>
          {(field) => (
            <li>
              <label>
                <input type="checkbox" onChange={() => setColumns(toggleColumn(model.state().columns, field.id))} />
                {model.label(field.id)}
              </label>
            </li>
          )}
        </For>
      </ul>
      <div class="af-actions">
        <button type="button" onClick={() => props.onClose()}>{t('app.dismiss')}</button>
      </div>
    </div>
  );
}
