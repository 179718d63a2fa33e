/** The warning shown before saving a new record that looks like one already in the base. */
import { For, onMount, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { displayName, type DuplicateMatch } from '../duplicates/find-duplicates';

/** Lists the matches with "Open existing" each, and "Save anyway". */
export function DuplicateWarning(props: { matches: DuplicateMatch[]; onOpen: (recordId: string) => void; onSaveAnyway: () => void }): JSX.Element {
  const base = useBase();
  let box!: HTMLDivElement;
  onMount(() => box.scrollIntoView({ block: 'nearest' }));
  return (
    <div class="card-duplicates" role="alert" aria-labelledby="card-duplicates-title" ref={box}>
      <h3 id="card-duplicates-title">{t('card.dup.title')}</h3>
      <p>{t('card.dup.intro')}</p>
      <ul>
        <For each={props.matches}>
          {(match) => {
            const row = base.engine.rows.get(match.recordId);
            const name = row ? displayName(row.section, row.v) || t('card.untitled') : match.recordId;
            const city = typeof row?.v.city === 'string' ? row.v.city : '';
            return (
              <li>
                <strong>{name}</strong>
                {city ? `, ${city}` : ''} <span class="card-muted">({match.reasons.map((reason) => t(`card.dup.reason.${reason}`)).join(', ')})</span>{' '}
                <button type="button" onClick={() => props.onOpen(match.recordId)}>
                  {t('card.dup.open')}
                </button>
              </li>
            );
          }}
        </For>
      </ul>
      <button type="button" onClick={() => props.onSaveAnyway()}>
        {t('card.dup.saveAnyway')}
      </button>
    </div>
  );
}
