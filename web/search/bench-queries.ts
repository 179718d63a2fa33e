/**
 * Keystroke queries for the search benches, drawn from real rows: what the quick-search box
 * receives one key at a time (1–5 letter prefixes of real words, typed with or without
 * accents), runs of phone digits, and words with one typo. No Node-only imports.
 */
import type { Row } from '../engine/rows';
import type { SectionId } from '../schema/fields';
import { seededRandom, type Random } from './bench-data';

/** One bench query: the text typed and the section whose table is on screen. */
export interface BenchQuery {
  text: string;
  section: SectionId;
}

const stripAccents = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function wordsOf(row: Row): string[] {
  const words: string[] = [];
  for (const value of Object.values(row.v)) {
    if (typeof value === 'string' && !/^org\d/.test(value)) words.push(...value.split(/[^\p{L}\p{N}]+/u));
  }
  return words.filter((word) => word.length >= 3 && !/\d/.test(word));
}

function phoneDigitsOf(row: Row): string[] {
  const phones = row.v.phones;
  if (!Array.isArray(phones)) return [];
  return phones.flatMap((phone) => (typeof phone === 'object' && phone ? [phone.value.replace(/\D+/g, '')] : []));
}

/** The word with one edit: a letter dropped, doubled, swapped with the next, or replaced. */
export function misspell(random: Random, word: string): string {
  const at = 1 + random.int(Math.max(1, word.length - 2));
  switch (random.int(4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at - 1) + (word[at] ?? '') + word[at - 1] + word.slice(at + 1);
    default:
      return word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1);
  }
}

/**
 * `count` queries from `rows` and `seed`: 60% prefixes (typing a word yields all its prefixes
 * of 1..n letters, n ≤ 5, 70% of words typed without accents), 20% phone digit runs of 3–7
 * digits, 20% whole words (≥ 5 letters) with one typo.
 */
export function generateBenchQueries(rows: readonly Row[], count = 1000, seed = 7): BenchQuery[] {
  const random = seededRandom(seed);
  const queries: BenchQuery[] = [];
  let attempts = 0;
  while (queries.length < count && attempts++ < count * 100) {
    const row = random.pick(rows);
    const roll = random.next();
    if (roll < 0.2) {
      const numbers = phoneDigitsOf(row);
      if (numbers.length === 0) continue;
      const digits = random.pick(numbers);
      const length = 3 + random.int(5);
      const start = random.int(Math.max(1, digits.length - length));
      queries.push({ text: digits.slice(start, start + length), section: row.section });
      continue;
    }
    const words = wordsOf(row);
    if (words.length === 0) continue;
    const word = random.pick(words);
    if (roll < 0.4) {
      if (word.length < 5) continue;
      queries.push({ text: stripAccents(misspell(random, word)).toLowerCase(), section: row.section });
      continue;
    }
    const typed = random.next() < 0.7 ? stripAccents(word).toLowerCase() : word;
    const longest = 1 + random.int(5);
    for (let length = 1; length <= Math.min(longest, typed.length) && queries.length < count; length++) {
      queries.push({ text: typed.slice(0, length), section: row.section });
    }
  }
  return queries;
}
