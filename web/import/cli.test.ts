import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus-reader';
import { main } from './cli';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (line) => out.push(line), (line) => err.push(line));
  return { code, out, err };
}

describe('import CLI', () => {
  it('--dry-run --json prints one summary line per file', async () => {
    const { code, out } = await run(['--dry-run', '--json', `${CORPUS_DIR}csv/excel_ru_cp1251_semicolon_decimal_comma.csv`, `${CORPUS_DIR}vcf/v30_empty_fn_nickname_only.vcf`]);
    expect(code).toBe(0);
    expect(out.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ file: 'excel_ru_cp1251_semicolon_decimal_comma.csv', format: 'csv', encoding: 'windows-1251', delimiter: ';', records: 3, errors: [] }),
      expect.objectContaining({ file: 'v30_empty_fn_nickname_only.vcf', format: 'vcard', encoding: 'utf-8', delimiter: null, records: 3, errors: [] }),
    ]);
  });
  it('--records adds the parsed records as JSON lines', async () => {
    const { out } = await run(['--dry-run', '--json', '--records', `${CORPUS_DIR}csv/ru_phonebook_raw_utf8.csv`]);
    const records = out.slice(1).map((line) => JSON.parse(line));
    expect(records).toHaveLength(9);
    expect(records[0]).toMatchObject({ file: 'ru_phonebook_raw_utf8.csv', line: 2, section: 'people', values: { lastName: 'Усольцев' } });
  });
  it('an unreadable file exits non-zero with the message; a missing file too', async () => {
    const empty = await run(['--dry-run', '--json', `${CORPUS_DIR}malformed/real_zero_bytes.csv`]);
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.out[0]).errors).toEqual([{ code: 'empty', message: 'The file is empty.' }]);
    const missing = await run(['--dry-run', '--json', '/nonexistent/file.csv']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out[0]).errors[0].message).toContain('cannot read the file');
  });
  it('errors name the line; the encoding can be overridden', async () => {
    const ragged = await run(['--dry-run', '--json', `${CORPUS_DIR}malformed/real_ragged_row_4col_header_29col_row.csv`]);
    expect(JSON.parse(ragged.out[0]).errors).toEqual([{ code: 'tooManyFields', line: 2, record: 1, message: 'Line 2 has 29 fields, but the header has 4.' }]);
    const forced = await run(['--dry-run', '--json', '--encoding', 'koi8-r', `${CORPUS_DIR}csv/excel_ru_cp1251_semicolon_decimal_comma.csv`]);
    expect(JSON.parse(forced.out[0]).encoding).toBe('koi8-r');
  });
  it('without --dry-run it explains that importing goes through the relay CLI', async () => {
    const { code, err } = await run(['x.csv']);
    expect(code).toBe(2);
    expect(err[0]).toContain('--dry-run');
  });
});
