/** PLACEHOLDER: settings (owned by the settings work). */
import type { JSX } from 'solid-js';

/** Settings: language, sections, fields, backup. */
export function SettingsPage(): JSX.Element {
  return <p>Settings</p>;
}
