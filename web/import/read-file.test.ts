import { describe, expect, it } from 'vitest';
import { analyzeFile, readRecords } from './read-file';
import { blobSource, bytesSource } from './source';

const cp1251 = new Uint8Array([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0xd2, 0xe5, 0xeb, 0xe5, 0xf4, 0xee, 0xed, 0x0a, 0xcf, 0xe5, 0xf2, 0xf0, 0xee, 0xe2, 0x3b, 0x30, 0x37, 0x32, 0x32, 0x30, 0x30, 0x30, 0x31, 0x31, 0x31, 0x0a]); // "Фамилия;Телефон\nПетров;0722000111\n"

describe('file analysis and user overrides', () => {
  it('a Windows-1251 file is detected with alternatives; the user can pick another encoding', async () => {
    const source = bytesSource('ru.csv', cp1251);
    const detected = await analyzeFile(source);
    expect(detected.encoding?.encoding).toBe('windows-1251');
    expect(detected.headers).toEqual(['Фамилия', 'Телефон']);
    const forced = await analyzeFile(source, { encoding: 'windows-1252' });
    expect(forced.encoding?.encoding).toBe('windows-1252');
    expect(forced.headers[0]).toBe('Ôàìèëèÿ');
    expect(forced.encoding?.alternatives[0].encoding).toBe('windows-1251');
  });
  it('the user can override the delimiter', async () => {
    const source = bytesSource('x.csv', new TextEncoder().encode('a,b;c\n1,2;3\n'));
    expect((await analyzeFile(source)).headers).toEqual(['a', 'b;c']);
    expect((await analyzeFile(source, { delimiter: ';' })).headers).toEqual(['a,b', 'c']);
  });
  it('a Blob source (browser and worker) reads the same as bytes, in chunks', async () => {
    const source = blobSource(new Blob([cp1251]), 'ru.csv');
    const analysis = await analyzeFile(source);
    const records = [];
    for await (const batch of readRecords(source, analysis)) records.push(...batch);
    expect(records).toEqual([expect.objectContaining({ line: 2, values: { lastName: 'Петров', phones: [{ kind: 'other', value: '0722000111' }] } })]);
  });
  it('binary garbage is refused with its offset', async () => {
    const analysis = await analyzeFile(bytesSource('x.csv', new Uint8Array([0x41, 0x42, 0x00, 0x01, 0x02])));
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'binary', severity: 'fatal', params: { offset: 2 } })]);
  });
  it('invalid bytes in a UTF-8 file past the sniffed part are named by line', async () => {
    const good = new TextEncoder().encode(`Name;Note\n${'Ana;ok\n'.repeat(50_000)}`);
    const bytes = new Uint8Array([...good, ...new TextEncoder().encode('Ion;'), 0xff, 0x0a]);
    const analysis = await analyzeFile(bytesSource('x.csv', bytes));
    expect(analysis.encoding?.encoding).toBe('utf-8');
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'invalidBytes', line: 50_002 })]);
  });
  it('an ambiguous date column is reported with the reading chosen', async () => {
    const analysis = await analyzeFile(bytesSource('x.csv', new TextEncoder().encode('Last name;Birthday\nPop;01/02/1990\nRus;03/04/1985\n')));
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'ambiguousDates', params: { column: 'Birthday', order: 'dmy' } })]);
  });
});
