/**
 * What is imported but must not pass silently: short rows, birthdays without a year; and the
 * names the engine makes up for columns without a header, in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../engine/test-support';
import { es } from '../i18n/messages/es';
import { ru } from '../i18n/messages/ru';
import { importRecords } from './import-run';
import { describeProblem } from './problems';
import { analyzeFile, readRecords } from './read-file';
import { bytesSource } from './source';

const source = (name: string, text: string) => bytesSource(name, new TextEncoder().encode(text));

async function recordsOf(name: string, text: string, messages?: Record<string, string>) {
  const file = source(name, text);
  const analysis = await analyzeFile(file, { messages });
  const records = [];
  for await (const batch of readRecords(file, analysis, { messages })) records.push(...batch);
  return { file, analysis, records };
}

describe('rows with fewer fields than the header', () => {
  const SHORT = 'First name;Last name;City;Phone\nAna;Pop;Iași;0722 000 111\nIon;Rus\nMaria;Lungu;Cluj;0744 000 333\nDan\n';

  it('are named by line in one warning of the analysis', async () => {
    const { analysis } = await recordsOf('short.csv', SHORT);
    expect(analysis.problems).toEqual([{ code: 'tooFewFields', severity: 'warning', line: 3, params: { count: 2, expected: 4, lines: '3, 5' } }]);
    expect(describeProblem(analysis.problems[0])).toBe('2 rows have fewer fields than the header (4); they were imported with the missing fields left empty. Lines: 3, 5');
    expect(describeProblem(analysis.problems[0], ru)).toContain('Строки: 3, 5');
  });

  it('are still imported, and the import report carries the warning', async () => {
    const engine = await openTestEngine();
    const file = source('short.csv', SHORT);
    const report = await importRecords(engine, { source: file, analysis: await analyzeFile(file), duplicates: 'create' });
    expect(report.created).toBe(4);
    expect(report.skipped).toEqual([]);
    expect(report.warnings.map((warning) => warning.code)).toEqual(['tooFewFields']);
    const names = report.createdIds.map((id) => engine.rows.get(id)!.v.lastName ?? engine.rows.get(id)!.v.firstName);
    expect(names.sort()).toEqual(['Dan', 'Lungu', 'Pop', 'Rus']);
    await engine.close();
  });

  it('list at most ten lines, then an ellipsis, with the full count', async () => {
    const rows = Array.from({ length: 15 }, (_, index) => `Name${index}`).join('\n');
    const { analysis } = await recordsOf('many.csv', `Last name;City\n${rows}\n`);
    expect(analysis.problems[0].params).toEqual({ count: 15, expected: 2, lines: '2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …' });
  });

  it('a row whose last field is empty but written (`Pop;`) is not short', async () => {
    const { analysis } = await recordsOf('full.csv', 'Last name;City\nPop;\nRus;Cluj\n');
    expect(analysis.problems).toEqual([]);
  });
});

describe('birthdays without a year (vCard BDAY --MM-DD)', () => {
  const CARDS = ['BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Pop\r\nN:Pop;Ana;;;\r\nBDAY:--0310\r\nEND:VCARD\r\n', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rus;Ion;;;\r\nBDAY:1980-01-31\r\nEND:VCARD\r\n', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lungu;Maria;;;\r\nBDAY:--12-24\r\nEND:VCARD\r\n'].join('');

  it('are stored in the birthday field as --MM-DD (the date field keeps a day without a year), with nothing to warn about', async () => {
    const { analysis, records } = await recordsOf('cards.vcf', CARDS);
    expect(records.map((record) => [record.values.birthday ?? null, record.values.notes ?? null])).toEqual([
      ['--03-10', null],
      ['1980-01-31', null],
      ['--12-24', null],
    ]);
    expect(analysis.problems).toEqual([]);
  });

  it('the import stores them so and its report has no warning', async () => {
    const engine = await openTestEngine();
    const file = source('cards.vcf', CARDS);
    const report = await importRecords(engine, { source: file, analysis: await analyzeFile(file), duplicates: 'create' });
    expect(report.created).toBe(3);
    expect(report.createdIds.map((id) => engine.rows.get(id)!.v.birthday)).toEqual(['--03-10', '1980-01-31', '--12-24']);
    expect(report.warnings).toEqual([]);
    await engine.close();
  });
});

describe('columns without a header', () => {
  const HEADERLESS = 'Pop;0722 000 111;12,5\nRus;0733 000 222;7\n';

  it('are named "Column N" in English by default', async () => {
    const { analysis } = await recordsOf('plain.csv', HEADERLESS);
    expect(analysis.hasHeader).toBe(false);
    expect(analysis.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
  });

  it('are named in the language of the messages given (Spanish, Russian), and notes use those names', async () => {
    expect((await recordsOf('plain.csv', HEADERLESS, es)).analysis.headers).toEqual(['Columna 1', 'Columna 2', 'Columna 3']);
    const { analysis, records } = await recordsOf('plain.csv', `${HEADERLESS.replace(/\n/g, ';note\n')}`, ru);
    expect(analysis.headers[3]).toBe('Столбец 4');
    expect(records[0].values.notes).toBe('Столбец 1: Pop\nСтолбец 4: note');
  });

  it('a blank cell in a header row gets the same name', async () => {
    const { analysis, records } = await recordsOf('blank.csv', 'Last name;;City\nPop;x1;Iași\n', es);
    expect(analysis.headers).toEqual(['Last name', 'Columna 2', 'City']);
    expect(records[0].values.notes).toBe('Columna 2: x1');
  });
});
