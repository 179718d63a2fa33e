/**
 * vCard 2.1 / 3.0 / 4.0 lexing on the raw bytes (one char per byte), so that a fold splitting a
 * UTF-8 character and per-property CHARSET parameters both come out right: lines are unfolded
 * and split into properties first, values are decoded to text only afterwards.
 */
import { latin1 } from './detect-format';
import { problem, type ImportProblem } from './problems';
import { decodeQuotedPrintable } from './quoted-printable';

/** One property (content line) of a vCard. */
export interface VProperty {
  /** Apple/Google item group (`item1`), lower-cased, or ''. */
  group: string;
  /** Property name, upper-cased (`TEL`, `X-ABLABEL`). */
  name: string;
  /** Parameters by upper-cased name; bare 2.1 parameters (`WORK`, `QUOTED-PRINTABLE`) sorted in. */
  params: Map<string, string[]>;
  /** The value as raw bytes (one char per byte), still encoded and escaped. */
  raw: string;
  line: number;
}

/** One vCard of a file. */
export interface VCardData {
  /** 1-based position in the file. */
  record: number;
  /** Line of its BEGIN:VCARD. */
  line: number;
  properties: VProperty[];
}

/** The cards of a file and what was wrong with it. */
export interface VCardFile {
  cards: VCardData[];
  problems: ImportProblem[];
}

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Splits a vCard file into cards and properties. */
export function lexVCards(bytes: Uint8Array): VCardFile {
  const text = latin1(bytes);
  const problems: ImportProblem[] = [];
  const cards: VCardData[] = [];
  let current: VCardData | null = null;
  let nested = 0;
  let strayReported = false;
  for (const logical of unfold(text)) {
    if (!logical.text.trim()) continue;
    const property = parseProperty(logical.text, logical.line);
    const isBegin = property?.name === 'BEGIN' && property.raw.trim().toUpperCase() === 'VCARD';
    const isEnd = property?.name === 'END' && property.raw.trim().toUpperCase() === 'VCARD';
    if (!current) {
      if (isBegin) current = { record: cards.length + 1, line: logical.line, properties: [] };
      else if (!strayReported) {
        problems.push(problem('vcardStrayLine', 'warning', { line: logical.line }, { text: logical.text.slice(0, 60) }));
        strayReported = true;
      }
      continue;
    }
    if (isBegin) nested++; // an AGENT's embedded card: its lines belong to the outer card's agent, not to fields
    else if (isEnd && nested > 0) nested--;
    else if (isEnd) {
      cards.push(current);
      current = null;
    } else if (nested === 0 && property) current.properties.push(property);
  }
  if (current) problems.push(problem('vcardUnterminated', 'error', { line: current.line, record: current.record }));
  if (cards.length === 0 && !current) problems.push(problem('vcardNoCards', 'fatal'));
  return { cards, problems };
}

/** Logical lines: folded continuation lines (leading space or tab) and QP soft breaks joined. */
function* unfold(text: string): Generator<{ text: string; line: number }> {
  const lines = text.split(/\r\n|\r|\n/);
  let current: { text: string; line: number } | null = null;
  let quotedPrintable = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (current && quotedPrintable && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + line;
      continue;
    }
    if (current && (line.startsWith(' ') || line.startsWith('\t')) && line.length > 0) {
      current.text += line.slice(1);
      continue;
    }
    if (current) yield current;
    current = { text: line, line: index + 1 };
    const colon = line.indexOf(':');
    quotedPrintable = colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon));
  }
  if (current) yield current;
}

/** Parses `group.NAME;PARAM=x;BARE:value`; null for a line that is no property. */
function parseProperty(text: string, line: number): VProperty | null {
  const colon = valueColon(text);
  if (colon < 0) return null;
  const head = text.slice(0, colon);
  const [nameWithGroup, ...rawParams] = splitOutsideQuotes(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const name = nameWithGroup.slice(dot + 1).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  for (const rawParam of rawParams) {
    const equals = rawParam.indexOf('=');
    let key = equals < 0 ? '' : rawParam.slice(0, equals).trim().toUpperCase();
    const value = equals < 0 ? rawParam.trim() : rawParam.slice(equals + 1);
    if (!key) key = BARE_ENCODINGS.has(value.toUpperCase()) ? 'ENCODING' : 'TYPE';
    const values = key === 'TYPE' ? splitOutsideQuotes(value, ',').map(unquote) : [unquote(value)];
    params.set(key, [...(params.get(key) ?? []), ...values.filter(Boolean)]);
  }
  return { group: dot < 0 ? '' : nameWithGroup.slice(0, dot).toLowerCase(), name, params, raw: text.slice(colon + 1), line };
}

/**
 * The colon that starts the value: the first one outside double quotes. A 4.0 LABEL parameter
 * written unquoted may itself hold colons: for a structured ADR the value then starts at the
 * last colon before its first component separator.
 */
function valueColon(text: string): number {
  let quoted = false;
  let colon = -1;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted;
    else if (text[index] === ':' && !quoted) {
      colon = index;
      break;
    }
  }
  if (colon < 0 || !/^([\w-]+\.)?ADR;/i.test(text) || !/;LABEL=[^"]/i.test(text.slice(0, colon))) return colon;
  const firstSemicolon = text.indexOf(';', colon);
  return firstSemicolon < 0 ? colon : text.lastIndexOf(':', firstSemicolon);
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted;
    else if (text[index] === separator && !quoted) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2 ? trimmed.slice(1, -1) : trimmed;
}

/** The first value of a parameter, upper-cased ('' when absent). */
export function param(property: VProperty, key: string): string {
  return (property.params.get(key)?.[0] ?? '').toUpperCase();
}

/** The TYPE values of a property, lower-cased. */
export function types(property: VProperty): string[] {
  return (property.params.get('TYPE') ?? []).map((type) => type.toLowerCase());
}

/** The value as bytes: quoted-printable decoded; base64 is left to the caller. */
export function valueBytes(property: VProperty): Uint8Array {
  if (param(property, 'ENCODING') === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(property.raw);
  const bytes = new Uint8Array(property.raw.length);
  for (let index = 0; index < property.raw.length; index++) bytes[index] = property.raw.charCodeAt(index);
  return bytes;
}

/** The value as text in its CHARSET (or the file's encoding), still vCard-escaped. */
export function valueText(property: VProperty, fileEncoding: string): string {
  const charset = param(property, 'CHARSET').toLowerCase();
  const bytes = valueBytes(property);
  try {
    return new TextDecoder(charset || fileEncoding).decode(bytes);
  } catch {
    return new TextDecoder(fileEncoding).decode(bytes);
  }
}

/** Splits an escaped value on unescaped separators (`;` for N/ADR/ORG, `,` for lists). */
export function splitEscaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1];
      index++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** Removes vCard escapes: `\n` is a line break, `\,` `\;` `\:` `\\` the character itself. */
export function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}
