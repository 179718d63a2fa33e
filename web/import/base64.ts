/** Base64 as vCards write it: folded with spaces and line breaks, padding sometimes missing. */
import { base64ToBytes } from '../backup/base64';

/** Decodes base64 text, skipping characters outside the alphabet and restoring the padding. */
export function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const usable = clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0));
  return base64ToBytes(usable + '='.repeat((4 - (usable.length % 4)) % 4));
}
