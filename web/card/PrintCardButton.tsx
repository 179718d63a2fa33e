/** The card's "Print" action: a print view of the record with its card fields and photo. */
import { createSignal, type JSX } from 'solid-js';
import { useBase } from '../app/base';
import { displayName } from '../duplicates/find-duplicates';
import type { Row } from '../engine/rows';
import { t } from '../i18n/i18n';
import type { FieldDef } from '../schema/fields';
import { photoLookup } from './photo-lookup';

/** Prints `row` with `fields` (the card's fields, in card order); the print code loads on demand. */
export function PrintCardButton(props: { row: Row; fields: readonly FieldDef[] }): JSX.Element {
  const base = useBase();
  const [busy, setBusy] = createSignal(false);
  const print = async () => {
    setBusy(true);
    try {
      const { printRecordCard } = await import('../export/print-card');
      const names = base.userNames();
      await printRecordCard(props.row, props.fields, {
        title: displayName(props.row.section, props.row.v).trim() || t('card.untitled'),
        currency: base.settings().currency,
        refName: (id) => {
          const target = base.engine.rows.get(id);
          return target ? displayName(target.section, target.v) : '';
        },
        userName: (id) => names.get(id) ?? '',
        photo: photoLookup(base.engine.db),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="card-print" disabled={busy()} onClick={() => void print()}>
      {t('import.export.printCard')}
    </button>
  );
}
