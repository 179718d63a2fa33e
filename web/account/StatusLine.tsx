/** PLACEHOLDER (replaced by the account UI helper): connection, pending changes, "saved on the relay", sign in/out. */
import type { JSX } from 'solid-js';

/** The sync status line in the top bar. */
export function StatusLine(): JSX.Element {
  return <span />;
}
