/** The contract every card field editor follows. */
import type { FieldDef, FieldValue } from '../schema/fields';

/** What a field editor gets: the field, its current value, and where to send a valid change. */
export interface EditorProps {
  field: FieldDef;
  /** The field's display label (the company's or the translated built-in one). */
  label: string;
  /** Id of the editor's main input, which the card's <label for> points at. */
  inputId: string;
  value: FieldValue | undefined;
  /** Called with a validated value (null clears the field). */
  commit: (value: FieldValue) => void;
  /** Shows (or, with null, clears) the field's error message. */
  setError: (message: string | null) => void;
  /** Whether the field currently shows an error. */
  invalid: boolean;
  /** Id of the element holding the field's error message (for aria-describedby). */
  errorId: string;
}
