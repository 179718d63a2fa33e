/**
 * System notifications of reminders through the service worker registration (the only way an
 * installed app's notification can carry "Snooze" and "Done" buttons), and the actions the
 * service worker sends back. Without permission or support the in-app reminder centre alone
 * shows reminders: nothing here is required for a reminder to be seen.
 *
 * The service worker side is public/reminder-sw.js (imported into the Workbox worker).
 */

/** What the user chose on a notification: its buttons, or a click on its body ('open'). */
export type ReminderAction = 'snooze' | 'done' | 'open';

/** A message the service worker posts to the app window when a notification is clicked. */
export interface ReminderActionMessage {
  type: 'reminder-action';
  key: string;
  action: ReminderAction;
}

/** Query parameters the service worker opens the app with when no window is open. */
export const ACTION_PARAM = 'reminder-action';
/** The reminder key parameter (see ACTION_PARAM). */
export const KEY_PARAM = 'reminder-key';

/** Where notifications stand in this browser. */
export type NotificationSupport = NotificationPermission | 'unsupported';

/** Whether this browser can show notifications, and whether the user allowed them. */
export function notificationSupport(): NotificationSupport {
  if (typeof Notification === 'undefined' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
  return Notification.permission;
}

/** Asks the user for permission (call from a click: browsers ignore it otherwise). */
export async function requestNotificationPermission(): Promise<NotificationSupport> {
  if (notificationSupport() === 'unsupported') return 'unsupported';
  return Notification.requestPermission();
}

/** What one notification says. */
export interface ReminderNotice {
  key: string;
  title: string;
  body: string;
  /** Button labels in the UI language. */
  snoozeLabel: string;
  doneLabel: string;
}

/**
 * Shows a reminder as a system notification when allowed. The tag is the reminder key, so a
 * reminder shown again (a reload, a second announcement) replaces its notification instead
 * of stacking another. Returns whether a notification was shown.
 */
export async function showReminderNotification(notice: ReminderNotice): Promise<boolean> {
  if (notificationSupport() !== 'granted') return false;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) {
    // No worker (development server): a plain notification, without buttons.
    new Notification(notice.title, { body: notice.body, tag: notice.key, icon: ICON });
    return true;
  }
  const options: NotificationOptions & { actions: { action: string; title: string }[] } = {
    body: notice.body,
    tag: notice.key,
    icon: ICON,
    data: { key: notice.key },
    // A reminder stays until it is acted on (Snooze, Done or a click), as a missed call would.
    requireInteraction: true,
    actions: [
      { action: 'snooze', title: notice.snoozeLabel },
      { action: 'done', title: notice.doneLabel },
    ],
  };
  await registration.showNotification(notice.title, options);
  return true;
}

/** Closes the shown notifications of these reminders (done or snoozed, here or elsewhere). */
export async function closeNotifications(keys: ReadonlySet<string>): Promise<void> {
  if (notificationSupport() !== 'granted') return;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) return;
  for (const notification of await registration.getNotifications()) {
    if (keys.has(notification.tag)) notification.close();
  }
}

/** Whether a string is a reminder key (`rec:`, `bday:`, `contract:`). */
export function isReminderKey(text: string): boolean {
  return /^(rec|bday|contract):/.test(text);
}

/** Reads a service worker message; null when it is not a reminder action. */
export function readActionMessage(data: unknown): ReminderActionMessage | null {
  if (!data || typeof data !== 'object') return null;
  const { type, key, action } = data as Record<string, unknown>;
  if (type !== 'reminder-action' || typeof key !== 'string' || !isReminderKey(key)) return null;
  if (action !== 'snooze' && action !== 'done' && action !== 'open') return null;
  return { type, key, action };
}

/**
 * Calls `handle` with every action the service worker sends, and once with an action the app
 * was opened with (the notification was clicked while no window was open); that one is then
 * removed from the address. Returns an unsubscribe function.
 */
export function listenForReminderActions(handle: (message: ReminderActionMessage) => void): () => void {
  const fromUrl = takeActionFromUrl();
  if (fromUrl) queueMicrotask(() => handle(fromUrl));
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  const onMessage = (event: MessageEvent) => {
    const message = readActionMessage(event.data);
    if (message) handle(message);
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}

function takeActionFromUrl(): ReminderActionMessage | null {
  if (typeof location === 'undefined') return null;
  const params = new URLSearchParams(location.search);
  const message = readActionMessage({ type: 'reminder-action', key: params.get(KEY_PARAM), action: params.get(ACTION_PARAM) });
  if (!message) return null;
  params.delete(KEY_PARAM);
  params.delete(ACTION_PARAM);
  const search = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  return message;
}

const ICON = '/icons/icon-192.png';
