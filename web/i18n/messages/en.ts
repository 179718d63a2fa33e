/**
 * English messages: the reference language. Every UI string lives here and in the same keys
 * of es.ts, ro.ts and ru.ts. `{name}` marks a parameter. Keys are grouped by the part of the
 * app that shows them; add new keys inside your part's block.
 */
export const en = {
  // ---- app shell ----
  'app.name': 'Clientela',
  'app.loading': 'Opening your client base…',
  'app.openFailed': 'The base could not be opened: {message}',
  'app.undo': 'Undo',
  'app.redo': 'Redo',
  'app.settings': 'Settings',
  'app.sections': 'Sections',
  'app.offline': 'Offline: everything you do is saved on this device.',
  'app.updateReady': 'A new version is ready.',
  'app.reload': 'Reload',
  'app.persistDenied': 'This browser has not promised to keep the base: it may delete it when the disk runs low. Install the app or allow persistent storage to protect it.',
  'app.quotaFull': 'The disk space the browser gives this app is full: your last change is not saved yet. Free some space or export a backup; nothing already saved is lost.',
  'app.writeFailed': 'Saving failed: {message}. Your change is kept in memory and retried.',
  'app.dismiss': 'Dismiss',

  // ---- sections and fields (built-in labels) ----
  'section.orgs': 'Organizations',
  'section.people': 'Contacts',
  'section.notes': 'Notes',
  'section.links': 'Links',

  // ---- search ----
  // @search-keys-end

  // ---- table ----
  // @table-keys-end

  // ---- card ----
  // @card-keys-end

  // ---- settings ----
  // @settings-keys-end

  // ---- backup ----
  // @backup-keys-end
} as const;

/** A message key. */
export type MessageKey = keyof typeof en;
/** A full set of messages of one language. */
export type Messages = Record<MessageKey, string>;
