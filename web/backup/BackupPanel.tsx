/** PLACEHOLDER: export and restore of a full backup (owned by the backup work). */
import type { JSX } from 'solid-js';

/** The backup part of the settings page. */
export function BackupPanel(): JSX.Element {
  return <section aria-label="Backup" />;
}
