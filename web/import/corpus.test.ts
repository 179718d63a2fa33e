/**
 * Every good file of the shared corpus (../shared/import-corpus, read in place): its record
 * count and values checked by hand against the file — names with Cyrillic and diacritics,
 * phones with their leading zero or +, dates in the file's convention.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, readCorpusFile } from './corpus-reader';
import type { ImportRecord } from './import-record';

const phonesOf = (record: ImportRecord) => ((record.values.phones ?? []) as { kind: string; value: string }[]).map((entry) => entry.value);
const emailsOf = (record: ImportRecord) => ((record.values.emails ?? []) as { kind: string; value: string }[]).map((entry) => entry.value);

/** The files below are all the corpus holds; a new file must get its own test. */
const COVERED = new Set<string>();
function corpusIt(path: string, name: string, body: (read: Awaited<ReturnType<typeof readCorpusFile>>) => void) {
  COVERED.add(path);
  it(`${path}: ${name}`, async () => body(await readCorpusFile(path)));
}

describe('import corpus: CSV as Excel, LibreOffice, Google, Outlook and Thunderbird write it', () => {
  corpusIt('csv/cr_only_line_endings.csv', 'bare-CR line ends split rows; unknown columns go to notes', ({ analysis, records }) => {
    expect(analysis.dialect).toMatchObject({ delimiter: ',', newline: '\r' });
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ line: 3, values: { notes: 'Foo: Qux\nBar: Teaspoon\nBaz: Doge' } });
  });
  corpusIt('csv/csvspectrum_comma_in_quotes.csv', 'a delimiter inside quotes; a zip code keeps its leading zero', ({ records }) => {
    expect(records).toHaveLength(1);
    expect(records[0].values).toMatchObject({ firstName: 'John', lastName: 'Doe', city: 'Anytown, WW', notes: 'zip: 08123' });
  });
  corpusIt('csv/de_employees_ddmmyyyy_dates.csv', 'dotted dates are day-first; ids stay text', ({ analysis, records }) => {
    expect(analysis.mapping?.section).toBe('people');
    expect(records).toHaveLength(2);
    expect(records[0].values).toMatchObject({ lastName: 'Clever', firstName: 'Susan', birthday: '1973-12-12', city: 'London' });
    expect(records[1].values.birthday).toBe('1978-08-18');
    expect(records[0].values.notes).toContain('Mitarbeiternummer: 00188');
    expect(records[0].values.notes).toContain('Postleitzahl des Mitarbeiters: 2111');
  });
  corpusIt('csv/de_number_formats_decimal_comma.csv', 'a headerless file; 12.345,67 is read with a decimal comma', ({ analysis, records }) => {
    expect(analysis.hasHeader).toBe(false);
    expect(records).toHaveLength(5);
    expect(records[0].values['+Column 3']).toBe(12345.67);
    expect(records[0].values.notes).toContain('Column 2: 1.234');
  });
  corpusIt('csv/excel_eu_win1252_semicolon.csv', 'Windows-1252 detected; umlauts decoded', ({ analysis, records }) => {
    expect(analysis.encoding?.encoding).toBe('windows-1252');
    expect(analysis.dialect?.delimiter).toBe(';');
    expect(records).toHaveLength(4);
    expect(records[2].values).toMatchObject({ firstName: 'ÖzdemirÖ', lastName: 'Üglü' });
    expect(emailsOf(records[2])).toEqual(['oezdemir@ueglue.tu']);
  });
  corpusIt('csv/excel_ru_cp1251_semicolon_decimal_comma.csv', 'Windows-1251 detected; a quoted line break; 3,999 with a decimal comma', ({ analysis, records }) => {
    expect(analysis.encoding?.encoding).toBe('windows-1251');
    expect(analysis.encoding?.alternatives.map((alternative) => alternative.encoding)).toContain('windows-1252');
    expect(analysis.headers).toEqual(['№', 'Название', 'Цена']);
    expect(records).toHaveLength(3);
    expect(records[1].values.name).toBe('Одни из нас™\nобновленная версия');
    expect(records[0].values.name).toBe('Crash Bandicoot "PS4"');
    expect(records[0].values['+Цена']).toBe(3.999);
    expect(records[2]).toMatchObject({ line: 5, values: { name: 'Орден 1886™' } });
  });
  corpusIt('csv/excel_sep_directive.csv', 'the sep=; line sets the delimiter and is not a row', ({ analysis, records }) => {
    expect(analysis.dialect).toMatchObject({ delimiter: ';', sepLine: true });
    expect(records.map((record) => record.line)).toEqual([2, 3]);
    expect(records[0].values.notes).toBe('Column 1: A');
  });
  corpusIt('csv/google_legacy_roundcube_gmail.csv', 'Google legacy preset: type columns give kinds, ::: splits values', ({ analysis, records }) => {
    expect(analysis.mapping?.preset).toBe('google-legacy');
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record.values).toMatchObject({ firstName: 'Firstname Middle', lastName: 'Lastname', birthday: '1975-12-12', tags: ['My Contacts', 'Test'], position: 'jobtitle', city: 'home_city' });
    expect(record.values.emails).toContainEqual({ kind: 'home', value: 'home@aaa.pl' });
    expect(record.values.phones).toContainEqual({ kind: 'mobile', value: 'mobile' });
    expect(record.values.phones).toContainEqual({ kind: 'fax', value: 'homefax' });
    expect(record.orgName).toBe('company');
    expect(record.values.notes).toContain('note"note');
  });
  corpusIt('csv/google_legacy_tine_crlf.csv', 'phones keep + and leading zeros; a quoted CRLF address', ({ records }) => {
    expect(records).toHaveLength(5);
    expect(phonesOf(records[0])).toEqual(['+49227913452']);
    expect(phonesOf(records[2])).toEqual(['01235684494']);
    expect(records[3].values).toMatchObject({ tags: ['kunden', 'My Contacts'], emails: [{ kind: 'other', value: 'abc@here.de' }] });
    expect(records[4].values).toMatchObject({ homeAddress: 'Ring 22\r\nWinsen', city: 'Winsen' });
    expect(records[4].line).toBe(6);
  });
  corpusIt('csv/libreoffice_default_export_bitrix24.csv', 'a legacy code page with one accent: João', ({ analysis, records }) => {
    expect(analysis.encoding?.encoding).toBe('windows-1252');
    expect(records).toHaveLength(2);
    expect(records[0].values).toMatchObject({ firstName: 'João', lastName: 'Silva', notes: 'Cliente antigo' });
    expect(phonesOf(records[1])).toEqual(['+351 912345678']);
  });
  corpusIt('csv/outlook_style_allfields_utf8bom.csv', 'UTF-8 BOM dropped; 20/01/1991 is day-first; every column kept', ({ analysis, records }) => {
    expect(analysis.encoding).toMatchObject({ encoding: 'utf-8', evidence: 'bom' });
    expect(analysis.headers[0]).toBe('Display Name');
    expect(records).toHaveLength(1);
    expect(records[0].values).toMatchObject({ firstName: 'First Name Middle Name', lastName: 'Last Name', birthday: '1991-01-20', position: 'Job Title', tags: ['test'] });
    expect(records[0].values.phones).toContainEqual({ kind: 'mobile', value: '500' });
    expect(records[0].values.notes).toContain('IM Skype: skype');
  });
  for (const path of ['csv/ru_phonebook_excel_cp1251_semicolon_crlf.csv', 'csv/ru_phonebook_excel_utf8bom_semicolon_crlf.csv', 'csv/ru_phonebook_raw_utf8.csv']) {
    corpusIt(path, 'Russian names, patronymics, phones with extensions', ({ analysis, records }) => {
      expect(analysis.encoding?.encoding).toBe(path.includes('cp1251') ? 'windows-1251' : 'utf-8');
      expect(records).toHaveLength(9);
      expect(records[0].values).toMatchObject({ lastName: 'Усольцев', firstName: 'Олег Валентинович' });
      expect(records[0].orgName).toBe('ФНС');
      expect(phonesOf(records[0])).toEqual(['+7 (495) 913-04-78']);
      expect(records[3].values).toMatchObject({ lastName: 'Мартиняхин', firstName: 'Виталий Геннадьевич' });
      expect(phonesOf(records[4])).toEqual(['+7 (495) 983-36-99 доб. 2926']);
      expect(phonesOf(records[2])).toEqual(['8 495-913-0168']);
    });
  }
  corpusIt('csv/thunderbird_export_quotes_tabs_cr_lf.csv', 'Thunderbird preset; tab, CR and LF inside quotes kept', ({ analysis, records }) => {
    expect(analysis.mapping?.preset).toBe('thunderbird');
    expect(records).toHaveLength(2);
    expect(records[1].values.notes).toContain('Custom 2: custom\t2');
    expect(records[1].values.notes).toContain('Custom 3: custom\r3');
    expect(records[1].values.notes).toContain('Custom 4: custom\n4');
    expect(records[1].values.notes).toContain("here's some unicode text…");
    expect(records[1].values.position).toBe('"worker"');
  });
});

