/**
 * The text form of a list of tags (or multi-choice labels) in one spreadsheet cell: `vip, fair 2024`.
 * Readers split on `,` and `;`, so a tag holding either (or a quote, or starting with `*`, which
 * Google's exports put before system groups) is written in double quotes with inner quotes doubled:
 * `"Smith, John", vip`. Both the exporter (web/export/export-table.ts) and the importer
 * (build-record.ts) use this pair, so export then import gives back the same tags.
 */

const NEEDS_QUOTES = /[,;"]|^\s|\s$|^\*/;

/** One cell's text for a list of tags. */
export function joinTagList(tags: readonly string[]): string {
  return tags.map((tag) => (NEEDS_QUOTES.test(tag) ? `"${tag.replace(/"/g, '""')}"` : tag)).join(', ');
}

/**
 * The tags of one cell: split on `,` and `;` outside double quotes; a quoted tag is taken as
 * written (quotes doubled inside), an unquoted one trimmed and without Google's leading `* `.
 */
export function splitTagList(text: string): string[] {
  const tags: string[] = [];
  let index = 0;
  while (index <= text.length) {
    while (index < text.length && /\s/.test(text[index])) index++;
    const quoted = text[index] === '"' ? readQuoted(text, index + 1) : null;
    const next = nextSeparator(text, quoted ? quoted.end : index);
    // An unbalanced quote is text like any other.
    const tag = quoted ? `${quoted.value}${text.slice(quoted.end, next).trimEnd()}` : text.slice(index, next).trim().replace(/^\*\s*/, '');
    if (tag && !tags.includes(tag)) tags.push(tag);
    index = next + 1;
  }
  return tags;
}

/** The value of a quoted tag starting after its opening quote, and where it ends; null when the quote never closes. */
function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  for (let at = from; ; ) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return null;
    value += text.slice(at, quote);
    if (text[quote + 1] !== '"') return { value, end: quote + 1 };
    value += '"';
    at = quote + 2;
  }
}

function nextSeparator(text: string, from: number): number {
  for (let at = from; at < text.length; at++) if (text[at] === ',' || text[at] === ';') return at;
  return text.length;
}
