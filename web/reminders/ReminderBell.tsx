/**
 * The reminder centre: a bell with the number of due reminders in the top bar, and a panel
 * listing them (missed ones marked) with Open, Snooze and Done. It runs the scheduler for the
 * signed-in user while the base is open, shows system notifications when allowed, and carries
 * out what the user chose on a notification.
 */
import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import { useBase } from '../app/base';
import { navigate } from '../app/route';
import { t } from '../i18n/i18n';
import { commandFailure } from '../card/command-failure';
import { startReminderScheduler, type ReminderSnapshot } from './scheduler';
import { acknowledgeReminder, snoozeEnd, snoozeReminder } from './reminder-state';
import { closeNotifications, listenForReminderActions, notificationSupport, showReminderNotification, type ReminderActionMessage } from './notifications';
import { notificationTitle, reminderDetail, reminderTitle } from './reminder-text';
import { ReminderPanel } from './ReminderPanel';
import type { Reminder } from './schedule';
import './reminders.css';

/** The bell button and its panel; mount once in the shell's top bar. */
export function ReminderBell(): JSX.Element {
  const base = useBase();
  const { engine } = base;
  const [snapshot, setSnapshot] = createSignal<ReminderSnapshot>({ due: [], missed: new Set(), next: null, states: new Map() });
  const [open, setOpen] = createSignal(false);
  const [openedByUser, setOpenedByUser] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  let bell: HTMLButtonElement | undefined;
  let dueKeys = new Set<string>();

  const describe = (reminder: Reminder) => {
    const row = engine.rows.get(reminder.recordId);
    const title = reminderTitle(row, row ? base.fields(row.section) : []);
    return { title, detail: reminderDetail(reminder, row) };
  };

  const notify = (fired: Reminder[]) => {
    if (notificationSupport() !== 'granted') {
      // No system notifications: the centre itself is the alert.
      setOpen(true);
      return;
    }
    for (const reminder of fired) {
      const { title, detail } = describe(reminder);
      void showReminderNotification({ key: reminder.key, title: notificationTitle(reminder, title), body: detail, snoozeLabel: t('reminders.snooze10'), doneLabel: t('reminders.done') }).catch(() => setOpen(true));
    }
  };

  const run = (work: Promise<unknown>) => {
    setProblem(null);
    work.catch((error: unknown) => setProblem(t('reminders.failed', { message: commandFailure(error) })));
  };

  const openRecord = (recordId: string) => {
    const row = engine.rows.get(recordId);
    if (row) navigate({ page: 'section', section: row.section, recordId });
  };

  const onAction = (message: ReminderActionMessage) => {
    if (message.action === 'snooze') run(snoozeReminder(engine, message.key, snoozeEnd('10min', Date.now())));
    else if (message.action === 'done') run(acknowledgeReminder(engine, message.key));
    else {
      setOpen(true);
      openRecord(message.key.split(':')[1] ?? '');
    }
  };

  onMount(() => {
    let first = true;
    const scheduler = startReminderScheduler(engine, {
      onChange(next) {
        setSnapshot(next);
        // What fired while the app was closed is shown as soon as it opens.
        if (first && next.missed.size > 0) setOpen(true);
        first = false;
        // Done or snoozed on another device (or here): its notification goes away too. Only
        // reminders that were due and no longer are: a notification being shown right now for a
        // reminder this list has not caught up with must stay.
        const nowDue = new Set(next.due.map((reminder) => reminder.key));
        const gone = [...dueKeys].filter((key) => !nowDue.has(key));
        dueKeys = nowDue;
        if (gone.length > 0) void closeNotifications(new Set(gone)).catch(() => undefined);
      },
      onFire: notify,
    });
    const stopActions = listenForReminderActions(onAction);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open()) {
        setOpen(false);
        setOpenedByUser(false);
        bell?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => {
      scheduler.stop();
      stopActions();
      window.removeEventListener('keydown', onKey);
    });
  });

  const count = () => snapshot().due.length;

  return (
    <>
      <button
        type="button"
        ref={bell}
        class="reminder-bell"
        classList={{ ringing: count() > 0 }}
        aria-label={count() > 0 ? t('reminders.bellCount', { count: count() }) : t('reminders.bell')}
        aria-expanded={open()}
        aria-haspopup="dialog"
        title={t('reminders.bell')}
        onClick={() => {
          setOpenedByUser(true);
          setOpen(!open());
        }}
      >
        <svg class="reminder-bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
        </svg>
        <Show when={count() > 0}>
          <span class="reminder-count" aria-hidden="true">
            {count()}
          </span>
        </Show>
      </button>
      <Show when={open()}>
        <Portal>
          <ReminderPanel
            snapshot={snapshot()}
            focusOnOpen={openedByUser()}
            problem={problem()}
            describe={describe}
            onRun={run}
            onOpenRecord={(recordId) => {
              openRecord(recordId);
              setOpen(false);
            }}
            onClose={() => {
              setOpen(false);
              setOpenedByUser(false);
              bell?.focus();
            }}
          />
        </Portal>
      </Show>
    </>
  );
}
