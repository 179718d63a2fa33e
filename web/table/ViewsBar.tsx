/** Saved views of a section for the current user: apply, save (new or overwrite by name), delete. */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { deleteView, saveView } from '../engine/commands';
import { t } from '../i18n/i18n';
import type { TableModel } from './table-model';
import { parseViewState, serializeViewState } from './view-state';

/** The saved-views controls of the toolbar. */
export function ViewsBar(props: { model: TableModel; onNotice(text: string): void }): JSX.Element {
  const base = useBase();
  const model = props.model;
  const [current, setCurrent] = createSignal('');
  const [naming, setNaming] = createSignal(false);
  const [name, setName] = createSignal('');
  const views = () => base.views().filter((view) => view.section === model.section).sort((a, b) => a.name.localeCompare(b.name));

  const apply = (id: string) => {
    setCurrent(id);
    const view = views().find((candidate) => candidate.id === id);
    if (!view) return;
    const { state, dropped } = parseViewState(view.state, base.fields(model.section));
    model.setState(state);
    if (dropped.length > 0) props.onNotice(t('table.viewDropped', { details: dropped.join('; ') }));
  };

  const save = async () => {
    const trimmed = name().trim();
    if (!trimmed) {
      props.onNotice(t('table.viewNameNeeded'));
      return;
    }
    const existing = views().find((view) => view.name === trimmed);
    try {
      const id = await saveView(base.engine, { id: existing?.id, section: model.section, name: trimmed, state: serializeViewState(model.state()) });
      setCurrent(id);
      setNaming(false);
      props.onNotice(t('table.viewSaved', { name: trimmed }));
    } catch (error) {
      props.onNotice(t('table.actionFailed', { message: (error as Error).message }));
    }
  };

  return (
    <div class="views" role="group" aria-label={t('table.views')}>
      <select aria-label={t('table.views')} onChange={(event) => apply(event.currentTarget.value)}>
        <option value="" selected={current() === ''}>{t('table.chooseView')}</option>
        <For each={views()}>{(view) => <option value={view.id} selected={view.id === current()}>{view.name}</option>}</For>
      </select>
      <Show
        when={naming()}
        fallback={
          <button type="button" onClick={() => { setName(views().find((view) => view.id === current())?.name ?? ''); setNaming(true); }}>
            {t('table.saveView')}
          </button>
        }
      >
        <form class="view-name" onSubmit={(event) => { event.preventDefault(); void save(); }}>
          <input aria-label={t('table.viewName')} placeholder={t('table.viewName')} value={name()} onInput={(event) => setName(event.currentTarget.value)} ref={(input) => queueMicrotask(() => input.focus())} />
          <button type="submit" class="primary">{t('table.save')}</button>
          <button type="button" onClick={() => setNaming(false)}>{t('table.cancel')}</button>
        </form>
      </Show>
      <Show when={current()}>
        <button
          type="button"
          onClick={() => {
            const id = current();
            setCurrent('');
            void deleteView(base.engine, id).catch((error: Error) => props.onNotice(t('table.actionFailed', { message: error.message })));
          }}
        >
          {t('table.deleteView')}
        </button>
      </Show>
    </div>
  );
}