describe('import corpus: XLSX', () => {
  corpusIt('xlsx/bitrix24_sample_contacts.xlsx', 'read through the spreadsheet reader', ({ analysis, records }) => {
    expect(analysis.format).toBe('xlsx');
    expect(records).toHaveLength(2);
    expect(records[0].values).toMatchObject({ firstName: 'João', lastName: 'Silva', homeAddress: 'Rua das Flores 123' });
    expect(phonesOf(records[0])).toEqual(['+55 11 999999999']);
  });
});

describe('import corpus: vCard 2.1, 3.0 and 4.0', () => {
  corpusIt('vcf/v21_android_qp_utf8_multi.vcf', 'quoted-printable UTF-8 with soft breaks, several TEL', ({ records }) => {
    expect(records).toHaveLength(6);
    expect(records[2].values.lastName).toBe('Ñ Ñ Ñ Ñ');
    expect(records[3].values.lastName).toBe('Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ');
    expect(records[3].values.phones).toEqual([
      { kind: 'mobile', value: '123456' },
      { kind: 'home', value: '234567' },
      { kind: 'mobile', value: '3456789' },
      { kind: 'home', value: '45678901' },
    ]);
    expect(records[4].photo?.type).toBe('image/jpeg');
    expect([...records[4].photo!.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(records[0].values.tags).toEqual(['My Contacts']);
  });
  corpusIt('vcf/v21_complicated_rfc2045_qp.vcf', 'RFC 2045 soft breaks, escaped ; in ORG, BDAY without dashes', ({ records }) => {
    expect(records).toHaveLength(1);
    expect(records[0].values).toMatchObject({ firstName: 'Forrest Hoge', lastName: 'Gump', birthday: '1980-01-01', position: 'Shrimp Man' });
    expect(records[0].values.notes).toContain("Now's the time for all folk to come to the aid of their country.");
    expect(records[0].values.notes).toContain('Department: Sales Dept.;Manager');
    expect(records[0].orgName).toBe('Gump Shrimp Co.');
    expect(phonesOf(records[0])).toContain('0311111111');
  });
  corpusIt('vcf/v21_outlook2007_qp_photo.vcf', 'Outlook 2007 card with a base64 photo', ({ records }) => {
    expect(records[0].values).toMatchObject({ firstName: 'Michael', lastName: 'Angstadt', birthday: '1922-03-10' });
    expect(records[0].values.phones).toContainEqual({ kind: 'fax', value: '(111) 555-3333' });
    expect(records[0].photo?.bytes.length).toBeGreaterThan(1000);
  });
  corpusIt('vcf/v21_qp_utf8_soft_breaks_5cards.vcf', 'QP soft breaks inside addresses; an ORG-only card is an organization', ({ records }) => {
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({ section: 'orgs', values: { name: 'Bike Shop', address: 'DDDDDDDDDDDDDDD-Staße 2\n00000 DDDDDDDDDD' } });
    expect(records[1].values).toMatchObject({ firstName: 'Broken', city: 'Urt', homeAddress: 'AAAAAAA-AäAAAAA 11, 00000 Urt' });
    expect(records[3].values.position).toBe('Facharzt für Allgemeinmedizin');
  });
  corpusIt('vcf/v21_shiftjis_qp_japanese.vcf', 'CHARSET=SHIFT_JIS raw and quoted-printable', ({ records }) => {
    expect(records).toHaveLength(1);
    expect(records[0].values).toMatchObject({ lastName: '安藤', firstName: 'ロイド1' });
    expect(records[0].values.homeAddress).toBe('東京都渋谷区桜丘町26-1セルリアンタワー6階, 150-8512');
    expect(records[0].values.notes).toContain('メモ');
  });
  corpusIt('vcf/v30_empty_fn_nickname_only.vcf', 'an empty FN falls back to the nickname', ({ records }) => {
    expect(records).toHaveLength(3);
    expect(records[0].values).toMatchObject({ firstName: 'Bono', birthday: '1960-05-10', phones: [{ kind: 'other', value: '+1 202-555-0191' }] });
    expect(records[2].values).toMatchObject({ lastName: 'Johnny', city: 'Southampton' });
  });
  corpusIt('vcf/v30_gmail_item_groups.vcf', 'item groups with X-ABLabel; custom labels kept in notes', ({ records }) => {
    const [record] = records;
    expect(record.values).toMatchObject({ firstName: 'VCard', lastName: 'Test', birthday: '1912-06-23', position: 'TheJobTitle' });
    expect(phonesOf(record)).toHaveLength(11);
    expect(record.values.notes).toContain('CustomePhoneCategory: 5555551121');
    expect(record.values.notes).toContain('Spouse: Name2');
    expect(record.values.accounts).toEqual([{ kind: 'skype', value: 'IM5' }]);
    expect(record.values.homeAddress).toContain('CustomAddressCategory: 115 Main St, 10011 NY, New York');
  });
  corpusIt('vcf/v30_leading_garbage_line_2cards.vcf', 'a stray line before the first card is reported, not fatal', ({ analysis, records }) => {
    expect(analysis.problems).toContainEqual(expect.objectContaining({ code: 'vcardStrayLine', line: 1, severity: 'warning' }));
    expect(records).toHaveLength(2);
    expect(records[0].values).toMatchObject({ city: 'Eisenhüttenstadt', phones: [{ kind: 'home', value: '+49732121258035' }, { kind: 'mobile', value: '+4913232153769' }] });
    expect(phonesOf(records[1])).toEqual(['0123233838592']);
  });
  corpusIt('vcf/v30_mixed_eol_big_photo.vcf', 'a photo folded with mixed CRLF and LF decodes whole', ({ records }) => {
    expect(records[0].values).toMatchObject({ firstName: 'Test', lastName: 'Benutzer' });
    const bytes = records[0].photo!.bytes;
    expect([bytes[0], bytes[1], bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });
  corpusIt('vcf/v40_data_uri_photo_jpeg.vcf', 'a data: URI photo', ({ records }) => {
    expect(records[0].photo?.type).toBe('image/jpeg');
    expect([...records[0].photo!.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(records[0].values.lastName).toBe('URI JPEG, version 4.0');
  });
  corpusIt('vcf/v40_label_param_escaped_fn.vcf', 'escaped comma in FN, an unquoted LABEL with colons', ({ records }) => {
    expect(records[0].values).toMatchObject({ firstName: 'Dummy', lastName: 'Dummy', city: 'Bad Homburg' });
    expect(records[0].values.homeAddress).toContain('Dummy-Dummy-Strasse 1, 61352 Bad Homburg, Germany');
    expect(phonesOf(records[0])).toEqual(['+49 1234 56789', '+49 9876 54321']);
  });
  corpusIt('vcf/v40_rfc6350_example.vcf', 'BDAY without a year stored as --MM-DD; tel: URIs with an extension', ({ records }) => {
    expect(records[0].values.birthday).toBe('--02-03');
    expect(String(records[0].values.notes ?? '')).not.toContain('Birthday');
    expect(phonesOf(records[0])).toEqual(['+1-418-656-9254 ext. 102', '+1-418-262-6501']);
    expect(records[0].orgName).toBe('Viagenie');
  });
});

describe('import corpus: coverage', () => {
  it('every good file of the corpus has a test here (malformed ones in malformed.test.ts)', () => {
    const files = ['csv', 'vcf', 'xlsx'].flatMap((folder) => readdirSync(`${CORPUS_DIR}${folder}`).map((name) => `${folder}/${name}`));
    expect(files.filter((file) => !COVERED.has(file))).toEqual([]);
  });
});
