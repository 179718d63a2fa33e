import { describe, expect, it } from 'vitest';
import { sniffDialect } from './csv-dialect';
import { delimitedRows, type TextRow } from './csv-rows';

async function rows(text: string, chunkSize = text.length || 1): Promise<TextRow[]> {
  async function* chunks() {
    for (let start = 0; start < text.length; start += chunkSize) yield text.slice(start, start + chunkSize);
  }
  const out: TextRow[] = [];
  for await (const batch of delimitedRows(chunks(), sniffDialect(text))) out.push(...batch);
  return out;
}

const TRICKY = 'name;note;phone\r\n"Pop; Ana";"said ""hi""\r\nthen left";0722\r\n"Rus";"a\rb\nc";+40 7\r\nLungu;;007\r\n';

describe('delimited text parsing (PapaParse, streamed)', () => {
  it('quoted fields hold delimiters, quotes, CR, LF and CRLF; lines are physical lines', async () => {
    const parsed = await rows(TRICKY);
    expect(parsed.map((row) => row.fields)).toEqual([
      ['name', 'note', 'phone'],
      ['Pop; Ana', 'said "hi"\r\nthen left', '0722'],
      ['Rus', 'a\rb\nc', '+40 7'],
      ['Lungu', '', '007'],
    ]);
    expect(parsed.map((row) => row.line)).toEqual([1, 2, 4, 7]);
  });
  it('every chunk size gives the same rows and lines (rows split across chunks)', async () => {
    const whole = await rows(TRICKY);
    for (let size = 1; size <= TRICKY.length; size++) expect(await rows(TRICKY, size)).toEqual(whole);
  });
  it('bare CR line ends', async () => {
    expect((await rows('a,b\rc,d\re,f')).map((row) => [row.line, ...row.fields])).toEqual([[1, 'a', 'b'], [2, 'c', 'd'], [3, 'e', 'f']]);
  });
  it('a quote never closed is reported at the line where its row starts', async () => {
    const parsed = await rows('a,b\n1,"open\nmore\n', 3);
    expect(parsed[1].problem).toMatchObject({ code: 'unterminatedQuote', line: 2 });
  });
  it('a bare quote inside an unquoted field is reported with its column', async () => {
    expect((await rows('a,b\nx,y "z" w\n'))[1].problem).toMatchObject({ code: 'bareQuote', line: 2, params: { column: 2 } });
  });
  it('text after a closing quote is reported', async () => {
    expect((await rows('a,b\n"x"y,z\n'))[1].problem).toMatchObject({ code: 'textAfterQuote', line: 2 });
  });
  it('blank lines are skipped, line numbers still count them', async () => {
    expect((await rows('a\n\n\nb\n')).map((row) => row.line)).toEqual([1, 4]);
  });
});

describe('dialect sniffing', () => {
  it('the delimiter that splits most lines the same way wins', () => {
    expect(sniffDialect('a;b;c\n1,5;2;3\n').delimiter).toBe(';');
    expect(sniffDialect('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(sniffDialect('a|b|c\n1|2|3\n').delimiter).toBe('|');
    expect(sniffDialect('"x,y";z\n"1,2";3\n').delimiter).toBe(';');
  });
  it('sep=; is honoured and marked', () => {
    expect(sniffDialect('sep=|\r\na,b|c\r\n')).toEqual({ delimiter: '|', newline: '\r\n', sepLine: true });
  });
  it('line breaks inside quotes do not decide the newline', () => {
    expect(sniffDialect('"a\nb",c\r\nd,e\r\n').newline).toBe('\r\n');
  });
});
