/**
 * `npm run relay -- import`: the CLI as a child process on corpus files, then the relay started on the same data
 * folder and the book read over the HTTP API, as a device would fetch it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { CORPUS_DIR } from '../../web/import/corpus-reader';
import { acquireDataLock } from '../data-lock';
import { api, makeAdmin, makeUser, removeTempDataDirs, startRelay, tempDataDir, type RelayProcess, type TestUser } from './harness';

const REPO = join(import.meta.dirname, '..', '..');
const PHONEBOOK = `${CORPUS_DIR}csv/ru_phonebook_excel_cp1251_semicolon_crlf.csv`;

let dataDir: string;
let relay: RelayProcess | null = null;
let anna: TestUser;
let vera: TestUser;
let bob: TestUser;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `relay/cli.ts import ...` as its own process, like `npm run relay -- import ...`. */
function runImport(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'relay/cli.ts', 'import', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every logged update, so a test can say nothing was written. */
function loggedUpdates(): number {
  const db = new Database(join(dataDir, 'relay.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The records of a book as a device fetches them (GET /api/docs/state). */
async function bookRecords(running: RelayProcess, user: TestUser): Promise<Map<string, Record<string, unknown>>> {
  const response = await fetch(`${running.httpUrl}/api/docs/state?doc=${encodeURIComponent(`book:${user.id}:0`)}`, { headers: { authorization: `Bearer ${user.token}` } });
  expect(response.status).toBe(200);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  const records = new Map<string, Record<string, unknown>>();
  doc.getMap<Y.Map<unknown>>('records').forEach((record, id) => records.set(id, record.toJSON()));
  return records;
}

beforeAll(async () => {
  dataDir = tempDataDir();
  relay = await startRelay({ dataDir });
  const admin = await makeAdmin(relay);
  anna = await makeUser(relay, admin, 'anna@office.example', 'manager');
  vera = await makeUser(relay, admin, 'vera', 'viewer');
  bob = await makeUser(relay, admin, 'bob', 'manager');
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  removeTempDataDirs();
});

describe('relay import: refusals change nothing', () => {
  it('refuses with exit code 1 while the relay serving the folder runs, and says to stop it; a dry run still reports', async () => {
    const before = loggedUpdates();
    const refused = await runImport(PHONEBOOK, '--into', anna.name, '--data', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The relay is running on ${dataDir}`);
    expect(refused.stderr).toContain('stop it first');
    const dry = await runImport(PHONEBOOK, '--into', anna.name, '--data', dataDir, '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing written)');
    expect(dry.stdout).toContain('created: 11 (2 of them organizations');
    expect(loggedUpdates()).toBe(before);
    await relay!.stop();
    relay = null;
  }, 60_000);

  it('a bad file (zero bytes, a ragged row, a missing file) gets exit code 1, the problem and its line, and nothing is written', async () => {
    const before = loggedUpdates();
    const empty = await runImport(`${CORPUS_DIR}malformed/real_zero_bytes.csv`, '--into', anna.name, '--data', dataDir);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/real_zero_bytes\.csv: the file cannot be imported, nothing was written:\n {2}\S/);
    const ragged = await runImport(`${CORPUS_DIR}malformed/real_ragged_row_4col_header_29col_row.csv`, '--into', anna.name, '--data', dataDir);
    expect(ragged.code).toBe(1);
    expect(ragged.stderr).toContain('Line 2 has 29 fields, but the header has 4.');
    expect(ragged.stderr).toContain('--accept-partial');
    const missing = await runImport(join(dataDir, 'no-such-file.csv'), '--into', anna.name, '--data', dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.csv: cannot read the file (ENOENT)');
    expect(loggedUpdates()).toBe(before);
  }, 60_000);

  it('an unknown account or a View-only one is refused with exit code 1, naming it; wrong arguments exit with 2 and the usage', async () => {
    const before = loggedUpdates();
    const unknown = await runImport(PHONEBOOK, '--into', 'nobody@office.example', '--data', dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account "nobody@office.example" on this relay');
    const viewer = await runImport(PHONEBOOK, '--into', vera.id, '--data', dataDir);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain('The account "vera" is View only');
    const usage = await runImport(PHONEBOOK, '--data', dataDir, '--duplicates', 'maybe');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--into is required');
    expect(usage.stderr).toContain('--duplicates must be create, skip or merge, got "maybe"');
    expect(loggedUpdates()).toBe(before);
  }, 60_000);
});

describe('relay import: the records are normal book records', () => {
  let batch = '';

  it('imports the Windows-1251 ";" phonebook into the account named by its sign-in name and prints the report', async () => {
    const run = await runImport(PHONEBOOK, '--into', anna.name, '--data', dataDir, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ format: 'csv', encoding: 'windows-1251', records: 9, created: 11, createdOrgs: 2, merged: 0, skipped: [], user: { id: anna.id, name: anna.name } });
    expect(report.written).toEqual([{ docId: `book:${anna.id}:0`, seq: 1 }]);
    batch = report.batch;
  }, 60_000);

  it('a second run with --duplicates skip skips every record, listing each line and why', async () => {
    const run = await runImport(PHONEBOOK, '--into', anna.id, '--data', dataDir, '--duplicates', 'skip');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created: 0');
    expect(run.stdout).toContain('skipped: 9');
    expect(run.stdout).toMatch(/ {4}line 2: .+/);
    expect(run.stdout).not.toContain('wrote ');
  }, 60_000);

  it('the format comes from the content (XLSX bytes named .csv), and --accept-partial imports the good rows and lists the bad line as skipped', async () => {
    const disguised = await runImport(`${CORPUS_DIR}malformed/derived_xlsx_bytes_named_csv.csv`, '--into', bob.name, '--data', dataDir, '--dry-run');
    expect(disguised.code).toBe(0);
    expect(disguised.stdout).toMatch(/^Dry run \(nothing written\): .*derived_xlsx_bytes_named_csv\.csv \(xlsx, 2 records\)/);
    const ragged = join(dataDir, 'ragged.csv');
    writeFileSync(ragged, 'First name,Last name,Phone\r\nAna,Pop,0722 111 222\r\nBad,row,1,2,3\r\nIon,Rus,0733 444 555\r\n');
    const partial = await runImport(ragged, '--into', bob.name, '--data', dataDir, '--accept-partial', '--json');
    expect(partial.stderr).toBe('');
    expect(partial.code).toBe(0);
    const report = JSON.parse(partial.stdout);
    expect(report.skipped).toEqual([{ line: 3, record: 2, reason: 'problem', message: 'Line 3 has 5 fields, but the header has 3.' }]);
    expect(report.created).toBe(2);
    expect(report.written).toEqual([{ docId: `book:${bob.id}:0`, seq: 1 }]);
  }, 60_000);

  it('a serve started while an import holds the folder refuses to start', async () => {
    const release = acquireDataLock(dataDir, 'import');
    try {
      await expect(startRelay({ dataDir })).rejects.toThrow(/Another command \("import", pid \d+\) is working on/);
    } finally {
      release();
    }
  }, 60_000);

  it('the relay started afterwards serves them with the app\'s META keys and $batch, people linked to their organizations, and its duplicate index finds them', async () => {
    relay = await startRelay({ dataDir });
    const records = await bookRecords(relay, anna);
    const all = [...records.values()];
    expect(all).toHaveLength(11);
    for (const record of all) expect(record).toMatchObject({ $batch: batch, $by: anna.id, $created: expect.any(Number), $updated: expect.any(Number) });
    const people = all.filter((record) => record.$section === 'people');
    const orgs = [...records].filter(([, record]) => record.$section === 'orgs');
    expect(people).toHaveLength(9);
    expect(orgs.map(([, record]) => record.name).sort()).toEqual(['Минфин', 'ФНС']);
    const usoltsev = people.find((record) => record.lastName === 'Усольцев')!;
    expect(usoltsev).toMatchObject({ firstName: 'Олег Валентинович', phones: [{ value: '+7 (495) 913-04-78' }], emails: [{ value: 'opendata@nalog.ru' }] });
    expect(records.get(String(usoltsev.org))?.name).toBe('ФНС');
    const duplicates = await api(relay, 'POST', '/api/duplicates', { phone: '8 (495) 913-04-78' }, vera.token);
    expect(duplicates.body).toEqual({ matches: [{ ownerName: anna.name }] });
    const audit = await api(relay, 'GET', `/api/audit?doc=${encodeURIComponent(`book:${anna.id}:0`)}`, undefined, anna.token);
    expect(audit.body.entries.map((entry: { userId: string }) => entry.userId)).toEqual(['relay']);
  }, 60_000);

  it('--duplicates merge fills the records already there instead of adding new ones; a vCard photo goes to the relay\'s blob store', async () => {
    await relay!.stop();
    relay = null;
    const merge = await runImport(PHONEBOOK, '--into', anna.name, '--data', dataDir, '--duplicates', 'merge', '--json');
    expect(merge.code).toBe(0);
    const merged = JSON.parse(merge.stdout);
    expect(merged.created).toBe(0);
    expect(merged.duplicates.every((found: { outcome: string }) => found.outcome === 'merged')).toBe(true);
    const card = await runImport(`${CORPUS_DIR}vcf/v40_data_uri_photo_jpeg.vcf`, '--into', bob.name, '--data', dataDir, '--json');
    expect(card.code).toBe(0);
    expect(JSON.parse(card.stdout).created).toBeGreaterThan(0);
    relay = await startRelay({ dataDir });
    expect((await bookRecords(relay, anna)).size).toBe(11);
    const photos = [...(await bookRecords(relay, bob)).values()].map((record) => record.photo).filter((photo): photo is string => typeof photo === 'string');
    expect(photos).toHaveLength(1);
    const blob = await fetch(`${relay.httpUrl}/api/blobs/${photos[0]}?doc=${encodeURIComponent(`book:${bob.id}:0`)}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(blob.status).toBe(200);
    expect([...new Uint8Array(await blob.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);
  }, 60_000);
});
