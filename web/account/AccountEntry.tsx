/** PLACEHOLDER (replaced by the account UI helper): the sign-in, invite and password-reset pages. */
import type { JSX } from 'solid-js';
import type { Route } from '../app/route';

/** The page for a login, invite or reset route; on success stores the session and reloads into the account's base. */
export function AccountEntry(props: { route: Extract<Route, { page: 'login' | 'invite' | 'reset' }> }): JSX.Element {
  return <div>{props.route.page}</div>;
}
