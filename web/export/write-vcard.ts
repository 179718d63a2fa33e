/**
 * vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) of people and organizations. Phones and e-mails keep
 * their kind as TYPE parameters, the photo goes inline (base64 in 3.0, a data: URI in 4.0),
 * and long lines are folded at 75 octets without splitting a UTF-8 character.
 */
import { bytesToBase64 } from '../backup/base64';
import type { Row } from '../engine/rows';
import type { FieldValue } from '../schema/fields';
import { kindedEntries, type ExportContext } from './export-table';

/** The vCard versions we write. */
export type VCardVersion = '3.0' | '4.0';

/** A photo's bytes and MIME type, looked up by the blob hash a record holds. */
export interface PhotoData {
  type: string;
  data: Uint8Array;
}

/** What vCard writing needs beyond the rows. */
export interface VCardOptions extends ExportContext {
  version: VCardVersion;
  /** Photos by blob hash; records whose photo is missing here are written without PHOTO. */
  photos?: ReadonlyMap<string, PhotoData>;
}

/** Escapes a TEXT value: backslash, newline, comma and semicolon. */
export function escapeVCardText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

const encoder = new TextEncoder();

/** UTF-8 length of one code point. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets (RFC 6350 3.2), never inside a UTF-8 character; CRLF-terminated. */
export function foldLine(line: string): string {
  if (line.length <= 25) return line + '\r\n'; // even 25 four-octet characters fit
  if (/^[\x00-\x7f]*$/.test(line)) {
    // ASCII (base64 photos): one octet per character, so slice directly.
    if (line.length <= 75) return line + '\r\n';
    const pieces = [line.slice(0, 75)];
    for (let index = 75; index < line.length; index += 74) pieces.push(line.slice(index, index + 74));
    return pieces.join('\r\n ') + '\r\n';
  }
  let output = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let index = 0; index < line.length; ) {
    const codePoint = line.codePointAt(index)!;
    const size = utf8Length(codePoint);
    if (octets + size > limit) {
      output += line.slice(start, index) + '\r\n ';
      start = index;
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    octets += size;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return output + line.slice(start) + '\r\n';
}

function text(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : item.value)).join(', ');
  return String(value).trim();
}

const PHONE_TYPES: Record<string, [string, string]> = {
  mobile: ['CELL', 'cell'],
  work: ['WORK,VOICE', 'work,voice'],
  home: ['HOME,VOICE', 'home,voice'],
  fax: ['FAX', 'fax'],
  other: ['VOICE', 'voice'],
};

const EMAIL_TYPES: Record<string, [string, string]> = {
  work: ['INTERNET,WORK', 'work'],
  home: ['INTERNET,HOME', 'home'],
  other: ['INTERNET', ''],
};

/** The de-facto properties of messenger accounts (Android, Evolution, Outlook and our importer read them). */
const ACCOUNT_PROPERTIES: Record<string, string> = {
  telegram: 'X-TELEGRAM',
  whatsapp: 'X-WHATSAPP',
  viber: 'X-VIBER',
  signal: 'X-SIGNAL',
  skype: 'X-SKYPE',
  facebook: 'X-FACEBOOK',
  instagram: 'X-INSTAGRAM',
  linkedin: 'X-LINKEDIN',
  vk: 'X-VK',
  x: 'X-TWITTER',
};

function typeParameter(types: [string, string] | undefined, version: VCardVersion, fallback: [string, string]): string {
  const chosen = (types ?? fallback)[version === '3.0' ? 0 : 1];
  return chosen ? `;TYPE=${chosen}` : '';
}

function isoDate(value: FieldValue | undefined): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function timestamp(ms: number, version: VCardVersion): string {
  const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return version === '3.0' ? iso : iso.replace(/[-:]/g, '');
}

function photoLines(row: Row, options: VCardOptions): string[] {
  const hash = row.v.photo;
  if (typeof hash !== 'string' || !options.photos) return [];
  const photo = options.photos.get(hash);
  if (!photo) return [];
  const base64 = bytesToBase64(photo.data);
  if (options.version === '4.0') return [`PHOTO:data:${photo.type || 'image/jpeg'};base64,${base64}`];
  const subtype = (photo.type.split('/')[1] ?? 'jpeg').toUpperCase();
  return [`PHOTO;ENCODING=b;TYPE=${subtype}:${base64}`];
}

