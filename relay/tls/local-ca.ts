/**
 * The relay's own certificate authority: created once in `DIR/tls/`, it signs a server certificate for the
 * machine's names so browsers on the office network get HTTPS (a secure context, which a PWA needs) once
 * the CA is trusted. Node has no certificate builder, so node-forge builds them (pure JS: no `openssl`
 * needed on Windows or a bare Debian); keys come from node:crypto, which is fast and native.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import forge from 'node-forge';

/** The names a server certificate covers. */
export interface CertNames {
  dns: string[];
  ips: string[];
}

/** The files and PEM texts of a data folder's TLS material. */
export interface LocalTls {
  caCertPath: string;
  caCertPem: string;
  serverKeyPem: string;
  serverCertPem: string;
  names: CertNames;
  /** Whether this call created the CA (first start). */
  createdCa: boolean;
  /** Whether this call issued a new server certificate (first start, names changed, expiry near). */
  issuedServerCert: boolean;
}

const CA_YEARS = 10;
/** 397 days: within the limit Apple and Chrome accept for server certificates. */
const SERVER_DAYS = 397;
/** Renew a server certificate this long before it expires. */
const RENEW_BEFORE_MS = 30 * 24 * 3600_000;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The folder of the TLS files inside a data folder. */
export function tlsDir(dataDir: string): string {
  return join(resolve(dataDir), 'tls');
}

/**
 * The names this machine answers to: its hostname (and `<hostname>.local` for mDNS), `localhost`, extra
 * names the admin gave, and every non-link-local address of its network interfaces (loopback included).
 */
export function machineNames(extraNames: string[] = [], interfaces = networkInterfaces(), host = hostname()): CertNames {
  const dns = new Set<string>(['localhost']);
  const ips = new Set<string>();
  const add = (name: string) => {
    const value = name.trim().toLowerCase().replace(/\.$/, '');
    if (isIP(value)) ips.add(value);
    else if (DNS_NAME.test(value)) dns.add(value);
  };
  add(host);
  if (DNS_NAME.test(host.toLowerCase()) && !host.includes('.')) add(`${host}.local`);
  for (const name of extraNames) add(name);
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      // Link-local IPv6 needs a zone id in URLs, so nobody types it: leave it out.
      if (entry.family === 'IPv6' && /^fe80:/i.test(entry.address)) continue;
      ips.add(entry.address.toLowerCase());
    }
  }
  return { dns: [...dns].sort(), ips: [...ips].sort() };
}

/** Whether a name is a valid extra certificate name (a DNS name or an IP address). */
export function isCertName(name: string): boolean {
  const value = name.trim().toLowerCase();
  return isIP(value) !== 0 || DNS_NAME.test(value);
}

/**
 * Makes sure `DIR/tls/` holds a CA and a server certificate for `names`: creates the CA on first use, and
 * issues a new server certificate when there is none, its names differ, it was not signed by this CA, or it
 * expires within 30 days. Files are written atomically (temp + rename); keys are readable by the owner only.
 */
export function ensureLocalTls(dataDir: string, names: CertNames, now = Date.now()): LocalTls {
  const dir = tlsDir(dataDir);
  const paths = {
    caKey: join(dir, 'ca.key'),
    caCert: join(dir, 'ca.crt'),
    serverKey: join(dir, 'server.key'),
    serverCert: join(dir, 'server.crt'),
  };
  const createdCa = !(existsSync(paths.caKey) && existsSync(paths.caCert)) && createCaFolder(dir, now);
  const caKeyPem = readFileSync(paths.caKey, 'utf8');
  const caCertPem = readFileSync(paths.caCert, 'utf8');
  if (!createdCa && serverCertFits(paths, caCertPem, names, now)) {
    return {
      caCertPath: paths.caCert,
      caCertPem,
      serverKeyPem: readFileSync(paths.serverKey, 'utf8'),
      serverCertPem: readFileSync(paths.serverCert, 'utf8'),
      names,
      createdCa,
      issuedServerCert: false,
    };
  }
  const server = issueServerCert(caKeyPem, caCertPem, names, now);
  writeAtomic(paths.serverKey, server.keyPem, 0o600);
  writeAtomic(paths.serverCert, server.certPem, 0o644);
  // The pair in memory is consistent even if another process wrote the files meanwhile (the next start checks them).
  return { caCertPath: paths.caCert, caCertPem, serverKeyPem: server.keyPem, serverCertPem: server.certPem, names, createdCa, issuedServerCert: true };
}

