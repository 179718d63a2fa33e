/**
 * The card of one record, or the form of a new one, shown as a modal dialog over the table.
 * Existing records save each field on blur/Enter through commands (each edit one undo step);
 * the new-record form collects values, checks for duplicates, then creates the record.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { language, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { navigate } from '../app/route';
import { fieldLabel, sectionLabel } from '../app/labels';
import { createRecord, deleteRecords, restoreRecords, updateField } from '../engine/commands';
import { displayName, findDuplicates, warmDuplicateKeys, type DuplicateMatch } from '../duplicates/find-duplicates';
import { isBlank, type FieldValue, type SectionId } from '../schema/fields';
import { cardFields, requiredFields } from './card-rules';
import { FieldRow } from './FieldRow';
import { PeopleAtOrg } from './PeopleAtOrg';
import { DuplicateWarning } from './DuplicateWarning';
import { clearNewRecordPreset, newRecordPreset } from './new-record-preset';
import { newRecordFormDefaults } from '../engine/record-defaults';
import { canCreateRecords, canEditRecord } from './access-rules';
import { commandFailure } from './command-failure';
import { OwnerAndHandOver } from './HandOver';
import { RecordHistory } from './RecordHistory';
import { RelayDuplicateCheck } from './RelayDuplicateCheck';
import { PrintCardButton } from './PrintCardButton';
import { Timeline } from './timeline/Timeline';
import './card.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The card of record `recordId` ('new' for a new record) of `section`, shown over the list. */
export function RecordCard(props: { section: SectionId; recordId: string; onClose: () => void }): JSX.Element {
  const base = useBase();
  const isNew = props.recordId === 'new';
  if (isNew) {
    // The duplicate check on Save compares precomputed keys: compute them while the user types.
    const warm = setTimeout(() => warmDuplicateKeys(base.engine.rows.values(), props.section), 0);
    onCleanup(() => clearTimeout(warm));
  }
  const [draft, setDraft] = createSignal<Record<string, FieldValue>>(isNew ? { ...newRecordFormDefaults(props.section, base.engine.user.id), ...newRecordPreset(props.section) } : {});
  const [invalid, setInvalid] = createSignal<ReadonlySet<string>>(new Set());
  const [formError, setFormError] = createSignal<string | null>(null);
  const [matches, setMatches] = createSignal<DuplicateMatch[] | null>(null);
  const [saving, setSaving] = createSignal(false);
  const titleId = `card-title-${props.recordId}`;
  let dialog!: HTMLDivElement;

  const row = createMemo(() => (base.rowsVersion(), isNew ? undefined : base.engine.rows.get(props.recordId)));
  const section = () => row()?.section ?? props.section;
  const values = (): Record<string, FieldValue> => (isNew ? draft() : (row()?.v ?? {}));
  const fields = () => cardFields(base.fields(section()));
  const name = () => displayName(section(), values()).trim();
  const title = () => name() || (isNew ? t(`card.new.${props.section}`) : t('card.untitled'));
  const sectionDef = () => base.sections().find((entry) => entry.id === section());
  /** Whether this user may change the record (or, for a new one, add records): never offer an edit the relay refuses. */
  const editable = () => {
    if (isNew) return canCreateRecords(base.account(), base.canWriteDoc(base.engine.shardForNewRecord()));
    const current = row();
    return current ? canEditRecord(base.account(), base.canWriteDoc(current.shard)) : false;
  };
  const [tab, setTab] = createSignal<'details' | 'history'>('details');
  const showTabs = () => !isNew && base.sync !== null && row() !== undefined;

  const reportFailure = (error: unknown) => setFormError(t('card.error.saveFailed', { message: commandFailure(error) }));
  const commit = (fieldId: string) => (value: FieldValue) => {
    if (isNew) {
      setDraft({ ...draft(), [fieldId]: value });
      setMatches(null);
      setFormError(null);
      return;
    }
    updateField(base.engine, props.recordId, fieldId, value).catch(reportFailure);
  };
  const onInvalid = (fieldId: string, bad: boolean) => {
    const next = new Set(invalid());
    if (bad) next.add(fieldId);
    else next.delete(fieldId);
    setInvalid(next);
    if (!bad && next.size === 0 && formError() === t('card.error.fixFirst')) setFormError(null);
  };

  const save = async (skipDuplicates: boolean) => {
    if (saving() || !editable()) return;
    if (invalid().size) return setFormError(t('card.error.fixFirst'));
    const record = draft();
    const required = requiredFields(props.section);
    if (required.every((id) => isBlank(record[id]) || (typeof record[id] === 'string' && !(record[id] as string).trim()))) {
      const labels = base
        .fields(props.section)
        .filter((field) => required.includes(field.id))
        .map((field) => fieldLabel(field));
      return setFormError(t('card.error.nameRequired', { field: labels.join(' / ') }));
    }
    if (!skipDuplicates) {
      const found = findDuplicates(base.engine.rows.values(), props.section, record);
      if (found.length) return setMatches(found);
    }
    setSaving(true);
    try {
      const id = await createRecord(base.engine, props.section, record);
      clearNewRecordPreset(props.section);
      navigate({ page: 'section', section: props.section, recordId: id });
    } catch (error) {
      reportFailure(error);
    } finally {
      setSaving(false);
    }
  };

  // Delete and Restore replace the button that was pressed: keep the keyboard in the card.
  const keepFocusInCard = () =>
    queueMicrotask(() => {
      if (!dialog.contains(document.activeElement)) dialog.focus();
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      props.onClose();
    } else if (event.key === 'Tab') {
      // Keep keyboard focus inside the modal card.
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null || element.tagName === 'INPUT');
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const previousFocus = document.activeElement as HTMLElement | null;
  onMount(() => {
    const firstInput = dialog.querySelector<HTMLElement>('.card-fields input:not([type=file]), .card-fields select, .card-fields textarea');
    if (isNew && firstInput) firstInput.focus();
    else dialog.focus();
  });
  onCleanup(() => {
    // Left for good (not just mounted again by the same navigation): forget the preset.
    if (isNew) setTimeout(() => !location.hash.endsWith(`/${props.section}/new`) && clearNewRecordPreset(props.section), 0);
    if (previousFocus?.isConnected && !document.querySelector('.card-dialog')) previousFocus.focus();
  });

  const timeText = (time: number) => new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));

  return (
    <div
      class="card-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) props.onClose();
      }}
    >
      <div class="card-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} tabindex="-1" ref={dialog} onKeyDown={onKeyDown} data-record-id={props.recordId}>
        <header class="card-head">
          <div>
            <span class="card-section">{sectionDef() ? sectionLabel(sectionDef()!) : ''}</span>
            <h2 id={titleId}>{title()}</h2>
          </div>
          <button type="button" class="card-close" aria-label={t('card.close')} title={`${t('card.close')} (Esc)`} onClick={() => props.onClose()}>
            ×
          </button>
        </header>
        <Show
          when={isNew || row()}
          fallback={
            <p class="card-body card-muted" role="status">
              {t('card.notFound')}
            </p>
          }
        >
          <Show when={showTabs()}>
            <div class="card-tabs" role="tablist" aria-label={t('card.tabs')}>
              <For each={['details', 'history'] as const}>
                {(id) => (
                  <button
                    type="button"
                    role="tab"
                    id={`card-tab-${id}`}
                    aria-selected={tab() === id}
                    aria-controls="card-tab-panel"
                    tabIndex={tab() === id ? 0 : -1}
                    onClick={() => setTab(id)}
                    onKeyDown={(event) => {
                      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
                      event.preventDefault();
                      const next = id === 'details' ? 'history' : 'details';
                      setTab(next);
                      document.getElementById(`card-tab-${next}`)?.focus();
                    }}
                  >
                    {t(id === 'details' ? 'card.tab.details' : 'card.tab.history')}
                  </button>
                )}
              </For>
            </div>
          </Show>
          <div class="card-body" id="card-tab-panel" role={showTabs() ? 'tabpanel' : undefined} aria-labelledby={showTabs() ? `card-tab-${tab()}` : undefined}>
            <Show when={!editable()}>
              <p class="card-view-only" role="note" data-view-only>
                {isNew ? t('card.viewOnlyNew') : t('card.viewOnly')}
              </p>
            </Show>
            <Show when={showTabs() && tab() === 'history' && row()}>
              {(current) => <RecordHistory recordId={props.recordId} shard={current().shard} section={current().section} updated={current().updated} />}
            </Show>
            <Show when={!(showTabs() && tab() === 'history') && !(isNew && !editable())}>
              <Show when={base.sync && row()}>
                {(current) => <OwnerAndHandOver recordId={props.recordId} shard={current().shard} deleted={current().deleted !== undefined} />}
              </Show>
              <Show when={row()?.deleted}>
                <div class="card-trash" role="status">
                  {t('card.inTrash')}{' '}
                  <Show when={editable()}>
                    <button type="button" onClick={() => restoreRecords(base.engine, [props.recordId]).then(keepFocusInCard, reportFailure)}>
                      {t('card.restore')}
                    </button>
                  </Show>
                </div>
              </Show>
              <Show when={!isNew && (section() === 'orgs' || section() === 'people') && row()}>
                <Timeline recordId={props.recordId} section={section() as 'orgs' | 'people'} />
              </Show>
              <div class="card-fields">
                <For each={fields()}>
                  {(field) => <FieldRow field={field} value={values()[field.id]} commit={commit(field.id)} recordName={name()} onInvalid={onInvalid} readOnly={!editable()} />}
                </For>
              </div>
              <Show when={isNew && base.sync && base.account()?.seeOnlyOwn}>
                <RelayDuplicateCheck section={props.section} values={draft()} />
              </Show>
              <Show when={!isNew && section() === 'orgs'}>
                <PeopleAtOrg orgId={props.recordId} />
              </Show>
            </Show>
            <Show when={matches()}>
              {(found) => (
                <DuplicateWarning
                  matches={found()}
                  onOpen={(recordId) => navigate({ page: 'section', section: props.section, recordId })}
                  onSaveAnyway={() => void save(true)}
                />
              )}
            </Show>
            <Show when={formError()}>
              <p class="card-error card-form-error" role="alert" ref={(element) => queueMicrotask(() => element.scrollIntoView({ block: 'nearest' }))}>
                {formError()}
              </p>
            </Show>
          </div>
        </Show>
        <footer class="card-foot">
          <Show
            when={isNew}
            fallback={
              <>
                <span class="card-muted card-times">
                  <Show when={row()}>
                    {(current) => (
                      <>
                        {t('card.created', { time: timeText(current().created) })} · {t('card.updated', { time: timeText(current().updated) })}
                      </>
                    )}
                  </Show>
                </span>
                <Show when={row()}>{(current) => <PrintCardButton row={current()} fields={fields()} />}</Show>
                <Show when={row() && !row()!.deleted && editable()}>
                  <button type="button" class="card-delete" onClick={() => deleteRecords(base.engine, [props.recordId]).then(keepFocusInCard, reportFailure)}>
                    {t('card.delete')}
                  </button>
                </Show>
              </>
            }
          >
            <span />
            <div class="card-actions">
              <button type="button" onClick={() => props.onClose()}>
                {t('card.cancel')}
              </button>
              <Show when={editable()}>
                <button type="button" class="primary" disabled={saving()} onClick={() => void save(false)}>
                  {t('card.save')}
                </button>
              </Show>
            </div>
          </Show>
        </footer>
      </div>
    </div>
  );
}
