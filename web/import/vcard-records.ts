/**
 * vCards to person records: names, phones, e-mails, addresses, organization, birthday,
 * categories, photo and messenger accounts go to their fields; everything else a person would
 * want to keep (nickname, URLs, roles, custom labels, a birthday without a year) goes to the
 * notes as `Label: value` lines. Only technical properties (UID, REV, ...) are left out, and the
 * report lists them.
 */
import { yearlessDate } from '../schema/datetime';
import type { FieldValues } from '../engine/commands';
import type { KindedValue } from '../schema/fields';
import { appendNote, personToOrganization, type ImportRecord } from './import-record';
import { noteLabel, type MessageTable } from './problems';
import { en } from '../i18n/messages/en';
import { base64Bytes } from './base64';
import { param, splitEscaped, types, unescapeValue, valueText, type VCardData, type VProperty } from './vcard-lines';

/** Properties that carry nothing a person would miss (versions, ids, layout, duplicates of ADR). */
const TECHNICAL = new Set(['VERSION', 'UID', 'REV', 'PRODID', 'LABEL', 'X-ABLABEL', 'X-EVOLUTION-FILE-AS', 'X-MOZILLA-HTML', 'X-MS-OL-DESIGN', 'X-MS-OL-DEFAULT-POSTAL-ADDRESS', 'KEY', 'SOUND', 'CLASS', 'X-CLASS', 'SORT-STRING', 'X-PHONETIC-FIRST-NAME', 'X-PHONETIC-LAST-NAME', 'MAILER', 'TZ', 'GEO', 'LANG', 'KIND', 'SOURCE', 'NAME', 'FBURL', 'CALURI', 'CALADRURI', 'X-IRMC-LUID']);

const ACCOUNT_PROPERTIES: Record<string, string> = {
  'X-SKYPE': 'skype',
  'X-SKYPE-USERNAME': 'skype',
  'X-TELEGRAM': 'telegram',
  'X-WHATSAPP': 'whatsapp',
  'X-VIBER': 'viber',
  'X-SIGNAL': 'signal',
  'X-FACEBOOK': 'facebook',
  'X-INSTAGRAM': 'instagram',
  'X-LINKEDIN': 'linkedin',
  'X-VK': 'vk',
  'X-TWITTER': 'x',
};

/** Properties kept in notes under a translated label (message `import.note.<key>`). */
const NOTE_KEYS: Record<string, string> = {
  NICKNAME: 'nickname',
  URL: 'website',
  ROLE: 'role',
  'X-MS-IMADDRESS': 'im',
  IMPP: 'im',
  ANNIVERSARY: 'anniversary',
  'X-ANNIVERSARY': 'anniversary',
  'X-MS-ANNIVERSARY': 'anniversary',
  'X-EVOLUTION-ANNIVERSARY': 'anniversary',
  'X-ABDATE': 'date',
  'X-ABRELATEDNAMES': 'related',
  'X-MS-MANAGER': 'manager',
  'X-EVOLUTION-MANAGER': 'manager',
  'X-MS-ASSISTANT': 'assistant',
  'X-EVOLUTION-ASSISTANT': 'assistant',
  'X-MS-SPOUSE': 'spouse',
  'X-EVOLUTION-SPOUSE': 'spouse',
  GENDER: 'gender',
  'X-GENDER': 'gender',
};

/** Messenger networks without an account kind of their own: their names are not translated. */
const NETWORK_NAMES: Record<string, string> = {
  'X-AIM': 'AIM',
  'X-ICQ': 'ICQ',
  'X-YAHOO': 'Yahoo',
  'X-MSN': 'MSN',
  'X-JABBER': 'Jabber',
  'X-GTALK': 'Google Talk',
  'X-QQ': 'QQ',
  'X-GROUPWISE': 'GroupWise',
};

