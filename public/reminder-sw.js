/*
 * Reminder notifications, the service worker side (imported into the Workbox worker through
 * workbox.importScripts in vite.config.ts). A click on a reminder notification focuses the
 * app and tells it what was chosen: {type: 'reminder-action', key, action} with action
 * 'snooze', 'done' or 'open' (the body). The reminder state lives in the user's Yjs prefs
 * document, which only the app writes, so with no window open the app is opened with the
 * action in its address (see web/reminders/notifications.ts).
 */
self.addEventListener('notificationclick', (event) => {
  const notification = event.notification;
  const key = (notification.data && notification.data.key) || notification.tag;
  const action = event.action === 'snooze' || event.action === 'done' ? event.action : 'open';
  notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const client = windows.find((entry) => entry.focused) || windows[0];
      if (client) {
        if (action === 'open' && 'focus' in client) await client.focus().catch(() => undefined);
        client.postMessage({ type: 'reminder-action', key, action });
        return;
      }
      const query = `reminder-action=${encodeURIComponent(action)}&reminder-key=${encodeURIComponent(key)}`;
      await self.clients.openWindow(`/?${query}`);
    })(),
  );
});
