import { describe, expect, it } from 'vitest';
import { escapeVCardText, foldLine, vCardOf, writeVCards } from './write-vcard';
import { PEOPLE, testContext, testRow } from './test-fixtures';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const linesOf = (card: string) => unfold(card).split('\r\n').filter(Boolean);

describe('vCard export', () => {
  it('3.0: a person with N, FN, ORG, TITLE, TEL and EMAIL types, ADR, BDAY with dashes, NOTE, CRLF', () => {
    const card = vCardOf(PEOPLE[0], { ...testContext, version: '3.0' });
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    const lines = linesOf(card);
    expect(lines).toContain('N:Popescu;Ion;;;');
    expect(lines).toContain('FN:Ion Popescu');
    expect(lines).toContain('ORG:Acme\\, "Best" SRL');
    expect(lines).toContain('TITLE:Director');
    expect(lines).toContain('TEL;TYPE=CELL:+40 721 000 001');
    expect(lines).toContain('TEL;TYPE=WORK,VOICE:021 300 00 00');
    expect(lines).toContain('EMAIL;TYPE=INTERNET,WORK:ion@acme.ro');
    expect(lines).toContain('ADR;TYPE=HOME:;;;Brașov;;;');
    expect(lines).toContain('BDAY:1980-01-31');
    expect(lines).toContain('NOTE:=HYPERLINK("http://evil.example"\\,"click")');
    expect(lines).toContain('UID:p1');
    expect(lines).toContain('REV:2026-01-02T03:04:05Z');
  });

  it('4.0: KIND, lower-case types, BDAY in basic format, escaped semicolons in N', () => {
    const lines = linesOf(vCardOf(PEOPLE[1], { ...testContext, version: '4.0' }));
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCARD', 'VERSION:4.0']);
    expect(lines).toContain('KIND:individual');
    expect(lines).toContain('N:Иванова\\; "Аня";Анна;;;');
    expect(lines).toContain('TEL;TYPE=home,voice:007 495 123-45-67');
    expect(lines).toContain('EMAIL;TYPE=home:anna@example.ru');
    expect(lines).toContain('EMAIL:a.ivanova@example.com');
    expect(lines).toContain('BDAY:19920229');
    expect(lines).toContain('NOTE:Line one\\nLine two\\, with comma');
    expect(lines).toContain('REV:20260102T030405Z');
  });

  it('organizations: KIND:org (4.0) or X-ABSHOWAS (3.0), ORG, work address with country, URL, CATEGORIES', () => {
    const org = testRow('orgs', 'o1', { name: 'Acme SRL', address: 'Str. Lungă 1', city: 'Cluj', country: 'RO', website: 'https://acme.ro', tags: ['wood', 'a,b'], phones: [{ kind: 'fax', value: '+40 264 000' }] });
    const v4 = linesOf(vCardOf(org, { ...testContext, version: '4.0' }));
    expect(v4).toEqual(expect.arrayContaining(['KIND:org', 'FN:Acme SRL', 'ORG:Acme SRL', 'ADR;TYPE=work:;;Str. Lungă 1;Cluj;;;RO', 'URL:https://acme.ro', 'CATEGORIES:wood,a\\,b', 'TEL;TYPE=fax:+40 264 000']));
    const v3 = linesOf(vCardOf(org, { ...testContext, version: '3.0' }));
    expect(v3).toEqual(expect.arrayContaining(['N:;;;;', 'X-ABSHOWAS:COMPANY', 'ADR;TYPE=WORK:;;Str. Lungă 1;Cluj;;;RO', 'TEL;TYPE=FAX:+40 264 000']));
  });

  it('photos from blobs: base64 with ENCODING=b in 3.0, a data: URI in 4.0; missing blobs are skipped', () => {
    const hash = 'a'.repeat(64);
    const person = testRow('people', 'p9', { lastName: 'Photo', photo: hash });
    const photos = new Map([[hash, { type: 'image/jpeg', data: new Uint8Array(200).map((_byte, index) => index) }]]);
    const v3 = linesOf(vCardOf(person, { ...testContext, version: '3.0', photos }));
    const v3Photo = v3.find((line) => line.startsWith('PHOTO'))!;
    expect(v3Photo.startsWith('PHOTO;ENCODING=b;TYPE=JPEG:AAECAwQF')).toBe(true);
    const v4Photo = linesOf(vCardOf(person, { ...testContext, version: '4.0', photos })).find((line) => line.startsWith('PHOTO'))!;
    expect(v4Photo.startsWith('PHOTO:data:image/jpeg;base64,AAECAwQF')).toBe(true);
    expect(vCardOf(person, { ...testContext, version: '4.0', photos: new Map() })).not.toContain('PHOTO');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const long = 'NOTE:' + 'Ж'.repeat(100) + 'x'.repeat(10) + '😀'.repeat(20);
    const folded = foldLine(long);
    const physical = folded.split('\r\n').filter(Boolean);
    const encoder = new TextEncoder();
    for (const line of physical) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(long + '\r\n');
    const ascii = foldLine('PHOTO:' + 'A'.repeat(500));
    for (const line of ascii.split('\r\n').filter(Boolean)) expect(line.length).toBeLessThanOrEqual(75);
    expect(unfold(ascii)).toBe('PHOTO:' + 'A'.repeat(500) + '\r\n');
  });

  it('messenger accounts use the de-facto X- properties; unknown kinds an X-SOCIALPROFILE with their type', () => {
    const person = testRow('people', 'p8', { lastName: 'Chat', accounts: [{ kind: 'telegram', value: '@chat' }, { kind: 'skype', value: 'chat.s' }, { kind: 'x', value: '@c' }, { kind: 'mastodon', value: '@c@m.social' }] });
    const lines = linesOf(vCardOf(person, { ...testContext, version: '4.0' }));
    expect(lines).toEqual(expect.arrayContaining(['X-TELEGRAM:@chat', 'X-SKYPE:chat.s', 'X-TWITTER:@c', 'X-SOCIALPROFILE;TYPE=mastodon:@c@m.social']));
  });

  it('escapes backslash, newline, comma and semicolon in text values', () => {
    expect(escapeVCardText('a\\b\r\nc,d;e')).toBe('a\\\\b\\nc\\,d\\;e');
  });

  it('a file holds one card per person or organization; notes and links are left out', () => {
    const text = new TextDecoder().decode(writeVCards([...PEOPLE, testRow('notes', 'n1', { title: 'x' })], { ...testContext, version: '4.0' }));
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(3);
    expect(text.match(/END:VCARD\r\n/g)).toHaveLength(3);
  });
});
