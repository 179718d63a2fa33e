import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTestEngine } from '../engine/test-support';
import * as commands from '../engine/commands';
import { SCHEMA_VERSION } from '../engine/migrations';
import { sha256Hex } from '../blobs/blob-store';
import { bytesToBase64 } from './base64';
import { encodeBackup, readBackup } from './export-backup';
import { gzip } from './gzip';
import { parseBackup } from './parse-backup';
import { BackupError, type BackupErrorCode } from './backup-format';

type FileJson = {
  version: number;
  schemaVersion: number;
  docs: { id: string; sha256: string; update: string }[];
  blobs: { hash: string; type: string; size: number; created: number; data: string }[];
  [key: string]: unknown;
};

let plainText = '';

beforeAll(async () => {
  const engine = await openTestEngine();
  await commands.createRecords(engine, 'orgs', [{ name: 'Alfa SRL', city: 'Cluj' }, { name: 'Beta SL', city: 'Madrid' }]);
  const photo = new TextEncoder().encode('photo bytes');
  await engine.db.blobs.put({ hash: await sha256Hex(photo), type: 'image/jpeg', size: photo.length, data: photo, created: 5 });
  await engine.flush();
  plainText = new TextDecoder().decode(await encodeBackup(await readBackup(engine.db), { compress: false }));
  await engine.close();
});

function validFile(): FileJson {
  return JSON.parse(plainText) as FileJson;
}

function bytesOf(file: FileJson | string): Uint8Array {
  return new TextEncoder().encode(typeof file === 'string' ? file : JSON.stringify(file));
}

async function withDocBytes(file: FileJson, index: number, bytes: Uint8Array): Promise<FileJson> {
  file.docs[index] = { id: file.docs[index].id, sha256: await sha256Hex(bytes), update: bytesToBase64(bytes) };
  return file;
}

