/**
 * Normalization shared by search and duplicate detection: case, accents and formatting are
 * forgiven, so `Stefanescu` matches `Ștefănescu` and `+40 (722) 000-111` matches `0722000111`.
 */

const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  ё: 'е',
  й: 'и',
};

/** Lower-cased text without diacritics (NFD, combining marks removed, a few letters folded). */
export function foldText(text: string): string {
  const stripped = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return stripped.replace(/[ßæœøđłıёй]/g, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/** The digits of a phone number, whatever its formatting (`+40 (722) 000-111` → `40722000111`). */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

/**
 * The comparable form of a phone number for duplicate checks: its last 9 digits, so a local
 * `0722 000 111` and an international `+40 722 000 111` are the same number.
 */
export function phoneKey(phone: string): string {
  const digits = phoneDigits(phone);
  return digits.length > 9 ? digits.slice(-9) : digits;
}

/** An e-mail address trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A name for duplicate checks: folded, punctuation and legal-form noise removed, spaces collapsed. */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/["'«»„“”.,()]/g, ' ')
    .replace(/\b(srl|sa|sl|s\.?l|llc|ltd|gmbh|ooo|ооо|зао|оао|ип|inc|co)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
