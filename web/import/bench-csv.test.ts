import { describe, expect, it } from 'vitest';
import { BENCH_HEADER, benchCsvChunks, benchSource } from './bench-csv';
import { DuplicateIndex, duplicateKeys } from './duplicate-keys';
import { analyzeFile, readRecords } from './read-file';

const text = (rows: number, seed?: number) => [...benchCsvChunks(rows, seed, 7)].map((chunk) => new TextDecoder().decode(chunk)).join('');

describe('benchmark CSV generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(text(50, 1)).toBe(text(50, 1));
    expect(text(50, 1)).not.toBe(text(50, 2));
  });
  it('holds quoted fields, line breaks in notes, Cyrillic and diacritics', () => {
    const sample = text(200);
    expect(sample.startsWith(`${BENCH_HEADER}\r\n`)).toBe(true);
    expect(sample).toMatch(/"Звонок \d+\nRevenire: „da”, said ""maybe"""/);
    expect(sample).toMatch(/Ştefănescu|Иванова/);
  });
  it('reads back as exactly N records through the import engine', async () => {
    const source = benchSource(3000);
    const analysis = await analyzeFile(source);
    expect(analysis).toMatchObject({ records: 3000, problems: [] });
    let count = 0;
    let withBreak = 0;
    for await (const batch of readRecords(source, analysis)) {
      count += batch.length;
      withBreak += batch.filter((record) => String(record.values.notes).includes('\n')).length;
    }
    expect(count).toBe(3000);
    expect(withBreak).toBeGreaterThan(500);
  });
  it('is realistic about duplicates: under 1% of 20,000 rows match an earlier row (phone, e-mail, name + city), and a few do', async () => {
    const source = benchSource(20_000);
    const analysis = await analyzeFile(source);
    expect(analysis.mapping?.targets.filter((target) => target.kind === 'field' && target.field === 'phones')).toHaveLength(1);
    const index = new DuplicateIndex<number>();
    let duplicates = 0;
    for await (const batch of readRecords(source, analysis)) {
      for (const record of batch) {
        const keys = duplicateKeys(record.section, record.values);
        if (index.match(keys).length) duplicates++;
        index.add(keys, record.record);
      }
    }
    expect(duplicates).toBeGreaterThan(20);
    expect(duplicates).toBeLessThan(200);
  });
});
