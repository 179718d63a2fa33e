import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../schema/fields';
import { generateBenchRows, seededRandom } from './bench-data';
import { generateBenchQueries } from './bench-queries';
import { rowTerms, type IndexRow } from './row-terms';
import { INDEX_FORMAT_VERSION, SearchIndex } from './search-index';

function row(id: string, section: string, v: Record<string, FieldValue>): IndexRow {
  return { id, section, v };
}

function indexOf(...rows: IndexRow[]): SearchIndex {
  const index = new SearchIndex();
  rows.forEach((entry) => index.upsert(entry));
  return index;
}

const found = (index: SearchIndex, query: string, section = 'orgs'): string[] => [...(index.searchIds(query, section) ?? [])].sort();

const base = indexOf(
  row('stef', 'people', { firstName: 'Ștefan', lastName: 'Ștefănescu', city: 'Iași', phones: [{ kind: 'mobile', value: '+40 (722) 000-111' }] }),
  row('ana-iasi', 'people', { firstName: 'Ana', lastName: 'Popescu', city: 'Iași', emails: [{ kind: 'work', value: 'ana.popescu@gmail.com' }] }),
  row('ana-cluj', 'people', { firstName: 'Ana', lastName: 'Munteanu', city: 'Cluj-Napoca', tags: ['vip', 'angro'] }),
  row('ivan', 'people', { firstName: 'Алексей', lastName: 'Семёнов', city: 'Москва', phones: [{ kind: 'work', value: '8 (495) 123-45-67' }] }),
  row('nunez', 'orgs', { name: 'Núñez Logística S.L.', city: 'Málaga', revenue: 125000, c_fax: '91 555 12 34', org: 'ana-iasi' }),
  row('popescu-org', 'orgs', { name: 'Popescu Construcții SRL', city: 'Iași', notes: 'Factura restantă' }),
);

describe('search index: forgiving text', () => {
  it('finds Ștefănescu by Stefanescu and Iași by Iasi (accents forgiven)', () => {
    expect(found(base, 'Stefanescu', 'people')).toEqual(['stef']);
    expect(found(base, 'Iasi', 'people')).toEqual(['ana-iasi', 'stef']);
  });

  it('ignores case', () => {
    expect(found(base, 'POPESCU', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'núÑEZ')).toEqual(['nunez']);
  });

  it('finds Cyrillic words by prefix, ё typed as е', () => {
    expect(found(base, 'семенов', 'people')).toEqual(['ivan']);
    expect(found(base, 'МОСК', 'people')).toEqual(['ivan']);
  });

  it('forgives one typo in a word of 4+ letters', () => {
    expect(found(base, 'Stefanscu', 'people')).toEqual(['stef']);
    expect(found(base, 'Popesku', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'семенв', 'people')).toEqual(['ivan']);
    expect(found(base, 'Logsitica')).toEqual(['nunez']);
  });

  it('does not guess for short words, and prefers exact prefixes over typos', () => {
    expect(found(base, 'anx', 'people')).toEqual([]);
    // "Ana" prefixes real words, so "Ane…"-like guesses are not added.
    expect(found(base, 'ana', 'people')).toEqual(['ana-cluj', 'ana-iasi']);
  });

  it('matches a 1-letter prefix against every word', () => {
    expect(found(base, 'm', 'people')).toEqual(['ana-cluj']);
    expect(found(base, 'М', 'people')).toEqual(['ivan']);
    expect(found(base, 'a', 'people')).toEqual(['ana-cluj', 'ana-iasi']);
  });

  it('ANDs the words of the query', () => {
    expect(found(base, 'ana iasi', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'iasi ana', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'ana moscow', 'people')).toEqual([]);
  });

  it('searches e-mails, tags, notes and numbers', () => {
    expect(found(base, 'gmail', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'ana.popescu@gm', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'angro', 'people')).toEqual(['ana-cluj']);
    expect(found(base, 'restanta')).toEqual(['popescu-org']);
    expect(found(base, '125000')).toEqual(['nunez']);
  });

  it('does not index record references (ids are not text)', () => {
    expect(found(base, 'ana-iasi')).toEqual([]);
  });

  it('answers null for a blank query', () => {
    expect(base.search('   ', 'people')).toBeNull();
    expect(base.search('-- ,', 'people')).toBeNull();
  });
});

