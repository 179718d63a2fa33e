import { describe, expect, it } from 'vitest';
import { CollationRanks } from './collation';
import { seededRandom } from './test-rows';

describe('collation ranks: sort strings once, compare integers after', () => {
  it('ranks follow the Romanian collation (ș after s, ă after a)', () => {
    const ranks = new CollationRanks(new Intl.Collator('ro').compare);
    ranks.add(['Suceava', 'Ștefănescu', 'Tulcea', 'Arad', 'Ăla', 'Bacău']);
    expect(ranks.sorted).toEqual(['Arad', 'Ăla', 'Bacău', 'Suceava', 'Ștefănescu', 'Tulcea']);
    expect(ranks.rank('Ștefănescu')).toBe(4);
    expect(ranks.rank('missing')).toBe(-1);
  });

  it('adding new strings later gives the same order as sorting everything at once', () => {
    const random = seededRandom(11);
    const words = Array.from({ length: 400 }, () => Math.floor(random() * 1e6).toString(36));
    const compare = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
    const incremental = new CollationRanks(compare);
    for (let i = 0; i < words.length; i += 37) incremental.add(words.slice(i, i + 37));
    const once = new CollationRanks(compare);
    once.add(words);
    expect(incremental.sorted).toEqual(once.sorted);
    for (const word of words) expect(incremental.rank(word)).toBe(once.sorted.indexOf(word));
  });

  it('strings equal under the collator (case) keep distinct, adjacent ranks', () => {
    const ranks = new CollationRanks(new Intl.Collator('en', { sensitivity: 'base' }).compare);
    ranks.add(['iasi', 'Iasi', 'Arad']);
    expect(ranks.sorted[0]).toBe('Arad');
    expect(new Set([ranks.rank('iasi'), ranks.rank('Iasi')])).toEqual(new Set([1, 2]));
  });

  it('a merge replaces the sorted array, so indexes built from the old one stay valid', () => {
    const ranks = new CollationRanks((a, b) => a.localeCompare(b));
    ranks.add(['b']);
    const before = ranks.sorted;
    ranks.add(['a']);
    expect(before).toEqual(['b']);
    expect(ranks.sorted).toEqual(['a', 'b']);
  });
});

describe('collation: the folded presort never changes the collator order', () => {
  it('strings in Romanian, Spanish and Russian end in exactly the collator order', async () => {
    const { presortByFoldedText } = await import('./collation');
    const words = ['Ștefan', 'stefan', 'Șt', 'Zorro', 'ñandú', 'Nube', 'Ёлка', 'Елена', 'ель', 'Ábaco', 'abaco', 'Grup 10', 'Grup 9', '+40 722', '0722', 'Иван', 'ivan', 'Țară', 'Tara', 'Ñu', 'Nu'];
    for (const language of ['ro', 'es', 'ru', 'en']) {
      const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
      const total = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
      expect(presortByFoldedText([...words]).sort(total), language).toEqual([...words].sort(total));
    }
  });
});
