/** The people who work at an organization (people whose `org` field points at it), on its card. */
import { createMemo, For, Show, type JSX } from 'solid-js';
import { collator, t } from '../i18n/i18n';
import { useBase } from '../app/base';
import { navigate } from '../app/route';
import { displayName } from '../duplicates/find-duplicates';
import { presetNewRecord } from './new-record-preset';
import { canCreateRecords } from './access-rules';
import type { KindedValue } from '../schema/fields';

/** The employees list of organization `orgId`, with "Add person". */
export function PeopleAtOrg(props: { orgId: string }): JSX.Element {
  const base = useBase();
  const headingId = `card-people-${props.orgId}`;
  const people = createMemo(() => {
    base.rowsVersion();
    const list = [];
    for (const row of base.engine.rows.values()) if (row.section === 'people' && !row.deleted && row.v.org === props.orgId) list.push(row);
    return list
      .map((row) => ({ row, name: displayName('people', row.v) || t('card.untitled') }))
      .sort((a, b) => collator().compare(a.name, b.name));
  });
  const firstPhone = (value: unknown) => (Array.isArray(value) && value.length ? (value[0] as KindedValue).value : '');
  return (
    <section class="card-people" aria-labelledby={headingId}>
      <div class="card-people-head">
        <h3 id={headingId}>{t('card.people.title')}</h3>
        <Show when={canCreateRecords(base.account(), base.canWriteDoc(base.engine.shardForNewRecord()))}>
          <button
            type="button"
            onClick={() => {
              presetNewRecord('people', { org: props.orgId });
              navigate({ page: 'section', section: 'people', recordId: 'new' });
            }}
          >
            + {t('card.people.add')}
          </button>
        </Show>
      </div>
      <Show when={people().length} fallback={<p class="card-muted">{t('card.people.none')}</p>}>
        <ul>
          <For each={people()}>
            {(person) => (
              <li>
                <a
                  href={`#/people/${encodeURIComponent(person.row.id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ page: 'section', section: 'people', recordId: person.row.id });
                  }}
                >
                  {person.name}
                </a>
                <span class="card-muted">{[person.row.v.position, firstPhone(person.row.v.phones)].filter(Boolean).join(' · ')}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
