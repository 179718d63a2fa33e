/** The reminder centre's panel: due reminders with their actions, notifications, automatic-reminder settings. */
import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { t } from '../i18n/i18n';
import { acknowledgeReminder, changeReminderSettings, completeReminderRecord, MAX_DAYS_AHEAD, readReminderSettings, snoozeEnd, snoozeReminder, SNOOZE_CHOICES, type SnoozeChoice } from './reminder-state';
import { notificationSupport, requestNotificationPermission, type NotificationSupport } from './notifications';
import { formatInstant } from './reminder-text';
import type { ReminderSnapshot } from './scheduler';
import { DEFAULT_REMINDER_SETTINGS, type Reminder, type ReminderSettings } from './schedule';

/** What the panel needs from the bell that owns the scheduler. */
export interface ReminderPanelProps {
  snapshot: ReminderSnapshot;
  problem: string | null;
  describe: (reminder: Reminder) => { title: string; detail: string };
  /** Runs a command, showing its failure in the panel. */
  onRun: (work: Promise<unknown>) => void;
  onOpenRecord: (recordId: string) => void;
  onClose: () => void;
  /** Whether the user opened the panel (focus moves into it) rather than a reminder firing. */
  focusOnOpen: boolean;
}

const SNOOZE_LABELS: Record<SnoozeChoice, 'reminders.snooze10' | 'reminders.snooze1h' | 'reminders.snoozeTomorrow'> = {
  '10min': 'reminders.snooze10',
  '1h': 'reminders.snooze1h',
  tomorrow: 'reminders.snoozeTomorrow',
};

