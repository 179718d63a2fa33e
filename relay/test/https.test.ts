/** HTTPS with the relay's local CA: trusted-only-by-the-CA clients reach the API and sync over wss; renewal on name changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { X509Certificate } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import * as Y from 'yjs';
import type WebSocketType from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { makeAdmin, removeTempDataDirs, startRelay, tempDataDir, waitFor, type RelayProcess, type TestUser } from './harness';
import { certificateNames } from '../tls/local-ca';

const REPO = join(import.meta.dirname, '..', '..');
const WebSocket = createRequire(import.meta.url)(join(REPO, 'node_modules', 'ws', 'index.js')) as typeof WebSocketType;

let relay: RelayProcess;
let admin: TestUser;
let caPem: string;

beforeAll(async () => {
  relay = await startRelay({ args: ['--https-name', 'crm.office.test'] });
  admin = await makeAdmin(relay);
  caPem = readFileSync(join(relay.dataDir, 'tls', 'ca.crt'), 'utf8');
});

afterAll(async () => {
  await relay?.stop();
  removeTempDataDirs();
});

/** GET over TLS to 127.0.0.1 with SNI/verification for `servername`, trusting only `ca` (or the system CAs when undefined). */
function getTls(port: number, path: string, servername: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, servername, ca, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with the local CA', () => {
  it('a TLS client trusting only the generated CA gets /api/health over https with servername localhost', async () => {
    expect(relay.httpsPort).toBeGreaterThan(0);
    const answer = await getTls(relay.httpsPort, '/api/health', 'localhost', caPem);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).ok).toBe(true);
  });

  it('a client that does not trust the CA is refused by TLS verification', async () => {
    await expect(getTls(relay.httpsPort, '/api/health', 'localhost')).rejects.toThrow(/self[- ]signed|unable to (verify|get)/i);
  });

  it('the certificate names localhost, the machine name, its LAN addresses and the extra --https-name', () => {
    const names = certificateNames(readFileSync(join(relay.dataDir, 'tls', 'server.crt'), 'utf8'));
    expect(names.dns).toContain('localhost');
    expect(names.dns).toContain('crm.office.test');
    expect(names.ips).toContain('127.0.0.1');
    const lan = Object.values(networkInterfaces()).flatMap((list) => list ?? []).filter((i) => !i.internal && i.family === 'IPv4');
    for (const entry of lan) expect(names.ips).toContain(entry.address);
  });

  it('the certificate is valid for the office name over TLS too (servername crm.office.test)', async () => {
    expect((await getTls(relay.httpsPort, '/api/health', 'crm.office.test', caPem)).status).toBe(200);
    await expect(getTls(relay.httpsPort, '/api/health', 'not-in-cert.test', caPem)).rejects.toThrow(/altnames|not in the cert/i);
  });

  it('serves the CA certificate at /ca.crt on both ports, identical to the file in the data folder', async () => {
    const overHttps = await getTls(relay.httpsPort, '/ca.crt', 'localhost', caPem);
    expect(overHttps.status).toBe(200);
    expect(overHttps.body).toBe(caPem);
    const overHttp = await fetch(`${relay.httpUrl}/ca.crt`);
    expect(await overHttp.text()).toBe(caPem);
    expect(new X509Certificate(caPem).ca).toBe(true);
  });

  it('prints the https address and how to trust the CA on Windows, macOS and Linux', () => {
    const out = relay.output();
    expect(out).toMatch(/https:\/\/[^\s]+:\d+\//);
    expect(out).toContain('certutil -addstore -f "ROOT" ca.crt');
    expect(out).toContain('security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.crt');
    expect(out).toContain('update-ca-certificates');
    expect(out).toContain('certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n Clientela -i ca.crt');
  });

  it('the sync socket works over wss with the stock y-websocket provider', async () => {
    const ca = caPem;
    // The stock provider calls `new WebSocket(url, protocols)`: this subclass adds the trust options.
    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        const trust: WebSocketType.ClientOptions & { servername: string } = { ca, servername: 'localhost' };
        super(url, protocols, trust);
      }
    }
    const open = (doc: Y.Doc) =>
      new WebsocketProvider(`wss://127.0.0.1:${relay.httpsPort}/sync`, 'org', doc, {
        params: { token: admin.token },
        WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
    const a = new Y.Doc();
    const b = new Y.Doc();
    const pa = open(a);
    const pb = open(b);
    try {
      await waitFor(() => pa.synced && pb.synced, 'wss sync');
      a.getMap('settings').set('company', 'Acme over TLS');
      await waitFor(() => b.getMap('settings').get('company') === 'Acme over TLS', 'update over wss');
    } finally {
      pa.destroy();
      pb.destroy();
    }
  });
});

describe('certificate renewal', () => {
  it('keeps the CA and the certificate across restarts, and issues a new certificate (same CA) when the names change', async () => {
    const dataDir = tempDataDir();
    const read = (file: string) => readFileSync(join(dataDir, 'tls', file), 'utf8');
    const first = await startRelay({ dataDir });
    const ca1 = read('ca.crt');
    const cert1 = read('server.crt');
    await first.stop();
    const again = await startRelay({ dataDir });
    expect(read('ca.crt')).toBe(ca1);
    expect(read('server.crt')).toBe(cert1);
    await again.stop();
    const renamed = await startRelay({ dataDir, args: ['--https-name', 'new-name.office.test'] });
    try {
      expect(read('ca.crt')).toBe(ca1);
      const cert3 = read('server.crt');
      expect(cert3).not.toBe(cert1);
      expect(certificateNames(cert3).dns).toContain('new-name.office.test');
      expect(new X509Certificate(cert3).verify(new X509Certificate(ca1).publicKey)).toBe(true);
      const answer = await getTls(renamed.httpsPort, '/api/health', 'new-name.office.test', ca1);
      expect(answer.status).toBe(200);
    } finally {
      await renamed.stop();
    }
  });
});