/** A vCard as a person record, plus the technical properties it left out and whether its photo was unreadable. */
export function vcardToRecord(card: VCardData, fileEncoding: string, messages: MessageTable = en): { record: ImportRecord; ignored: string[]; badPhoto: boolean } {
  let badPhoto = false;
  const label$ = (key: string, params?: Record<string, string>) => noteLabel(key, messages, params);
  const values: FieldValues = {};
  const record: ImportRecord = { record: card.record, line: card.line, section: 'people', values };
  const ignored: string[] = [];
  const labels = groupLabels(card.properties, fileEncoding);
  const phones: KindedValue[] = [];
  const emails: KindedValue[] = [];
  const accounts: KindedValue[] = [];
  const addresses: { kind: string; parts: AddressParts }[] = [];
  const registration: AddressParts[] = [];
  const tags: string[] = [];
  let formattedName = '';
  let nameParts: string[] = [];
  let org = '';
  for (const property of card.properties) {
    const text = (): string => valueText(property, fileEncoding);
    const label = property.group ? labels.get(property.group) : undefined;
    switch (property.name) {
      case 'N':
        if (!nameParts.some(Boolean)) nameParts = splitEscaped(text(), ';').map((part) => unescapeValue(part).trim());
        break;
      case 'FN':
        formattedName ||= unescapeValue(text()).trim();
        break;
      case 'TEL': {
        const value = telValue(unescapeValue(text()));
        if (value) phones.push({ kind: label ? 'other' : phoneKind(types(property)), value });
        if (value && label && !isStandardLabel(label)) appendNote(values, 'notes', label, value);
        break;
      }
      case 'EMAIL': {
        const value = unescapeValue(text()).trim();
        if (value) emails.push({ kind: label ? 'other' : emailKind(types(property)), value });
        if (value && label && !isStandardLabel(label)) appendNote(values, 'notes', label, value);
        break;
      }
      case 'ADR': {
        const parts = splitEscaped(text(), ';').map((part) => unescapeValue(part).trim());
        const [poBox = '', extended = '', street = '', city = '', region = '', postal = '', country = ''] = parts;
        const address = { poBox, extended, street, city, region, postal, country };
        if (!addressLine(address, false)) break;
        // Our own export writes the registration address as its own ADR type.
        if (types(property).includes('x-registration')) registration.push(address);
        else addresses.push({ kind: label && !isStandardLabel(label) ? label : addressKind(types(property)), parts: address });
        break;
      }
      case 'ORG': {
        const [name = '', ...units] = splitEscaped(text(), ';').map((part) => unescapeValue(part).trim());
        if (!org && name) org = name;
        else if (name) appendNote(values, 'notes', label$('organization'), name);
        for (const unit of units.filter(Boolean)) appendNote(values, 'notes', label$('department'), unit);
        break;
      }
      case 'TITLE':
        if (!values.position) values.position = unescapeValue(text()).trim() || null;
        else appendNote(values, 'notes', label$('title'), unescapeValue(text()).trim());
        break;
      case 'BDAY': {
        const raw = unescapeValue(text()).trim();
        // A birthday without a year (`--0203`, `--02-03`) is a date field value too (`--MM-DD`).
        const date = fullDate(raw) ?? yearlessBirthday(raw);
        if (date && !values.birthday) values.birthday = date;
        else if (raw) appendNote(values, 'notes', label$('birthday'), raw);
        break;
      }
      case 'NOTE': {
        const note = unescapeValue(text()).replace(/\r\n?/g, '\n').trim();
        if (note) appendNote(values, 'notes', '', note);
        break;
      }
      case 'CATEGORIES':
        for (const tag of splitEscaped(text(), ',').map((part) => unescapeValue(part).trim())) if (tag && !tags.includes(tag)) tags.push(tag);
        break;
      case 'PHOTO':
      case 'LOGO': {
        let photo: ReturnType<typeof photoOf>;
        try {
          photo = photoOf(property);
        } catch {
          badPhoto = true;
          break;
        }
        if (photo === 'url') appendNote(values, 'notes', label$('photo'), unescapeValue(text()).trim());
        else if (photo && !record.photo) record.photo = photo;
        break;
      }
      case 'HOBBY':
      case 'X-HOBBY':
      case 'INTEREST':
      case 'X-INTEREST': {
        const hobby = unescapeValue(text()).trim();
        if (hobby) values.hobbies = values.hobbies ? `${values.hobbies}, ${hobby}` : hobby;
        break;
      }
      default: {
        const account = ACCOUNT_PROPERTIES[property.name] ?? (property.name === 'X-SOCIALPROFILE' ? socialProfileKind(types(property)) : undefined);
        const value = unescapeValue(text()).trim();
        if (!value) break;
        if (account) accounts.push({ kind: account, value });
        else if (TECHNICAL.has(property.name)) ignored.push(property.name);
        else {
          const known = NOTE_KEYS[property.name] ? label$(NOTE_KEYS[property.name]) : NETWORK_NAMES[property.name];
          const name = label && !isStandardLabel(label) ? label : (known ?? (labelOf(label) || property.name));
          appendNote(values, 'notes', name, value);
        }
      }
    }
  }
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = nameParts;
  const kind = card.properties.find((property) => property.name === 'KIND' || property.name === 'X-ADDRESSBOOKSERVER-KIND');
  const isOrganization = org && ((kind && /^org/i.test(kind.raw.trim())) || (!family && !given && (!formattedName || formattedName === org)));
  values.firstName = [given, additional].filter(Boolean).join(' ') || null;
  values.lastName = family || null;
  if (!family && !given) splitFormattedName(formattedName, values);
  if (!values.firstName && !values.lastName) {
    const nickname = card.properties.find((property) => property.name === 'NICKNAME');
    values.lastName = (nickname && unescapeValue(valueText(nickname, fileEncoding)).trim()) || org || null;
  } else if (formattedName && !coveredBy(formattedName, [prefix, String(values.firstName ?? ''), String(values.lastName ?? ''), suffix])) appendNote(values, 'notes', label$('displayName'), formattedName);
  if (prefix) appendNote(values, 'notes', label$('namePrefix'), prefix);
  if (suffix) appendNote(values, 'notes', label$('nameSuffix'), suffix);
  if (phones.length) values.phones = phones;
  if (emails.length) values.emails = emails;
  if (accounts.length) values.accounts = accounts;
  if (tags.length) values.tags = tags;
  const withCity = [...addresses.map((address) => address.parts), ...registration].find((parts) => parts.city);
  if (withCity) values.city = withCity.city;
  if (addresses.length) {
    for (const address of addresses) if (address.kind.startsWith('\u0000')) address.kind = label$(address.kind.slice(1));
    const lines = addresses.map((address) => ({ kind: address.kind, text: addressLine(address.parts, address.parts === withCity) })).filter((address) => address.text);
    if (lines.length) values.homeAddress = lines.length === 1 ? lines[0].text : lines.map((address) => `${address.kind}: ${address.text}`).join('\n');
  }
  if (registration.length) values.regAddress = registration.map((parts) => addressLine(parts, parts === withCity)).filter(Boolean).join('\n') || null;
  if (isOrganization) return { record: personToOrganization(record, org, label$), ignored, badPhoto };
  if (org) record.orgName = org;
  return { record, ignored, badPhoto };
}

