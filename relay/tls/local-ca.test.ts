/** The local CA: which names a certificate covers and when a new one is issued. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import type { NetworkInterfaceInfo } from 'node:os';
import { certificateNames, ensureLocalTls, isCertName, machineNames } from './local-ca';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-tls-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;
const NAMES = { dns: ['localhost', 'office-pc'], ips: ['127.0.0.1', '192.168.1.20'] };
const DAY = 24 * 3600_000;

describe('machine names', () => {
  it('covers localhost, the host name and its .local form, LAN and loopback addresses, but not link-local IPv6', () => {
    const names = machineNames(['crm.office.lan', '10.0.0.5'], { lo: [iface('127.0.0.1', 'IPv4', true)], eth0: [iface('192.168.1.20', 'IPv4'), iface('fe80::1', 'IPv6'), iface('fd00::2', 'IPv6')] }, 'Office-PC');
    expect(names).toEqual({ dns: ['crm.office.lan', 'localhost', 'office-pc', 'office-pc.local'], ips: ['10.0.0.5', '127.0.0.1', '192.168.1.20', 'fd00::2'] });
  });

  it('accepts host names and addresses as extra names and refuses anything else', () => {
    expect(isCertName('crm.office.lan')).toBe(true);
    expect(isCertName('::1')).toBe(true);
    expect(isCertName('bad name')).toBe(false);
    expect(isCertName('-x.lan')).toBe(false);
  });
});

describe('certificate issuing', () => {
  it('creates a CA once and a server certificate it signed, for exactly the given names', () => {
    const dir = dataDir();
    const tls = ensureLocalTls(dir, NAMES);
    expect(tls.createdCa).toBe(true);
    const cert = new X509Certificate(tls.serverCertPem);
    expect(cert.verify(new X509Certificate(tls.caCertPem).publicKey)).toBe(true);
    expect(certificateNames(tls.serverCertPem)).toEqual(NAMES);
    expect(cert.ca).toBe(false);
    const again = ensureLocalTls(dir, NAMES);
    expect([again.createdCa, again.issuedServerCert]).toEqual([false, false]);
  });

  it('issues a new certificate within 30 days of expiry, keeping the CA', () => {
    const dir = dataDir();
    const first = ensureLocalTls(dir, NAMES);
    expect(ensureLocalTls(dir, NAMES, Date.now() + 300 * DAY).issuedServerCert).toBe(false);
    const later = ensureLocalTls(dir, NAMES, Date.now() + 370 * DAY);
    expect(later.issuedServerCert).toBe(true);
    expect(later.caCertPem).toBe(first.caCertPem);
  });

  it('issues a new certificate when the names change or the certificate was not signed by this CA', () => {
    const dir = dataDir();
    ensureLocalTls(dir, NAMES);
    expect(ensureLocalTls(dir, { ...NAMES, ips: ['127.0.0.1', '192.168.1.21'] }).issuedServerCert).toBe(true);
    const foreign = ensureLocalTls(dataDir(), NAMES).serverCertPem;
    writeFileSync(join(dir, 'tls', 'server.crt'), foreign);
    const fixed = ensureLocalTls(dir, NAMES);
    expect(fixed.issuedServerCert).toBe(true);
    expect(readFileSync(join(dir, 'tls', 'server.crt'), 'utf8')).not.toBe(foreign);
  });
});
