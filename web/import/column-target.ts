/** Where the values of one file column go: the choices of the mapping step. */
import type { CustomFieldType, SectionId } from '../schema/fields';

/** The destination of a column. */
export type ColumnTarget =
  /** A field of the record's section; `entryKind` is the kind of a phone, e-mail or account. */
  | { kind: 'field'; field: string; entryKind?: string }
  /** A full name ("Clever, Susan", "Усольцев Олег Валентинович") split into first and last name. */
  | { kind: 'fullName' }
  /** A middle name or patronymic, added to the first name. */
  | { kind: 'middleName' }
  /** A person's organization: linked to an existing one by name, or created. */
  | { kind: 'orgName' }
  /** Google's `Phone 1 - Type` style column: the kind of the entries of another column. */
  | { kind: 'entryKindOf'; column: number }
  /** A custom field the import creates. */
  | { kind: 'newField'; label: string; type: CustomFieldType }
  /** A `Header: value` line in the record's notes. */
  | { kind: 'notes'; label: string }
  /** Not imported: only by the user's choice or when another column holds the same data. */
  | { kind: 'skip'; reason: 'user' | 'duplicate' | 'empty' };

/** The mapping of a whole file. */
export interface ColumnMapping {
  section: SectionId;
  targets: ColumnTarget[];
  /** Recognised export format, when one was. */
  preset: PresetId | null;
  /** Separator of several values in one cell (Google's ` ::: `). */
  multiValueSeparator: string | null;
}

/** Known contact exports. */
export type PresetId = 'google' | 'google-legacy' | 'outlook' | 'outlook-com' | 'thunderbird';
