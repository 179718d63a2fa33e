/** A link to hand over (invite, password reset): read-only, selectable, with a Copy button. */
import { createSignal, type JSX } from 'solid-js';
import { t } from '../i18n/i18n';

/** Copies text to the clipboard; falls back to selecting the field and the legacy copy command. */
async function copyText(text: string, field: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http on another machine has no Clipboard API: the old command still works there.
    field.select();
    return document.execCommand('copy');
  }
}

/** The link in a read-only field with a Copy button that confirms the copy. */
export function LinkBox(props: { id: string; link: string; intro: string }): JSX.Element {
  const [copied, setCopied] = createSignal(false);
  let field!: HTMLInputElement;
  return (
    <div class="link-box">
      <p id={`${props.id}-intro`}>{props.intro}</p>
      <div class="link-box-row">
        <input
          ref={field}
          id={props.id}
          type="text"
          readOnly
          value={props.link}
          aria-label={t('account.users.link')}
          aria-describedby={`${props.id}-intro`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="primary" onClick={() => void copyText(props.link, field).then(setCopied)}>
          {copied() ? t('account.users.copied') : t('account.users.copy')}
        </button>
      </div>
    </div>
  );
}
