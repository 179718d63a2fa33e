import { describe, expect, it } from 'vitest';
import { lexVCards } from './vcard-lines';
import { vcardToRecord } from './vcard-records';

const utf8 = (text: string) => new TextEncoder().encode(text);
function records(bytes: Uint8Array, encoding = 'utf-8') {
  const { cards, problems } = lexVCards(bytes);
  return { records: cards.map((card) => vcardToRecord(card, encoding).record), problems };
}

describe('vCard reading', () => {
  it('a fold that splits a UTF-8 character is joined byte-exactly', () => {
    const name = utf8('Ștefănescu');
    const cut = 2; // inside the two bytes of "Ș"
    const bytes = new Uint8Array([...utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nN:'), ...name.subarray(0, cut - 1), ...utf8('\r\n '), ...name.subarray(cut - 1), ...utf8(';Ana;;;\r\nEND:VCARD\r\n')]);
    expect(records(bytes).records[0].values).toMatchObject({ lastName: 'Ștefănescu', firstName: 'Ana' });
  });
  it('quoted-printable with soft breaks and CHARSET', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=\r\n=D0=BD=D0=BE=D0=B2;=D0=9F=D1=91=D1=82=D1=80\r\nEND:VCARD\r\n';
    expect(records(utf8(text)).records[0].values).toMatchObject({ lastName: 'Иванов', firstName: 'Пётр' });
  });
  it('a windows-1251 CHARSET parameter decodes raw bytes', () => {
    const bytes = new Uint8Array([...utf8('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1251:'), 0xc8, 0xe2, 0xe0, 0xed, ...utf8(';\r\nEND:VCARD\r\n')]);
    expect(records(bytes).records[0].values.lastName).toBe('Иван');
  });
  it('multiple TEL, EMAIL and ADR with TYPE; ORG links; CATEGORIES become tags', () => {
    const text = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Pop;Ana;;;', 'TEL;TYPE=CELL:+40 722 000 111', 'TEL;TYPE=WORK,FAX:021 000', 'EMAIL;TYPE=WORK:a@b.ro', 'EMAIL;TYPE=HOME:ana@home.ro', 'ADR;TYPE=HOME:;;Str. Lungă 1;Iași;;700000;România', 'ADR;TYPE=WORK:;;Bd. Unirii 2;București;;;', 'ORG:Acme SRL;Vânzări', 'CATEGORIES:client,vip', 'END:VCARD'].join('\r\n');
    const [record] = records(utf8(text)).records;
    expect(record.values).toMatchObject({
      phones: [{ kind: 'mobile', value: '+40 722 000 111' }, { kind: 'fax', value: '021 000' }],
      emails: [{ kind: 'work', value: 'a@b.ro' }, { kind: 'home', value: 'ana@home.ro' }],
      city: 'Iași',
      homeAddress: 'Home: Str. Lungă 1, 700000 Iași, România\nWork: Bd. Unirii 2, București',
      tags: ['client', 'vip'],
    });
    expect(record.orgName).toBe('Acme SRL');
    expect(record.values.notes).toBe('Department: Vânzări');
  });
  it('PHOTO as base64 (3.0 ENCODING=b) and as a data: URI give the same bytes', () => {
    const b64 = 'iVBORw0KGgo=';
    const three = records(utf8(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nPHOTO;ENCODING=b;TYPE=PNG:${b64}\r\nEND:VCARD\r\n`)).records[0].photo!;
    const four = records(utf8(`BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nPHOTO:data:image/png;base64,${b64}\r\nEND:VCARD\r\n`)).records[0].photo!;
    expect(three.type).toBe('image/png');
    expect(four.type).toBe('image/png');
    expect([...three.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([...four.bytes]).toEqual([...three.bytes]);
  });
  it('BDAY without a year is stored as --MM-DD, with a year as YYYY-MM-DD; an impossible day goes to notes', () => {
    const card = (bday: string) => records(utf8(`BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A B\r\nBDAY:${bday}\r\nEND:VCARD\r\n`)).records[0].values;
    expect(card('--0415').birthday).toBe('--04-15');
    expect(card('--04-15').birthday).toBe('--04-15');
    expect(card('--0229').birthday).toBe('--02-29');
    expect(card('--0230')).toMatchObject({ notes: 'Birthday: --0230' });
    expect(card('--0230').birthday).toBeUndefined();
    expect(card('19850415').birthday).toBe('1985-04-15');
  });
  it('a nested AGENT card does not end the outer one; stray lines are reported', () => {
    const text = 'junk\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Outer;A\r\nAGENT:\r\nBEGIN:VCARD\r\nN:Inner;B\r\nEND:VCARD\r\nTEL:0722\r\nEND:VCARD\r\n';
    const read = records(utf8(text));
    expect(read.records).toHaveLength(1);
    expect(read.records[0].values).toMatchObject({ lastName: 'Outer', phones: [{ kind: 'other', value: '0722' }] });
    expect(read.problems).toEqual([expect.objectContaining({ code: 'vcardStrayLine', line: 1 })]);
  });
  it('a card cut off before END:VCARD is an error naming the card and line', () => {
    const read = records(utf8('BEGIN:VCARD\nN:A\nEND:VCARD\nBEGIN:VCARD\nN:B\n'));
    expect(read.records).toHaveLength(1);
    expect(read.problems).toEqual([expect.objectContaining({ code: 'vcardUnterminated', record: 2, line: 4, severity: 'error' })]);
  });
  it('a file without any card is fatal', () => {
    expect(lexVCards(utf8('hello\n')).problems).toContainEqual(expect.objectContaining({ code: 'vcardNoCards', severity: 'fatal' }));
  });
});

describe('vCard notes labels follow the UI language', () => {
  it('with Russian messages the kept properties are labelled in Russian', async () => {
    const { ru } = await import('../i18n/messages/ru');
    const [card] = lexVCards(utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nN:Pop;Ana;;;\r\nNICKNAME:Anuța\r\nBDAY:--0230\r\nEND:VCARD\r\n')).cards;
    expect(vcardToRecord(card, 'utf-8', ru).record.values.notes).toBe('Прозвище: Anuța\nДень рождения: --0230');
  });
});

describe('vCard: addresses, hobbies and social profiles go to their fields', () => {
  const card = (lines: string) => records(utf8(`BEGIN:VCARD\r\nVERSION:3.0\r\nN:Díaz;María;;;\r\n${lines}END:VCARD\r\n`)).records[0];

  it('the city is written once: a bare city fills the city field only, a street that names it gets no second copy', () => {
    expect(card('ADR;TYPE=HOME:;;Calle Mayor 1;Madrid;;;\r\n').values).toMatchObject({ homeAddress: 'Calle Mayor 1', city: 'Madrid' });
    expect(card('ADR;TYPE=HOME:;;Str. Lungă 1\\, Iași;Iași;;;\r\n').values).toMatchObject({ homeAddress: 'Str. Lungă 1, Iași', city: 'Iași' });
    // A full postal address keeps its city line as written.
    expect(card('ADR;TYPE=HOME:;;Ring 22;Winsen;;21423;Germany\r\n').values).toMatchObject({ homeAddress: 'Ring 22, 21423 Winsen, Germany', city: 'Winsen' });
  });

  it('X-REGISTRATION addresses go to the registration address, HOBBY / X-HOBBY to hobbies, X-SOCIALPROFILE to accounts', () => {
    const values = card('ADR;TYPE=HOME:;;Calle Mayor 1;Madrid;;;\r\nADR;TYPE=X-REGISTRATION:;;Str. Lungă 5;;;;\r\nX-HOBBY:chess\r\nHOBBY:sailing\r\nX-SOCIALPROFILE;TYPE=twitter:maria_x\r\n').values;
    expect(values).toMatchObject({ homeAddress: 'Calle Mayor 1', regAddress: 'Str. Lungă 5', city: 'Madrid', hobbies: 'chess, sailing', accounts: [{ kind: 'x', value: 'maria_x' }] });
    expect(values.notes).toBeUndefined();
  });

  it('an organization card keeps a hobby line in its notes (organizations have no hobbies field)', () => {
    const org = records(utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Acme\r\nORG:Acme\r\nX-HOBBY:sailing\r\nEND:VCARD\r\n')).records[0];
    expect(org).toMatchObject({ section: 'orgs', values: { name: 'Acme', notes: 'Hobbies: sailing' } });
    expect('hobbies' in org.values).toBe(false);
  });
});
