/** PLACEHOLDER (replaced by the account UI helper): the admin's Users page. */
import type { JSX } from 'solid-js';

/** Invite, change role, disable, reset password. */
export function UsersPage(): JSX.Element {
  return <div />;
}
