/**
 * The relay's refusals in the user's language. The relay answers `{error: code, message}` in
 * English (relay/http/api.ts); known codes get a translated message with the relay's figures,
 * unknown ones show the relay's own words so nothing is hidden.
 */
import type { MessageKey } from '../i18n/messages/en';
import { RelayApiError } from '../sync/relay-api';

/** A message to show: a key and its parameters. */
export interface ShownError {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Where the call was made: the same code means different things on the invite and reset pages. */
export type ErrorContext = 'login' | 'invite' | 'reset' | 'users';

/** The seconds to wait, read from the relay's `try again in N s` (RelayApiError carries no headers). */
export function retrySeconds(message: string): number | null {
  const match = /in (\d+) ?s\b/.exec(message);
  return match ? Number(match[1]) : null;
}

/** The name quoted in the relay's `The name "X" is already taken.` */
function quotedName(message: string): string {
  return /"([^"]*)"/.exec(message)?.[1] ?? '';
}

/** The message for a failed relay call. */
export function relayErrorMessage(error: unknown, context: ErrorContext): ShownError {
  if (!(error instanceof RelayApiError)) return { key: 'account.error.other', params: { message: error instanceof Error ? error.message : String(error) } };
  switch (error.code) {
    case 'unreachable':
      return { key: 'account.error.unreachable', params: {} };
    case 'bad-credentials':
      return { key: 'account.error.badCredentials', params: {} };
    case 'too-many-attempts': {
      const seconds = retrySeconds(error.message);
      if (seconds === null) return { key: 'account.error.other', params: { message: error.message } };
      // A wait of many minutes reads better in minutes; the seconds stay for the exact figure.
      if (seconds >= 120) return { key: 'account.error.tooManyAttemptsMinutes', params: { minutes: Math.ceil(seconds / 60), seconds } };
      return { key: 'account.error.tooManyAttempts', params: { seconds } };
    }
    case 'invalid-invite':
      return { key: context === 'reset' ? 'account.error.invalidReset' : 'account.error.invalidInvite', params: {} };
    case 'invalid-reset':
    case 'reset-used':
    case 'reset-expired':
      return { key: 'account.error.invalidReset', params: {} };
    case 'name-taken':
      return { key: 'account.error.nameTaken', params: { name: quotedName(error.message) } };
    case 'bad-password':
      return { key: 'account.error.badPassword', params: { message: error.message } };
    case 'account-disabled':
      return { key: 'account.error.accountDisabled', params: {} };
    case 'last-admin':
      return { key: 'account.error.lastAdmin', params: {} };
    case 'forbidden':
      return { key: 'account.error.forbidden', params: {} };
    case 'unauthenticated':
      return { key: 'account.error.unauthenticated', params: {} };
    default:
      return { key: 'account.error.other', params: { message: error.message } };
  }
}