/** The seven components of an ADR value. */
interface AddressParts {
  poBox: string;
  extended: string;
  street: string;
  city: string;
  region: string;
  postal: string;
  country: string;
}

/**
 * An address as one text. The city is written once: left out when the street already names it,
 * and left out of the address whose city fills the city field when nothing else (postal code,
 * region, country) would stand next to it — the form our own export writes.
 */
function addressLine(parts: AddressParts, cityHasField: boolean): string {
  const { poBox, extended, street, city, region, postal, country } = parts;
  const streetNamesCity = city && street.toLocaleLowerCase().includes(city.toLocaleLowerCase());
  const bareCity = cityHasField && !postal && !region && !country;
  const cityText = streetNamesCity || bareCity ? '' : city;
  return [poBox, extended, street, [postal, cityText].filter(Boolean).join(' '), region, country].filter(Boolean).join(', ');
}

const ACCOUNT_KIND_NAMES = new Set(['telegram', 'whatsapp', 'viber', 'signal', 'skype', 'facebook', 'instagram', 'linkedin', 'vk', 'x', 'twitter']);

/** The account kind of an `X-SOCIALPROFILE;TYPE=…` line (what our export writes for kinds without a property). */
function socialProfileKind(typeList: string[]): string {
  const known = typeList.find((type) => ACCOUNT_KIND_NAMES.has(type));
  return known === 'twitter' ? 'x' : (known ?? typeList[0] ?? 'other');
}

