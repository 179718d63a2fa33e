/** Rendering one cell: links for phones, e-mails and web sites; formatted text for the rest. */
import { For, type JSX } from 'solid-js';
import { emailHref, phoneHref, webHref } from '../card/links';
import type { FieldDef, FieldValue, KindedValue } from '../schema/fields';
import type { ColumnContext } from './columns';
import { formatCell } from './format';

function entries(value: FieldValue | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() ? [value.trim()] : [];
  return (value as (string | KindedValue)[]).map((entry) => (typeof entry === 'string' ? entry : entry?.value ?? '').trim()).filter(Boolean);
}

/** A list of values as links (plain text where no safe link can be made), comma-separated. */
function LinkList(props: { values: string[]; href: (value: string) => string | null; external?: boolean }): JSX.Element {
  const stop = (event: MouseEvent) => event.stopPropagation();
  return (
    <For each={props.values}>
      {(value, index) => {
        const href = props.href(value);
        return (
          <>
            {index() > 0 ? ', ' : ''}
            {href ? (
              <a href={href} onClick={stop} target={props.external ? '_blank' : undefined} rel={props.external ? 'noopener noreferrer' : undefined}>
                {value}
              </a>
            ) : (
              value
            )}
          </>
        );
      }}
    </For>
  );
}

/** The content of a cell of `field` holding `value`. */
export function CellContent(props: { field: FieldDef; value: FieldValue | undefined; context: ColumnContext; currency: string }): JSX.Element {
  const type = () => props.field.type;
  return (
    <>
      {type() === 'phones' || type() === 'phone' ? (
        <LinkList values={entries(props.value)} href={phoneHref} />
      ) : type() === 'emails' || type() === 'email' ? (
        <LinkList values={entries(props.value)} href={emailHref} />
      ) : type() === 'link' ? (
        <LinkList values={entries(props.value)} href={webHref} external />
      ) : (
        formatCell(props.field, props.value, props.context, props.currency)
      )}
    </>
  );
}