/**
 * Creates `dir` holding a new CA, atomically: built in a temporary folder and renamed into place, so two
 * relays starting at once on one data folder cannot pair one's key with the other's certificate. Returns
 * whether this call's CA won. A folder without a CA (damaged) is moved aside first.
 */
function createCaFolder(dir: string, now: number): boolean {
  const hasCa = () => existsSync(join(dir, 'ca.key')) && existsSync(join(dir, 'ca.crt'));
  if (hasCa()) return false;
  if (existsSync(dir)) renameSync(dir, `${dir}.without-ca-${now}-${process.pid}`);
  const temp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(temp, { recursive: true, mode: 0o700 });
  const ca = createCa(now);
  writeFileSync(join(temp, 'ca.key'), ca.keyPem, { mode: 0o600 });
  writeFileSync(join(temp, 'ca.crt'), ca.certPem, { mode: 0o644 });
  try {
    renameSync(temp, dir);
    return true;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (hasCa()) return false;
    throw error;
  }
}

/** The DNS names and IP addresses in a certificate's subjectAltName. */
export function certificateNames(certPem: string): CertNames {
  const text = new X509Certificate(certPem).subjectAltName ?? '';
  const dns: string[] = [];
  const ips: string[] = [];
  for (const part of text.split(', ')) {
    if (part.startsWith('DNS:')) dns.push(part.slice(4).toLowerCase());
    else if (part.startsWith('IP Address:')) ips.push(normalizeIp(part.slice(11)));
  }
  return { dns: dns.sort(), ips: ips.sort() };
}

function serverCertFits(paths: { serverKey: string; serverCert: string }, caCertPem: string, names: CertNames, now: number): boolean {
  if (!existsSync(paths.serverKey) || !existsSync(paths.serverCert)) return false;
  try {
    const certPem = readFileSync(paths.serverCert, 'utf8');
    const cert = new X509Certificate(certPem);
    if (!cert.verify(new X509Certificate(caCertPem).publicKey)) return false;
    if (!cert.checkPrivateKey(createPrivateKey(readFileSync(paths.serverKey, 'utf8')))) return false;
    if (Date.parse(cert.validTo) - now < RENEW_BEFORE_MS) return false;
    const has = certificateNames(certPem);
    const wanted = { dns: [...names.dns].sort(), ips: names.ips.map(normalizeIp).sort() };
    return JSON.stringify(has) === JSON.stringify(wanted);
  } catch {
    return false;
  }
}

function normalizeIp(ip: string): string {
  const value = ip.trim().toLowerCase();
  if (isIP(value) !== 6) return value;
  // Node prints IPv6 SANs in full form; compare in the compressed form os.networkInterfaces() uses.
  return new URL(`http://[${value}]/`).hostname.slice(1, -1);
}

function newKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function serialNumber(): string {
  // Positive (top bit clear) and random, as RFC 5280 asks.
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function createCa(now: number): { keyPem: string; certPem: string } {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now - 3600_000);
  cert.validity.notAfter = new Date(now + CA_YEARS * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: `Clientela local CA (${hostname().slice(0, 40)})` },
    { name: 'organizationName', value: 'Clientela office relay' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keys.privateKeyPem), forge.md.sha256.create());
  return { keyPem: keys.privateKeyPem, certPem: forge.pki.certificateToPem(cert) };
}

function issueServerCert(caKeyPem: string, caCertPem: string, names: CertNames, now: number): { keyPem: string; certPem: string } {
  const ca = forge.pki.certificateFromPem(caCertPem);
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now - 3600_000);
  cert.validity.notAfter = new Date(now + SERVER_DAYS * 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: names.dns.find((n) => n !== 'localhost') ?? 'localhost' }]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(caKeyPem), forge.md.sha256.create());
  return { keyPem: keys.privateKeyPem, certPem: forge.pki.certificateToPem(cert) };
}

function writeAtomic(path: string, text: string, mode: number): void {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, path);
}

/** How to make each system trust the CA, as lines for the console. */
export function trustInstructions(caCertPath: string, caCertUrl: string): string {
  return [
    `To use https from other computers, trust the relay's CA certificate once on each of them`,
    `(download it from ${caCertUrl} or copy ${caCertPath}), then run in the folder holding ca.crt:`,
    `  Windows (admin prompt):  certutil -addstore -f "ROOT" ca.crt`,
    `  macOS:                   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.crt`,
    `  Debian/Ubuntu:           sudo cp ca.crt /usr/local/share/ca-certificates/clientela-ca.crt && sudo update-ca-certificates`,
    `  Chrome/Chromium on Linux (NSS):  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n Clientela -i ca.crt`,
  ].join('\n');
}
