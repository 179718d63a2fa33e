import { describe, expect, it } from 'vitest';
import { previewRows } from './preview';
import { analyzeFile } from './read-file';
import { bytesSource } from './source';

describe('preview: exactly what will be stored per cell', () => {
  it('each cell shows its field and converted value; unreadable values show their notes line', async () => {
    const source = bytesSource('t.csv', new TextEncoder().encode('Nume;Telefon;Data nașterii;Cod poștal\nPop;0722 000 111;31.12.1990;010101\nRus Ion;+40 733;not a date;020202\n'));
    const analysis = await analyzeFile(source);
    const [first, second] = await previewRows(source, analysis);
    expect(first.cells.map((cell) => cell.stored)).toEqual([
      { lastName: 'Pop' },
      { phones: [{ kind: 'other', value: '0722 000 111' }] },
      { birthday: '1990-12-31' },
      { notes: 'Cod poștal: 010101' },
    ]);
    expect(second.cells[2].stored).toEqual({ notes: 'Data nașterii: not a date' });
    expect(first.result.values).toMatchObject({ birthday: '1990-12-31', phones: [{ kind: 'other', value: '0722 000 111' }] });
    expect(first.cells[3].raw).toBe('010101');
  });
});
