/**
 * Click to call / write: the href that opens the right program for a phone, an e-mail, a web
 * address or a messenger account. Values are stored as the user typed them; only the link is
 * normalized. Anything that cannot be made into a safe link gives null (shown as plain text).
 */
import { phoneDigits } from '../search/normalize';

/** `tel:` link of a phone number as typed (`+40 (722) 000-111` → `tel:+40722000111`). */
export function phoneHref(phone: string): string | null {
  const digits = phoneDigits(phone);
  if (digits.length < 3) return null;
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
}

const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** Whether a string looks like one e-mail address (name@domain.tld). */
export function isEmailAddress(email: string): boolean {
  return EMAIL_PATTERN.test(email.trim());
}

/** `mailto:` link of an e-mail address. */
export function emailHref(email: string): string | null {
  const trimmed = email.trim();
  return isEmailAddress(trimmed) ? `mailto:${encodeURI(trimmed)}` : null;
}

/** An http(s) link for a web address, adding `https://` when the scheme is missing. */
export function webHref(address: string): string | null {
  const trimmed = address.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(\/|$)/.test(trimmed);
  // Only web schemes: a stored `javascript:` value must never become a live link.
  if (hasScheme && !/^https?:\/\//i.test(trimmed)) return null;
  const candidate = hasScheme ? trimmed : `https://${trimmed.replace(/^\/+/, '')}`;
  try {
    const url = new URL(candidate);
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.href;
  } catch {
    return null;
  }
}

/** A handle without the `@` people often type in front of it. */
function handle(value: string): string {
  return value.trim().replace(/^@+/, '');
}

function looksLikeUrl(value: string): boolean {
  return /^https?:\/\//i.test(value) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(value);
}

function phoneLike(value: string): boolean {
  return /^\+?[\d\s().-]+$/.test(value.trim()) && phoneDigits(value).length >= 6;
}

/** The link that opens a messenger or social account (`telegram` + `@ivan` → `https://t.me/ivan`). */
export function accountHref(kind: string, value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (looksLikeUrl(trimmed)) return webHref(trimmed);
  const name = encodeURIComponent(handle(trimmed));
  const digits = phoneDigits(trimmed);
  switch (kind) {
    case 'telegram':
      return phoneLike(trimmed) ? `https://t.me/+${digits}` : `https://t.me/${name}`;
    case 'whatsapp':
      return digits.length >= 6 ? `https://wa.me/${digits}` : null;
    case 'viber':
      return digits.length >= 6 ? `viber://chat?number=%2B${digits}` : null;
    case 'signal':
      return phoneLike(trimmed) ? `https://signal.me/#p/+${digits}` : null;
    case 'skype':
      return `skype:${name}?call`;
    case 'facebook':
      return `https://www.facebook.com/${name}`;
    case 'instagram':
      return `https://www.instagram.com/${name}`;
    case 'linkedin':
      return `https://www.linkedin.com/in/${name}`;
    case 'vk':
      return `https://vk.com/${name}`;
    case 'x':
      return `https://x.com/${name}`;
    default:
      return webHref(trimmed);
  }
}
