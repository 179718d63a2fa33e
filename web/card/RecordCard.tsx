/** PLACEHOLDER: the card of one record, or the form of a new one (owned by the card work). */
import type { JSX } from 'solid-js';
import type { SectionId } from '../schema/fields';

/** The card of record `recordId` ('new' for a new record) of `section`, shown over the list. */
export function RecordCard(props: { section: SectionId; recordId: string; onClose: () => void }): JSX.Element {
  return (
    <div role="dialog" aria-label="Card">
      {props.section}/{props.recordId} <button type="button" onClick={() => props.onClose()}>Close</button>
    </div>
  );
}
