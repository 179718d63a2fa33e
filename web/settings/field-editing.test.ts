/** The field editor's rules driving the real commands: what the user sees after each step. */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine } from '../engine/test-support';
import type { Engine } from '../engine/engine';
import { addField, deleteField, reorderFields } from '../engine/commands';
import { readFields } from '../schema/org-doc';
import { checkNewField, orderAfterMove } from './field-rules';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const ids = (e: Engine) => readFields(e.org, 'orgs').filter((field) => field.deletedAt === undefined).map((field) => field.id);

describe('field editor on the engine', () => {
  it('moves a new custom field up past a built-in, and Ctrl+Z puts it back', async () => {
    engine = await openTestEngine();
    const staff = await addField(engine, { section: 'orgs', type: 'number', label: 'Staff' }, readFields(engine.org, 'orgs'));
    const before = ids(engine);
    expect(before.at(-1)).toBe(staff);

    await reorderFields(engine, 'orgs', orderAfterMove(readFields(engine.org, 'orgs'), staff, -1)!);
    const after = ids(engine);
    expect(after.slice(-2)).toEqual([staff, before.at(-2)]);
    expect([...after].sort()).toEqual([...before].sort());

    await engine.undo();
    expect(ids(engine)).toEqual(before);
  });

  it('keeps a field pending deletion out of the moves and after the others', async () => {
    engine = await openTestEngine();
    const first = await addField(engine, { section: 'orgs', type: 'text', label: 'First' }, readFields(engine.org, 'orgs'));
    const second = await addField(engine, { section: 'orgs', type: 'text', label: 'Second' }, readFields(engine.org, 'orgs'));
    await deleteField(engine, 'orgs', first);
    expect(orderAfterMove(readFields(engine.org, 'orgs'), first, -1)).toBeNull();

    await reorderFields(engine, 'orgs', orderAfterMove(readFields(engine.org, 'orgs'), second, -1)!);
    const all = readFields(engine.org, 'orgs');
    expect(all.at(-1)!.id).toBe(first);
    expect(ids(engine).at(-2)).toBe(second);
  });

  it('refuses a second field with the name of one pending deletion', async () => {
    engine = await openTestEngine();
    const id = await addField(engine, { section: 'orgs', type: 'text', label: 'Staff' }, readFields(engine.org, 'orgs'));
    await deleteField(engine, 'orgs', id);
    const names = readFields(engine.org, 'orgs').map((field) => field.label ?? field.id);
    expect(checkNewField({ label: 'staff', type: 'text', options: [] }, names)).toBe('duplicateName');
  });
});
