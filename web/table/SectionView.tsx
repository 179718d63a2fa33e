/** PLACEHOLDER: the table of one section (owned by the table work). */
import type { JSX } from 'solid-js';
import type { SectionId } from '../schema/fields';
import { useBase } from '../app/base';

/** The list of a section's records. */
export function SectionView(props: { section: SectionId }): JSX.Element {
  const base = useBase();
  const count = () => (base.rowsVersion(), [...base.engine.rows.values()].filter((row) => row.section === props.section && !row.deleted).length);
  return <p>{props.section}: {count()}</p>;
}