/** The panel (rendered in a portal, positioned under the bell). */
export function ReminderPanel(props: ReminderPanelProps): JSX.Element {
  let heading: HTMLHeadingElement | undefined;
  // Opened by the user: focus moves into the panel. Opened by a reminder: focus stays put.
  onMount(() => {
    if (props.focusOnOpen) heading?.focus();
  });
  return (
    <section class="reminder-panel" role="dialog" aria-labelledby="reminder-panel-title">
      <header class="reminder-panel-head">
        <h2 id="reminder-panel-title" tabIndex={-1} ref={heading}>
          {t('reminders.title')}
        </h2>
        <button type="button" class="reminder-close" aria-label={t('reminders.close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <Show when={props.problem}>
        {(message) => (
          <p class="reminder-problem" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={props.snapshot.due.length > 0} fallback={<p class="reminder-empty">{t('reminders.empty')}</p>}>
        <ul class="reminder-list" aria-label={t('reminders.title')}>
          <For each={props.snapshot.due}>
            {(reminder) => <ReminderItem reminder={reminder} missed={props.snapshot.missed.has(reminder.key)} {...props} />}
          </For>
        </ul>
      </Show>
      <Show when={props.snapshot.next}>{(next) => <p class="reminder-next">{t('reminders.next', { time: formatInstant(next()) })}</p>}</Show>
      <NotificationSwitch />
      <AutomaticSettings onRun={props.onRun} />
    </section>
  );
}

function ReminderItem(props: ReminderPanelProps & { reminder: Reminder; missed: boolean }): JSX.Element {
  const base = useBase();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const text = () => props.describe(props.reminder);
  const row = () => (base.rowsVersion(), base.engine.rows.get(props.reminder.recordId));
  const canMarkDone = () => {
    const current = row();
    return (props.reminder.kind === 'event' || props.reminder.kind === 'task') && current !== undefined && base.canWriteDoc(current.shard);
  };
  const snooze = (choice: SnoozeChoice) => {
    setMenuOpen(false);
    props.onRun(snoozeReminder(base.engine, props.reminder.key, snoozeEnd(choice, Date.now())));
  };
  return (
    <li class="reminder-item" classList={{ missed: props.missed }} data-reminder-key={props.reminder.key} data-kind={props.reminder.kind}>
      <div class="reminder-text">
        <strong class="reminder-title">{text().title}</strong>
        <span class="reminder-detail">{text().detail}</span>
        <Show when={props.missed}>
          <span class="reminder-missed">{t('reminders.missed')}</span>
        </Show>
      </div>
      <div class="reminder-actions" role="group" aria-label={text().title}>
        <button type="button" onClick={() => props.onOpenRecord(props.reminder.recordId)}>
          {t('reminders.open')}
        </button>
        <div class="reminder-snooze">
          <button type="button" aria-haspopup="menu" aria-expanded={menuOpen()} aria-label={t('reminders.snoozeFor', { title: text().title })} onClick={() => setMenuOpen(!menuOpen())}>
            {t('reminders.snooze')} ▾
          </button>
          <Show when={menuOpen()}>
            <div class="reminder-menu" role="menu" aria-label={t('reminders.snoozeFor', { title: text().title })}>
              <For each={SNOOZE_CHOICES}>
                {(choice) => (
                  <button type="button" role="menuitem" onClick={() => snooze(choice)}>
                    {t(SNOOZE_LABELS[choice])}
                  </button>
                )}
              </For>
            </div>
          </Show>
        </div>
        <button type="button" aria-label={t('reminders.doneFor', { title: text().title })} onClick={() => props.onRun(acknowledgeReminder(base.engine, props.reminder.key))}>
          {t('reminders.done')}
        </button>
        <Show when={canMarkDone()}>
          <button type="button" class="primary" onClick={() => props.onRun(completeReminderRecord(base.engine, props.reminder))}>
            {t('reminders.markDone')}
          </button>
        </Show>
      </div>
    </li>
  );
}

function NotificationSwitch(): JSX.Element {
  const [support, setSupport] = createSignal<NotificationSupport>(notificationSupport());
  return (
    <div class="reminder-notify">
      <Show when={support() === 'default'}>
        <button type="button" onClick={() => void requestNotificationPermission().then(setSupport)}>
          {t('reminders.notifyAsk')}
        </button>
      </Show>
      <Show when={support() === 'granted'}>
        <p>{t('reminders.notifyOn')}</p>
      </Show>
      <Show when={support() === 'denied'}>
        <p>{t('reminders.notifyDenied')}</p>
      </Show>
      <Show when={support() === 'unsupported'}>
        <p>{t('reminders.notifyUnsupported')}</p>
      </Show>
    </div>
  );
}

function AutomaticSettings(props: { onRun: (work: Promise<unknown>) => void }): JSX.Element {
  const base = useBase();
  const [settings, setSettings] = createSignal<ReminderSettings>(readReminderSettings(base.engine));
  onCleanup(base.engine.onPrefs(() => setSettings(readReminderSettings(base.engine))));
  return (
    <fieldset class="reminder-settings">
      <legend>{t('reminders.settings')}</legend>
      <DaysSetting name="birthdayReminderDays" label={t('reminders.birthdays')} value={settings().birthdayReminderDays} onRun={props.onRun} />
      <DaysSetting name="contractReminderDays" label={t('reminders.contracts')} value={settings().contractReminderDays} onRun={props.onRun} />
    </fieldset>
  );
}

function DaysSetting(props: { name: keyof ReminderSettings; label: string; value: number; onRun: (work: Promise<unknown>) => void }): JSX.Element {
  const base = useBase();
  const [error, setError] = createSignal<string | null>(null);
  const on = () => props.value >= 0;
  const set = (days: number) => props.onRun(changeReminderSettings(base.engine, { [props.name]: days }));
  const daysLabel = () => t('reminders.daysAhead', { what: props.label });
  const id = `reminder-days-${props.name}`;
  return (
    <div class="reminder-setting">
      <label>
        <input type="checkbox" checked={on()} onChange={(event) => set(event.currentTarget.checked ? DEFAULT_REMINDER_SETTINGS[props.name] : -1)} />
        {props.label}
      </label>
      <input
        id={id}
        type="number"
        min="0"
        max={MAX_DAYS_AHEAD}
        step="1"
        inputMode="numeric"
        value={on() ? props.value : ''}
        disabled={!on()}
        aria-label={daysLabel()}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onChange={(event) => {
          const text = event.currentTarget.value.trim();
          const days = Number(text);
          if (!/^\d+$/.test(text) || days > MAX_DAYS_AHEAD) {
            setError(t('reminders.badDays', { what: props.label, max: MAX_DAYS_AHEAD }));
            event.currentTarget.value = String(props.value);
            return;
          }
          setError(null);
          set(days);
        }}
      />
      <span class="reminder-days-unit" aria-hidden="true">
        {t('reminders.daysUnit')}
      </span>
      <Show when={error()}>
        {(message) => (
          <span id={`${id}-error`} class="reminder-setting-error" role="alert">
            {message()}
          </span>
        )}
      </Show>
    </div>
  );
}