describe('search index: phone numbers', () => {
  it('finds a phone by any run of 3+ of its digits, whatever its formatting', () => {
    for (const run of ['40722000111', '722', '0001', '000111', '2200', '4072']) expect(found(base, run, 'people')).toEqual(['stef']);
    expect(found(base, '4951234567', 'people')).toEqual(['ivan']);
    expect(found(base, '234567', 'people')).toEqual(['ivan']);
  });

  it('accepts a query typed with the number formatting', () => {
    expect(found(base, '722 000 111', 'people')).toEqual(['stef']);
    expect(found(base, '(722) 000-1', 'people')).toEqual(['stef']);
    expect(found(base, '+40 722', 'people')).toEqual(['stef']);
    expect(found(base, '123-45-67', 'people')).toEqual(['ivan']);
  });

  it('finds a whole number typed in national form when stored in international form, and the reverse', () => {
    const index = indexOf(
      row('ro', 'people', { phones: [{ kind: 'mobile', value: '+40 722 000 111' }] }),
      row('es', 'people', { phones: [{ kind: 'mobile', value: '612 345 678' }] }),
      row('ru', 'people', { phones: [{ kind: 'mobile', value: '+7 (916) 123-45-67' }] }),
      row('local', 'people', { phones: [{ kind: 'home', value: '0232 111 222' }] }),
    );
    expect(found(index, '0722 000 111', 'people')).toEqual(['ro']);
    expect(found(index, '0722000111', 'people')).toEqual(['ro']);
    expect(found(index, '+34 612 345 678', 'people')).toEqual(['es']);
    expect(found(index, '0034612345678', 'people')).toEqual(['es']);
    expect(found(index, '8 916 123 45 67', 'people')).toEqual(['ru']);
    expect(found(index, '+40 232 111 222', 'people')).toEqual(['local']);
    expect(found(index, '0612345678', 'people')).toEqual(['es']);
    // Short runs are not widened: "0612" is not "612".
    expect(found(index, '0612', 'people')).toEqual([]);
  });

  it('finds phone-like values of custom text fields too', () => {
    expect(found(base, '5551234')).toEqual(['nunez']);
  });

  it('does not match digits across two different numbers', () => {
    const index = indexOf(row('two', 'people', { phones: [{ kind: 'mobile', value: '111 222' }, { kind: 'home', value: '333 444' }] }));
    expect(found(index, '222333', 'people')).toEqual([]);
    expect(found(index, '2223', 'people')).toEqual([]);
    expect(found(index, '1222', 'people')).toEqual(['two']);
  });
});

describe('search index: sections, updates and removals', () => {
  it('returns only rows of the asked section', () => {
    expect(found(base, 'popescu', 'people')).toEqual(['ana-iasi']);
    expect(found(base, 'popescu', 'orgs')).toEqual(['popescu-org']);
    expect(found(base, 'popescu', 'notes')).toEqual([]);
  });

  it('an updated row is found by its new text only', () => {
    const index = indexOf(row('x', 'orgs', { name: 'Alfa Tabac', phones: [{ kind: 'work', value: '0722 123 456' }] }));
    index.upsert(row('x', 'orgs', { name: 'Beta Mobilă', phones: [{ kind: 'work', value: '0744 999 888' }] }));
    expect(found(index, 'alfa')).toEqual([]);
    expect(found(index, '123456')).toEqual([]);
    expect(found(index, 'mobila')).toEqual(['x']);
    expect(found(index, '999888')).toEqual(['x']);
    expect(index.size).toBe(1);
  });

  it('a row moved to another section is found there only', () => {
    const index = indexOf(row('x', 'orgs', { name: 'Gamma' }));
    index.upsert(row('x', 'links', { title: 'Gamma' }));
    expect(found(index, 'gamma', 'orgs')).toEqual([]);
    expect(found(index, 'gamma', 'links')).toEqual(['x']);
  });

  it('a removed row is not found, and the others still are', () => {
    const index = indexOf(row('a', 'orgs', { name: 'Delta Uno', phones: [{ kind: 'work', value: '111 222 333' }] }), row('b', 'orgs', { name: 'Delta Dos' }));
    index.remove('a');
    index.remove('unknown');
    expect(found(index, 'delta')).toEqual(['b']);
    expect(found(index, 'uno')).toEqual([]);
    expect(found(index, '222333')).toEqual([]);
    expect(index.has('a')).toBe(false);
    expect(index.size).toBe(1);
  });

  it('a row keeps its slot when updated, so the client slot table stays valid', () => {
    const index = indexOf(row('a', 'orgs', { name: 'Uno' }));
    expect(index.takeAssignedSlots()).toEqual([0]);
    index.upsert(row('a', 'orgs', { name: 'Dos' }));
    index.upsert(row('b', 'orgs', { name: 'Tres' }));
    expect(index.takeAssignedSlots()).toEqual([1]);
    expect(index.slotTable()).toEqual(['a', 'b']);
  });
});

