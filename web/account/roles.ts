/** The user-facing names of the relay's roles. */
import type { MessageKey } from '../i18n/messages/en';
import type { Role } from '../sync/relay-api';

/** The message key naming a role (Administrator, Senior manager, Manager, View-only). */
export function roleLabelKey(role: Role): MessageKey {
  return `account.role.${role}`;
}

/** Whether a role may change records at all (View-only users get a read-only UI). */
export function roleCanWrite(role: Role): boolean {
  return role !== 'viewer';
}