/** Labels of item groups (`item1.X-ABLabel:Custom`), Apple's `_$!<Mobile>!$_` form unwrapped. */
function groupLabels(properties: VProperty[], fileEncoding: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const property of properties) {
    if (property.name === 'X-ABLABEL' && property.group) labels.set(property.group, labelOf(unescapeValue(valueText(property, fileEncoding)).trim()));
  }
  return labels;
}

function labelOf(label: string | undefined): string {
  return (label ?? '').replace(/^_\$!<(.*)>!\$_$/, '$1');
}

function isStandardLabel(label: string): boolean {
  return /^(home|work|other|mobile|main|homepage|home page|iphone|pager)$/i.test(label);
}

function phoneKind(typeList: string[]): string {
  if (typeList.includes('fax')) return 'fax';
  if (typeList.includes('cell') || typeList.includes('mobile') || typeList.includes('iphone')) return 'mobile';
  if (typeList.includes('work')) return 'work';
  if (typeList.includes('home')) return 'home';
  return 'other';
}

function emailKind(typeList: string[]): string {
  if (typeList.includes('work')) return 'work';
  if (typeList.includes('home')) return 'home';
  return 'other';
}

function addressKind(typeList: string[]): string {
  // Translated later: a leading NUL marks a message key rather than the file's own label.
  if (typeList.includes('work')) return '\u0000work';
  if (typeList.includes('home')) return '\u0000home';
  return '\u0000address';
}

/** A 4.0 `tel:` URI as a phone number (`tel:+1-418-656-9254;ext=102` → `+1-418-656-9254 ext. 102`). */
function telValue(value: string): string {
  const trimmed = value.trim();
  if (!/^tel:/i.test(trimmed)) return trimmed;
  const [number, ...params] = trimmed.slice(4).split(';');
  const extension = params.find((part) => /^ext=/i.test(part));
  return extension ? `${number} ext. ${extension.slice(4)}` : number;
}

/** A BDAY with a year as `YYYY-MM-DD` (`1922-03-10`, `19220310`, `1922-03-10T00:00:00Z`). */
function fullDate(raw: string): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(T.*)?$/.exec(raw);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** A year-less date (`--0203`, `--02-03`) as the date field stores it (`--MM-DD`), when it is a real day. */
function yearlessBirthday(raw: string): string | null {
  const match = /^--(\d{2})-?(\d{2})$/.exec(raw);
  return match ? yearlessDate(Number(match[1]), Number(match[2])) : null;
}

/** A card with only FN: the whole formatted name is the title field, nothing guessed. */
function splitFormattedName(name: string, values: FieldValues): void {
  if (name) values.lastName = name;
}

function coveredBy(formatted: string, parts: string[]): boolean {
  const known = new Set(parts.join(' ').toLowerCase().split(/[\s,.]+/).filter(Boolean));
  return formatted.toLowerCase().split(/[\s,.]+/).filter(Boolean).every((word) => known.has(word));
}

/** PHOTO bytes from base64 (2.1 `ENCODING=BASE64`, 3.0 `ENCODING=b`) or a `data:` URI; 'url' for a link. */
function photoOf(property: VProperty): { bytes: Uint8Array; type: string } | 'url' | null {
  const raw = property.raw.trim();
  if (!raw) return null;
  const encoding = param(property, 'ENCODING');
  const typeParam = (property.params.get('TYPE') ?? []).find((type) => /^(jpe?g|png|gif|bmp|webp|image\/.+)$/i.test(type)) ?? 'jpeg';
  const mime = typeParam.includes('/') ? typeParam.toLowerCase() : `image/${typeParam.toLowerCase().replace('jpg', 'jpeg')}`;
  if (encoding === 'BASE64' || encoding === 'B') return { bytes: base64Bytes(raw), type: mime };
  const data = /^data:([^;,]+)?(;base64)?,(.*)$/is.exec(raw);
  if (data) return { bytes: data[2] ? base64Bytes(data[3]) : new TextEncoder().encode(decodeURIComponent(data[3])), type: data[1] ?? 'image/jpeg' };
  return /^(https?|ftp|file):/i.test(raw) ? 'url' : null;
}