describe('search index: large batches', () => {
  it('a batch applied in one pass answers as the same edits applied row by row', () => {
    const rows = generateBenchRows(400, 21);
    const edits = generateBenchRows(400, 22).slice(0, 150).map((donor, n) => ({ ...donor, id: rows[n * 2].id }));
    const removed = rows.slice(300, 360).map((entry) => entry.id);
    const added = generateBenchRows(30, 23);
    const stepwise = indexOf(...rows);
    removed.forEach((id) => stepwise.remove(id));
    [...edits, ...added].forEach((entry) => stepwise.upsert(entry));
    for (const loadedFirst of [false, true]) {
      let bulk = indexOf(...rows);
      if (loadedFirst) bulk = SearchIndex.load(structuredClone(bulk.serialize(1)))!;
      bulk.applyBatch([...edits, ...added], removed, 10);
      expect(bulk.size).toBe(stepwise.size);
      for (const query of generateBenchQueries([...rows, ...added], 300, 4)) {
        expect(found(bulk, query.text, query.section), query.text).toEqual(found(stepwise, query.text, query.section));
      }
      // Later single edits still work on the rewritten postings.
      bulk.upsert({ ...edits[0], v: { name: 'Omega Final' } });
      expect(found(bulk, 'omega', edits[0].section)).toEqual([edits[0].id]);
    }
  });
});

describe('search index: persisted form', () => {
  const rows = generateBenchRows(3000, 5);
  const queries = generateBenchQueries(rows, 300, 9);

  it('a loaded index answers every query as the original does', () => {
    const original = indexOf(...rows);
    const loaded = SearchIndex.load(structuredClone(original.serialize(42)))!;
    expect(loaded).not.toBeNull();
    for (const query of queries) expect(found(loaded, query.text, query.section), query.text).toEqual(found(original, query.text, query.section));
    expect(loaded.size).toBe(rows.length);
  });

  it('a loaded index takes updates and removals, and reuses freed slots only after a reload', () => {
    const original = indexOf(...rows.slice(0, 10));
    original.remove(rows[3].id);
    const loaded = SearchIndex.load(structuredClone(original.serialize(1)))!;
    expect(loaded.slotTable()[3]).toBe('');
    loaded.upsert({ ...rows[5], v: { name: 'Zeta Nueva' } });
    loaded.remove(rows[6].id);
    loaded.upsert(row('new', 'orgs', { name: 'Zeta Otra' }));
    expect(loaded.takeAssignedSlots()).toEqual([3]);
    expect(found(loaded, 'zeta')).toEqual([rows[5].id, 'new'].sort());
    expect(loaded.has(rows[6].id)).toBe(false);
  });

  it('refuses a persisted form of another format version', () => {
    const stored = indexOf(...rows.slice(0, 5)).serialize(1);
    expect(SearchIndex.load({ ...stored, format: INDEX_FORMAT_VERSION + 1 })).toBeNull();
    expect(SearchIndex.load({ ...stored, counts: stored.counts.subarray(1) })).toBeNull();
  });
});

describe('search index: convergence', () => {
  /** What the index must answer for prefix and phone queries, computed the slow, obvious way. */
  function bruteForce(rows: Map<string, IndexRow>, query: string, section: string): string[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const ids: string[] = [];
    for (const entry of rows.values()) {
      if (entry.section !== section) continue;
      const { terms, phones } = rowTerms(entry);
      const matches = (word: string): boolean => terms.some((term) => term.startsWith(word)) || (/^\d{3,}$/.test(word) && phones.split(' ').some((digits) => digits.includes(word)));
      if (words.every(matches)) ids.push(entry.id);
    }
    return ids.sort();
  }

  it('after random seeded edits the index answers as the projection says, and as a fresh rebuild', () => {
    const random = seededRandom(2024);
    const pool = generateBenchRows(600, 11);
    const model = new Map<string, IndexRow>();
    let index = new SearchIndex();
    let checked = 0;
    for (let step = 0; step < 1500; step++) {
      const roll = random.next();
      const target = pool[random.int(pool.length)];
      if (roll < 0.55) {
        const donor = pool[random.int(pool.length)];
        const next = row(target.id, random.next() < 0.1 ? donor.section : target.section, donor.v);
        model.set(next.id, next);
        index.upsert(next);
      } else if (roll < 0.8) {
        model.delete(target.id);
        index.remove(target.id);
      } else if (roll < 0.85) {
        index = SearchIndex.load(structuredClone(index.serialize(step)))!;
      } else {
        const query = generateBenchQueries([target], 1, step)[0];
        if (!query) continue;
        const exact = query.text.split(/\s+/).every((word) => /^[a-z0-9]+$/.test(word));
        if (exact && model.size > 0) {
          const expected = bruteForce(model, query.text, query.section);
          if (expected.length > 0) {
            expect(found(index, query.text, query.section), query.text).toEqual(expected);
            checked++;
          }
        }
      }
    }
    const rebuilt = indexOf(...model.values());
    for (const query of generateBenchQueries(pool, 400, 3)) {
      expect(found(index, query.text, query.section), query.text).toEqual(found(rebuilt, query.text, query.section));
    }
    expect(index.size).toBe(model.size);
    expect(checked).toBeGreaterThan(20);
  });
});
