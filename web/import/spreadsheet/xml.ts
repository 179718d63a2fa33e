/**
 * A minimal XML scanner for the parts of XLSX and ODS files: no DOM, one pass, so a sheet of
 * a million cells is read without building a tree. It knows elements, attributes and text;
 * comments, processing instructions, CDATA and doctype are skipped or passed through as text.
 */

/** Receives the scanner's events; `name` is the qualified tag name as written (`table:table-cell`). */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(raw: string): void;
}

/** Thrown when a part is not well-formed enough to scan; names the part. */
export class XmlSyntaxError extends Error {}

/** Walks `xml` and reports elements and raw (still escaped) text to `handler`. */
export function scanXml(xml: string, handler: XmlHandler, part: string): void {
  const length = xml.length;
  let position = 0;
  while (position < length) {
    const lt = xml.indexOf('<', position);
    if (lt < 0) {
      if (position < length) handler.text(xml.slice(position));
      return;
    }
    if (lt > position) handler.text(xml.slice(position, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError(`${part}: unterminated CDATA section`);
        handler.text(escapeText(xml.slice(lt + 9, end)));
        position = end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlSyntaxError(`${part}: unterminated comment`);
        position = end + 3;
      } else {
        const end = xml.indexOf('>', lt);
        if (end < 0) throw new XmlSyntaxError(`${part}: unterminated declaration`);
        position = end + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw new XmlSyntaxError(`${part}: unterminated processing instruction`);
      position = end + 2;
      continue;
    }
    const gt = findTagEnd(xml, lt + 1);
    if (gt < 0) throw new XmlSyntaxError(`${part}: the XML is cut short (an element is not closed)`);
    if (next === 0x2f /* / */) {
      handler.close(xml.slice(lt + 2, gt).trim());
    } else {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const space = inner.search(/\s/);
      const name = space < 0 ? inner : inner.slice(0, space);
      handler.open(name, space < 0 ? '' : inner.slice(space), selfClosing);
      if (selfClosing) handler.close(name);
    }
    position = gt + 1;
  }
}

/** The index of the `>` ending a tag, skipping `>` inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let index = from; index < xml.length; index++) {
    const code = xml.charCodeAt(index);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return index;
    }
  }
  return -1;
}

/** One attribute's unescaped value, matched by qualified name (`r`, `office:value-type`), or null. */
export function attribute(attributes: string, name: string): string | null {
  if (!attributes) return null;
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return null;
    from = at + name.length;
    const before = attributes.charCodeAt(at - 1);
    if (!(before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d)) continue;
    let cursor = from;
    while (attributes.charCodeAt(cursor) === 0x20) cursor++;
    if (attributes.charCodeAt(cursor) !== 0x3d /* = */) continue;
    cursor++;
    while (attributes.charCodeAt(cursor) === 0x20) cursor++;
    const quote = attributes[cursor];
    if (quote !== '"' && quote !== "'") return null;
    const end = attributes.indexOf(quote, cursor + 1);
    if (end < 0) return null;
    return unescapeXml(attributes.slice(cursor + 1, end));
  }
}

/** The local part of a qualified name (`x:c` → `c`): some writers prefix the SpreadsheetML namespace. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML entity and character references with their characters. */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;'));
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}
