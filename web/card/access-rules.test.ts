/** Who may edit, add and hand over records, decided from the account and the relay's rights on each shard. */
import { describe, expect, it } from 'vitest';
import { canCreateRecords, canEditAll, canEditRecord, handOverTargets, mayHandOver, ownerOfShard, type Viewer } from './access-rules';

const admin: Viewer = { role: 'admin', seeOnlyOwn: false };
const senior: Viewer = { role: 'senior', seeOnlyOwn: false };
const manager: Viewer = { role: 'manager', seeOnlyOwn: false };
const ownOnlyManager: Viewer = { role: 'manager', seeOnlyOwn: true };
const ownOnlySenior: Viewer = { role: 'senior', seeOnlyOwn: true };
const viewer: Viewer = { role: 'viewer', seeOnlyOwn: false };
const compare = (a: string, b: string) => a.localeCompare(b);

describe('read-only decisions', () => {
  it('a View-only user edits nothing, even a shard the device has no rights listed for', () => {
    expect(canEditRecord(viewer, true)).toBe(false);
    expect(canCreateRecords(viewer, true)).toBe(false);
    expect(canEditAll(viewer, [], () => true)).toBe(false);
  });

  it('a record in a shard the relay shares read-only is not editable, whatever the role', () => {
    for (const who of [admin, senior, manager, null]) expect(canEditRecord(who, false)).toBe(false);
  });

  it('a writable shard is editable by every role but View-only, and on the local base', () => {
    for (const who of [admin, senior, manager, ownOnlyManager, null]) expect(canEditRecord(who, true)).toBe(true);
  });

  it('Delete on a selection needs write access to every shard of it', () => {
    const writable = new Set(['book:me:0']);
    const canWrite = (docId: string) => writable.has(docId);
    expect(canEditAll(manager, ['book:me:0', 'book:me:0'], canWrite)).toBe(true);
    expect(canEditAll(manager, ['book:me:0', 'book:ann:0'], canWrite)).toBe(false);
  });
});

describe('who may hand a client over', () => {
  it('Administrators and Senior managers who may write the source shard', () => {
    expect(mayHandOver(admin, true)).toBe(true);
    expect(mayHandOver(senior, true)).toBe(true);
    expect(mayHandOver(admin, false)).toBe(false);
  });

  it('never a Manager (the relay refuses his writes to a colleague\'s book), a View-only user or the local base', () => {
    expect(mayHandOver(manager, true)).toBe(false);
    expect(mayHandOver(ownOnlyManager, true)).toBe(false);
    expect(mayHandOver(viewer, true)).toBe(false);
    expect(mayHandOver(null, true)).toBe(false);
  });

  it('never a "see only own" senior: colleagues\' books are not even sent to him', () => {
    expect(mayHandOver(ownOnlySenior, true)).toBe(false);
  });
});

describe('hand-over targets', () => {
  const names = new Map([
    ['u-ann', 'Ann'],
    ['u-bob', 'Bob'],
    ['u-vic', 'Vic'],
    ['u-adm', 'Zoe admin'],
  ]);

  it('without the accounts list (a senior): every named user but the current owner, by name', () => {
    expect(handOverTargets(names, 'u-bob', null, compare).map((target) => target.name)).toEqual(['Ann', 'Vic', 'Zoe admin']);
  });

  it('with the accounts list (an admin): View-only and disabled accounts are left out', () => {
    const accounts = [
      { id: 'u-ann', name: 'Ann', role: 'manager' as const, disabled: false },
      { id: 'u-bob', name: 'Bob', role: 'manager' as const, disabled: true },
      { id: 'u-vic', name: 'Vic', role: 'viewer' as const, disabled: false },
      { id: 'u-adm', name: 'Zoe admin', role: 'admin' as const, disabled: false },
      { id: 'u-new', name: 'Newcomer', role: 'senior' as const, disabled: false },
    ];
    expect(handOverTargets(names, 'u-ann', accounts, compare)).toEqual([
      { id: 'u-new', name: 'Newcomer' },
      { id: 'u-adm', name: 'Zoe admin' },
    ]);
  });

  it('the owner of a record is read from its shard id', () => {
    expect(ownerOfShard('book:u-ann:3')).toBe('u-ann');
    expect(ownerOfShard('org')).toBeNull();
  });
});
