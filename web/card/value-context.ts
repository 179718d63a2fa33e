/** How the card names referenced records and users when it shows values as text (read-only card, history). */
import type { Base } from '../app/base';
import type { ColumnContext } from '../table/columns';
import { displayName } from '../duplicates/find-duplicates';
import { collator, language } from '../i18n/i18n';

/** A column context over the open base: referenced records by display name, users by their org name. */
export function cardValueContext(base: Base): ColumnContext {
  return {
    refName: (id) => {
      const row = base.engine.rows.get(id);
      return row ? displayName(row.section, row.v) : '';
    },
    userName: (id) => base.userNames().get(id) ?? id,
    compare: collator().compare,
    collationKey: language(),
  };
}
