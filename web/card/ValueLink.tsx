/** The click-to-call / write / open link shown next to a phone, e-mail, web or account value. */
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';
import { accountHref, emailHref, phoneHref, webHref } from './links';

/** A link that opens the program for `value` of `type` (nothing when it cannot be linked). */
export function ValueLink(props: { type: 'phone' | 'phones' | 'email' | 'emails' | 'link' | 'accounts'; value: string; kind?: string }): JSX.Element {
  const href = () => {
    switch (props.type) {
      case 'phone':
      case 'phones':
        return phoneHref(props.value);
      case 'email':
      case 'emails':
        return emailHref(props.value);
      case 'link':
        return webHref(props.value);
      default:
        return accountHref(props.kind ?? 'other', props.value);
    }
  };
  const action = () => (props.type.startsWith('phone') ? 'card.action.call' : props.type.startsWith('email') ? 'card.action.write' : 'card.action.open');
  const icon = () => (props.type.startsWith('phone') ? '☎' : props.type.startsWith('email') ? '✉' : '↗');
  const external = () => /^https?:/.test(href() ?? '');
  return (
    <Show when={href()}>
      {(link) => (
        <a
          class="card-value-link"
          href={link()}
          aria-label={t(action(), { value: props.value })}
          title={t(action(), { value: props.value })}
          target={external() ? '_blank' : undefined}
          rel={external() ? 'noopener noreferrer' : undefined}
        >
          {icon()}
        </a>
      )}
    </Show>
  );
}
