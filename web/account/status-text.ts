/**
 * What the status line says, decided apart from rendering so it can be tested: the connection
 * phrase, the pending count, "saved on the relay" and any refusal, as message keys.
 */
import type { MessageKey } from '../i18n/messages/en';
import type { SyncStatus } from '../sync/sync-status';
import { pluralKey } from './plural';
import { CLOSE_DOC_TOO_LARGE, CLOSE_READ_ONLY } from '../../relay/sync/close-codes';

/** One phrase of the status line. */
export interface StatusPhrase {
  key: MessageKey;
  params?: Record<string, number>;
  /** How it is shown: ok (green), wait (neutral), problem (amber/red). */
  tone: 'ok' | 'wait' | 'problem';
}


/** The connection phrase: fetching N documents while joining, else the connection state. */
export function connectionPhrase(status: SyncStatus, language: string): StatusPhrase {
  if (status.connection === 'signed-out') return { key: 'account.status.signedOut', tone: 'problem' };
  if (status.docsToFetch > 0 && status.connection !== 'offline') {
    return { key: pluralKey('account.status.fetching', language, status.docsToFetch), params: { count: status.docsToFetch }, tone: 'wait' };
  }
  if (status.connection === 'connected') return { key: 'account.status.connected', tone: 'ok' };
  if (status.connection === 'offline') return { key: 'account.status.offline', tone: 'problem' };
  if (status.connection === 'reconnecting') return { key: 'account.status.reconnecting', tone: 'wait' };
  return { key: 'account.status.connecting', tone: 'wait' };
}

/** The saving phrase: N changes waiting, or "saved on the relay" only when the relay covers every local change. */
export function savingPhrase(status: SyncStatus, language: string): StatusPhrase | null {
  if (status.pendingChanges > 0) {
    return { key: pluralKey('account.status.pending', language, status.pendingChanges), params: { count: status.pendingChanges }, tone: 'wait' };
  }
  if (status.savedOnRelay) return { key: 'account.status.saved', tone: 'ok' };
  return null;
}

/** The refusal alert for a write the relay closed a socket over, or null. */
export function refusalPhrase(status: SyncStatus): StatusPhrase | null {
  if (!status.refused) return null;
  if (status.refused.code === CLOSE_READ_ONLY) return { key: 'account.status.refusedReadOnly', tone: 'problem' };
  if (status.refused.code === CLOSE_DOC_TOO_LARGE) return { key: 'account.status.refusedTooLarge', tone: 'problem' };
  return { key: 'account.status.refusedOther', params: { code: status.refused.code }, tone: 'problem' };
}