function contactLines(row: Row, options: VCardOptions): string[] {
  const lines: string[] = [];
  for (const phone of kindedEntries(row.v.phones)) {
    lines.push(`TEL${typeParameter(PHONE_TYPES[phone.kind], options.version, PHONE_TYPES.other)}:${escapeVCardText(phone.value)}`);
  }
  for (const email of kindedEntries(row.v.emails)) {
    lines.push(`EMAIL${typeParameter(EMAIL_TYPES[email.kind], options.version, EMAIL_TYPES.other)}:${escapeVCardText(email.value)}`);
  }
  for (const account of kindedEntries(row.v.accounts)) {
    const property = ACCOUNT_PROPERTIES[account.kind];
    lines.push(property ? `${property}:${escapeVCardText(account.value)}` : `X-SOCIALPROFILE;TYPE=${account.kind.replace(/[^\w-]/g, '') || 'other'}:${escapeVCardText(account.value)}`);
  }
  return lines;
}

function address(type: string, street: string, city: string, country: string): string {
  return `ADR;TYPE=${type}:;;${escapeVCardText(street)};${escapeVCardText(city)};;;${escapeVCardText(country)}`;
}

function personLines(row: Row, options: VCardOptions): string[] {
  const v = row.v;
  const first = text(v.firstName);
  const last = text(v.lastName);
  const full = [first, last].filter(Boolean).join(' ') || text(v.emails) || text(v.phones);
  const lines = [`N:${escapeVCardText(last)};${escapeVCardText(first)};;;`, `FN:${escapeVCardText(full)}`];
  if (options.version === '4.0') lines.splice(0, 0, 'KIND:individual');
  const org = typeof v.org === 'string' && v.org ? options.refName(v.org) : '';
  if (org) lines.push(`ORG:${escapeVCardText(org)}`);
  if (text(v.position)) lines.push(`TITLE:${escapeVCardText(text(v.position))}`);
  lines.push(...contactLines(row, options));
  const city = text(v.city);
  const home = text(v.homeAddress);
  const registration = text(v.regAddress);
  if (home || (city && !registration)) lines.push(address(options.version === '3.0' ? 'HOME' : 'home', home, city, ''));
  if (registration) lines.push(address('X-REGISTRATION', registration, home ? '' : city, ''));
  const birthday = isoDate(v.birthday);
  if (birthday) lines.push(`BDAY:${options.version === '3.0' ? birthday : birthday.replace(/-/g, '')}`);
  // vCard 4 writes a birthday without a year as --MMDD (RFC 6350 4.3.1); vCard 3 has no such form.
  else if (options.version !== '3.0' && typeof v.birthday === 'string' && /^--\d{2}-\d{2}$/.test(v.birthday)) lines.push(`BDAY:--${v.birthday.slice(2).replace('-', '')}`);
  if (text(v.hobbies)) lines.push(`${options.version === '4.0' ? 'HOBBY' : 'X-HOBBY'}:${escapeVCardText(text(v.hobbies))}`);
  return lines;
}

function orgLines(row: Row, options: VCardOptions): string[] {
  const v = row.v;
  const name = text(v.name) || text(v.legalName);
  const lines =
    options.version === '4.0'
      ? ['KIND:org', `FN:${escapeVCardText(name)}`, `ORG:${escapeVCardText(name)}`]
      : ['N:;;;;', `FN:${escapeVCardText(name)}`, `ORG:${escapeVCardText(name)}`, 'X-ABSHOWAS:COMPANY'];
  lines.push(...contactLines(row, options));
  const street = text(v.address);
  const city = text(v.city);
  const country = text(v.country);
  if (street || city || country) lines.push(address(options.version === '3.0' ? 'WORK' : 'work', street, city, country));
  if (text(v.website)) lines.push(`URL:${text(v.website)}`);
  return lines;
}

/** One vCard (BEGIN…END, folded, CRLF) of a person or organization row. */
export function vCardOf(row: Row, options: VCardOptions): string {
  const body = row.section === 'orgs' ? orgLines(row, options) : personLines(row, options);
  const tags = Array.isArray(row.v.tags) ? (row.v.tags as string[]).filter(Boolean) : [];
  if (tags.length) body.push(`CATEGORIES:${tags.map(escapeVCardText).join(',')}`);
  if (text(row.v.notes)) body.push(`NOTE:${escapeVCardText(text(row.v.notes))}`);
  body.push(...photoLines(row, options));
  body.push(`UID${options.version === '4.0' ? ';VALUE=text' : ''}:${escapeVCardText(row.id)}`);
  if (row.updated) body.push(`REV:${timestamp(row.updated, options.version)}`);
  const lines = ['BEGIN:VCARD', `VERSION:${options.version}`, 'PRODID:-//Clientela//Clientela CRM//EN', ...body, 'END:VCARD'];
  return lines.map(foldLine).join('');
}

/** A .vcf file of all person and organization rows (other sections have no vCard form). */
export function writeVCards(rows: readonly Row[], options: VCardOptions): Uint8Array {
  const cards = rows.filter((row) => row.section === 'people' || row.section === 'orgs').map((row) => vCardOf(row, options));
  return encoder.encode(cards.join(''));
}
