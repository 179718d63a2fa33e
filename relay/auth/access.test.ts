/** The per-document rights table. */
import { describe, expect, it } from 'vitest';
import { accessTo } from './access';
import { parseDocId } from '../sync/doc-ids';
import type { Account, Role } from './roles';

function user(id: string, role: Role, seeOnlyOwn = false, disabled = false): Account {
  return { id, name: id, role, seeOnlyOwn, disabled, createdAt: 0 };
}

function access(u: Account, docId: string) {
  const ref = parseDocId(docId);
  if (!ref) throw new Error(`bad id ${docId}`);
  return accessTo(u, ref);
}

describe('document ids', () => {
  it('accepts org, prefs:<user> and book:<owner>:<n> only', () => {
    expect(parseDocId('org')).toEqual({ kind: 'org' });
    expect(parseDocId('prefs:u1')).toEqual({ kind: 'prefs', userId: 'u1' });
    expect(parseDocId('book:u1:12')).toEqual({ kind: 'book', ownerId: 'u1', shard: 12 });
    for (const bad of ['', 'orgs', 'book:u1', 'book:u1:-1', 'book:u1:01', 'book::0', 'prefs:', 'book:u/1:0', 'book:u1:0:1', 'prefs:a:b']) {
      expect(parseDocId(bad)).toBeNull();
    }
  });
});

describe('access rules', () => {
  it('org: everyone reads, only Administrators write', () => {
    expect(access(user('a', 'admin'), 'org')).toBe('read-write');
    for (const role of ['senior', 'manager', 'viewer'] as const) expect(access(user('x', role), 'org')).toBe('read');
    expect(access(user('x', 'manager', true), 'org')).toBe('read');
  });

  it('prefs:<u>: only u, and u may write his own even as View-only', () => {
    expect(access(user('u1', 'viewer'), 'prefs:u1')).toBe('read-write');
    expect(access(user('a', 'admin'), 'prefs:u1')).toBe('none');
  });

  it('books: owner writes, Administrator and Senior manager write all, Manager reads others, View-only reads', () => {
    expect(access(user('m1', 'manager'), 'book:m1:0')).toBe('read-write');
    expect(access(user('m1', 'manager'), 'book:m2:0')).toBe('read');
    expect(access(user('a', 'admin'), 'book:m2:3')).toBe('read-write');
    expect(access(user('s', 'senior'), 'book:m2:3')).toBe('read-write');
    expect(access(user('v', 'viewer'), 'book:m2:0')).toBe('read');
    expect(access(user('v', 'viewer'), 'book:v:0')).toBe('read');
  });

  it('"see only own" hides every other book, whatever the role', () => {
    expect(access(user('m1', 'manager', true), 'book:m2:0')).toBe('none');
    expect(access(user('m1', 'manager', true), 'book:m1:0')).toBe('read-write');
    expect(access(user('s', 'senior', true), 'book:m2:0')).toBe('none');
    expect(access(user('v', 'viewer', true), 'book:m2:0')).toBe('none');
    expect(access(user('v', 'viewer', true), 'book:v:0')).toBe('read');
  });

  it('a disabled account opens nothing', () => {
    for (const id of ['org', 'prefs:a', 'book:a:0']) expect(access(user('a', 'admin', false, true), id)).toBe('none');
  });
});
