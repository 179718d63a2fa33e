import { describe, expect, it } from 'vitest';
import { matchByName, refCandidate } from './ref-search';

const compare = new Intl.Collator('ro', { sensitivity: 'base' }).compare;
const orgs = ['Ștefănescu Trade SRL', 'Stejar Impex', 'Arcada Ștefan', 'Ромашка ООО', 'Beta Steel', 'Iași Mobila'].map((name, index) => refCandidate(`o${index}`, name));

describe('ref picker: searching organizations by name', () => {
  it('forgives accents and case: "stef" finds Ștefănescu', () => {
    expect(matchByName(orgs, 'stef', 8, compare).map((match) => match.name)).toEqual(['Ștefănescu Trade SRL', 'Arcada Ștefan']);
  });
  it('names starting with the query come before names containing it', () => {
    expect(matchByName(orgs, 'ste', 8, compare).map((match) => match.name)).toEqual(['Stejar Impex', 'Ștefănescu Trade SRL', 'Arcada Ștefan', 'Beta Steel']);
  });
  it('finds Cyrillic names', () => {
    expect(matchByName(orgs, 'ром', 8, compare).map((match) => match.id)).toEqual(['o3']);
  });
  it('a blank query lists nothing', () => {
    expect(matchByName(orgs, '  ', 8, compare)).toEqual([]);
  });
  it('returns at most `limit` matches, the first ones in collation order, from a large list', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const many = Array.from({ length: 5000 }, (_, index) => refCandidate(`r${index}`, `Firma ${Math.floor(random() * 1e6)}`));
    const result = matchByName(many, 'firma', 8, compare);
    const expected = [...many].sort((a, b) => compare(a.name, b.name)).slice(0, 8);
    expect(result.map((match) => match.name)).toEqual(expected.map((match) => match.name));
  });
});
