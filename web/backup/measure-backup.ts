/**
 * Measures backup size and speed on a generated base (Node, fake-indexeddb): plain vs gzip
 * size, export, check (parseBackup) and restore times. Figures, not a test:
 *
 *   node --import tsx web/backup/measure-backup.ts [records=10000]
 */
import { performance } from 'node:perf_hooks';
import { openTestEngine } from '../engine/test-support';
import * as commands from '../engine/commands';
import { ClientelaDatabase } from '../storage/database';
import { freshIndexedDB } from '../engine/test-support';
import { encodeBackup, readBackup } from './export-backup';
import { parseBackup } from './parse-backup';
import { restoreBackup } from './restore-backup';

const records = Number(process.argv[2] ?? 10_000);
const CITIES = ['Iași', 'Cluj-Napoca', 'București', 'Madrid', 'Sevilla', 'Москва', 'Санкт-Петербург', 'Chișinău'];
const NAMES = ['Ștefănescu', 'Popescu', 'Núñez', 'García', 'Иванов', 'Петрова', 'Munteanu', 'Rodríguez'];

let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

const engine = await openTestEngine();
const batch = Array.from({ length: records }, (_, index) => ({
  name: `${pick(NAMES)} ${pick(['SRL', 'S.L.', 'ООО', 'SA'])} ${index}`,
  city: pick(CITIES),
  revenue: Math.round(random() * 1e6) / 100,
  phones: [{ kind: 'work', value: `+40 7${Math.floor(random() * 1e8).toString().padStart(8, '0')}` }],
  emails: [{ kind: 'work', value: `office${index}@example.com` }],
  notes: 'Called about the new price list; wants a discount on the second order.',
}));
for (let start = 0; start < batch.length; start += 1000) await commands.createRecords(engine, 'orgs', batch.slice(start, start + 1000));
await engine.flush();

const time = async <T>(body: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await body();
  return [result, Math.round(performance.now() - started)];
};
const [backup, readMs] = await time(() => readBackup(engine.db));
const [plain, plainMs] = await time(() => encodeBackup(backup, { compress: false }));
const [zipped, zipMs] = await time(() => encodeBackup(backup));
const [checked, checkMs] = await time(() => parseBackup(zipped));
const db = new ClientelaDatabase('measure', freshIndexedDB());
const [, restoreMs] = await time(() => restoreBackup(db, checked.backup));
const line = (metric: string, value: number, unit: string) => process.stdout.write(`${JSON.stringify({ metric, size: records, value, unit })}\n`);
line('backup_read_ms', readMs, 'ms');
line('backup_plain_bytes', plain.length, 'bytes');
line('backup_encode_plain_ms', plainMs, 'ms');
line('backup_gzip_bytes', zipped.length, 'bytes');
line('backup_encode_gzip_ms', zipMs, 'ms');
line('backup_check_ms', checkMs, 'ms');
line('backup_restore_ms', restoreMs, 'ms');
await engine.close();
db.close();
