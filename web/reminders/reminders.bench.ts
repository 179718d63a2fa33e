/**
 * Scheduler cost on a big base, in Node: `node --import tsx web/reminders/reminders.bench.ts 1000000`.
 * A quarter each of organizations (contract ends), people (birthdays), events and tasks (reminders).
 */
import * as Y from 'yjs';
import { startReminderScheduler, type SchedulerClock } from './scheduler';
import type { Row } from '../engine/rows';
import type { Engine } from '../engine/engine';
const N = Number(process.argv[2] ?? 1_000_000);
const rows = new Map<string, Row>();
const now0 = Date.parse('2026-05-20T10:00:00Z');
for (let i = 0; i < N; i++) {
  const section = (['orgs', 'people', 'events', 'tasks'] as const)[i % 4];
  const v: Row['v'] = section === 'people' ? { lastName: 'P' + i, birthday: `--${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }
    : section === 'orgs' ? { name: 'O' + i, contractEnd: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15` }
    : { subject: 'E', start: now0 + (i - N / 2) * 10_000, due: now0 + i * 10_000, remind: 15, assignee: 'me', status: i % 3 ? 'done' : 'planned' };
  rows.set('r' + i, { id: 'r' + i, section, shard: 'book:me:0', v, created: 0, updated: 0, by: 'me', seq: 0 });
}
let rowListener: (changed: Row[], removed: string[]) => void = () => {};
const engine = { rows, user: { id: 'me', name: 'Me' }, prefs: new Y.Doc(), onRows: (l: typeof rowListener) => ((rowListener = l), () => {}), onPrefs: () => () => {} } as unknown as Engine;
const timers: (() => void)[] = [];
const clock: SchedulerClock = { now: () => now0, setTimer: (run, ms) => { if (ms === 0) timers.push(run); return 1; }, clearTimer: () => {} };
let evaluations = 0; let dueCount = 0;
let t = performance.now();
const scheduler = startReminderScheduler(engine, { onChange: (s) => { evaluations++; dueCount = s.due.length; } }, clock);
let slices = 1, maxSlice = 0;
while (timers.length) { const s = performance.now(); timers.shift()!(); slices++; maxSlice = Math.max(maxSlice, performance.now() - s); }
console.log(`${N} rows: full build ${Math.round(performance.now() - t)} ms in ${slices} slices (longest ${Math.round(maxSlice)} ms), ${dueCount} due`);
const row = rows.get('r2')!;
t = performance.now();
for (let i = 0; i < 20; i++) { rowListener([{ ...row, v: { ...row.v, subject: 'x' + i } }], []); scheduler.refresh(); }
console.log(`one row changed + evaluation: ${((performance.now() - t) / 20).toFixed(2)} ms`);