async function failure(bytes: Uint8Array): Promise<BackupError> {
  const error = await parseBackup(bytes).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

async function expectFailure(bytes: Uint8Array, code: BackupErrorCode, params: Record<string, unknown> = {}): Promise<BackupError> {
  const error = await failure(bytes);
  expect(error.code, error.message).toBe(code);
  expect(error.params).toMatchObject(params);
  return error;
}

describe('backup: a file that is not a whole, readable backup is refused with what and where', () => {
  it('the untouched file passes every check (so the cases below fail for their own damage)', async () => {
    const { summary } = await parseBackup(bytesOf(plainText));
    expect(summary).toMatchObject({ records: 2, blobs: 1 });
  });

  it('an empty file', async () => {
    await expectFailure(new Uint8Array(), 'empty');
  });

  it('a file that is not text (a picture)', async () => {
    await expectFailure(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x81]), 'notText');
  });

  it('a CSV export chosen by mistake', async () => {
    const error = await expectFailure(bytesOf('name;city\nAlfa;Cluj\n'), 'notJson');
    expect(error.message).toContain('name;city');
  });

  it('JSON of something else', async () => {
    const error = await expectFailure(bytesOf('{"hello":"world"}'), 'otherFormat', { found: 'null' });
    expect(error.message).toContain('“format” is null');
  });

  it('a plain file cut short (a download that stopped)', async () => {
    const cut = plainText.slice(0, Math.floor(plainText.length * 0.6));
    await expectFailure(bytesOf(cut), 'truncated', { length: cut.length });
  });

  it('a gzipped file cut short', async () => {
    const zipped = await gzip([plainText]);
    await expectFailure(zipped.subarray(0, Math.floor(zipped.length / 2)), 'gzip');
  });

  it('a gzipped file with damaged bytes inside', async () => {
    const zipped = await gzip([plainText]);
    const damaged = zipped.slice();
    for (let index = 20; index < damaged.length - 10; index += 7) damaged[index] ^= 0x5a;
    const error = await failure(damaged);
    expect(['gzip', 'notText', 'notJson', 'json', 'truncated']).toContain(error.code);
  });

  it('JSON broken in the middle says the line and column', async () => {
    const lines = plainText.split('\n');
    lines[2] = lines[2].replace('{"id"', '{"id";');
    const error = await expectFailure(bytesOf(lines.join('\n')), 'json');
    expect(error.params.line).toBe(3);
    expect(error.params.column).toBeTypeOf('number');
  });

  it('a file format newer than this app', async () => {
    await expectFailure(bytesOf({ ...validFile(), version: 99 }), 'version', { found: 99 });
  });

  it('a base schema newer than this app, declared in the header', async () => {
    await expectFailure(bytesOf({ ...validFile(), schemaVersion: SCHEMA_VERSION + 1 }), 'schema', { found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
  });

  it('a base schema newer than this app, found in the org document itself', async () => {
    const file = validFile();
    const org = new Y.Doc();
    org.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 3);
    await withDocBytes(file, file.docs.findIndex((doc) => doc.id === 'org'), Y.encodeStateAsUpdate(org));
    await expectFailure(bytesOf(file), 'schema', { found: SCHEMA_VERSION + 3 });
  });

  it('a missing list of documents', async () => {
    const { docs: _docs, ...rest } = validFile();
    await expectFailure(bytesOf(rest as FileJson), 'field', { where: 'docs' });
  });

  it('a document whose update is not base64', async () => {
    const file = validFile();
    file.docs[1].update = 'not*base64!';
    await expectFailure(bytesOf(file), 'field', { where: 'docs[1].update' });
  });

  it('a document whose bytes changed after it was written (checksum)', async () => {
    const file = validFile();
    const bytes = Uint8Array.from(atob(file.docs[1].update), (char) => char.charCodeAt(0));
    bytes[bytes.length - 3] ^= 0x01;
    file.docs[1].update = bytesToBase64(bytes);
    await expectFailure(bytesOf(file), 'docChecksum', { id: file.docs[1].id, index: 1 });
  });

  it('a document Yjs cannot apply, named with its position', async () => {
    const file = await withDocBytes(validFile(), 1, new TextEncoder().encode('hello, not a Yjs update'));
    const error = await expectFailure(bytesOf(file), 'doc', { id: file.docs[1].id, index: 1 });
    expect(error.message).toContain(file.docs[1].id);
  });

  it('a document cut short (Yjs runs out of bytes)', async () => {
    const file = validFile();
    const full = Uint8Array.from(atob(file.docs[0].update), (char) => char.charCodeAt(0));
    await withDocBytes(file, 0, full.subarray(0, full.length - 4));
    await expectFailure(bytesOf(file), 'doc', { id: 'org', index: 0 });
  });

  it('a document that only holds later changes of a document not in the file', async () => {
    const base = new Y.Doc();
    base.getMap('records').set('a', 1);
    const vector = Y.encodeStateVector(base);
    base.getMap('records').set('b', 2);
    const file = await withDocBytes(validFile(), 1, Y.encodeStateAsUpdate(base, vector));
    await expectFailure(bytesOf(file), 'docIncomplete', { index: 1 });
  });

  it('the same document twice', async () => {
    const file = validFile();
    file.docs.push({ ...file.docs[1] });
    await expectFailure(bytesOf(file), 'duplicateDoc', { id: file.docs[1].id, first: 1, second: file.docs.length - 1 });
  });

  it('no company (org) document: not a full backup', async () => {
    const file = validFile();
    file.docs = file.docs.filter((doc) => doc.id !== 'org');
    await expectFailure(bytesOf(file), 'noOrg');
  });

  it('a blob whose bytes do not match its hash', async () => {
    const file = validFile();
    file.blobs[0].data = bytesToBase64(new TextEncoder().encode('photo bytez'));
    await expectFailure(bytesOf(file), 'blob', { hash: file.blobs[0].hash, index: 0 });
  });

  it('a blob whose size does not match its bytes', async () => {
    const file = validFile();
    file.blobs[0].size += 1;
    await expectFailure(bytesOf(file), 'blob', { index: 0 });
  });

  it('every error message names the part of the file it is about, and what it should be', async () => {
    const file = validFile();
    file.docs[1].update = '%%%';
    const error = await failure(bytesOf(file));
    expect(error.message).toBe('The file is damaged: the value at docs[1].update is missing or is not base64 text.');
  });
});
