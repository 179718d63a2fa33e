/**
 * The office relay's command line: `npm run relay -- <command>`. `serve` serves the built app, the JSON API
 * and the sync sockets; the other commands work on a data folder (stop the relay before `restore`).
 */
import { parseArgs } from 'node:util';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServerClass, type Server as HttpsServer } from 'node:https';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { staticApp } from './static-server';
import { ensureLocalTls, isCertName, machineNames, tlsDir, trustInstructions, type LocalTls } from './tls/local-ca';
import { attachRelay } from './relay-server';
import { openDatabase } from './store/database';
import { createAccountsStore } from './store/accounts-store';
import { DEFAULT_SESSION_OPTIONS, Sessions } from './auth/sessions';
import { backupDatabase, pruneBackups, restoreDatabase } from './backup';
import { jsonLogger as log } from './log';
import { isNewerSchema } from './org/org-owner';
import { acquireDataLock, DataLockedError } from './data-lock';
import { importCommand, IMPORT_USAGE } from './import/import-command';

const DEFAULT_DATA = process.env.RELAY_DATA ?? './relay-data';

const HELP = `Clientela relay

Usage: npm run relay -- <command> [options]

Commands:
  serve       Serve the app, the API (/api) and the sync sockets (/sync) on this machine (npm start runs this).
                --port P                plain HTTP port, for http://localhost on this machine (default 8080, env PORT; 0 = any free port)
                --https-port P          HTTPS port for the office network (default 8443, env HTTPS_PORT; 0 = any free port,
                                        the default when --port is 0)
                --https-name NAME       an extra name or address for the certificate (repeatable), e.g. crm.office.lan
                --no-https              serve plain HTTP only
                --host H                address to bind (default 0.0.0.0)
                --app DIR               built app folder (default dist; when missing only /api and /sync are served)
                --data DIR              data folder (default ./relay-data, env RELAY_DATA)
                --max-frame-bytes N     largest WebSocket frame (default 16 MiB)
                --max-sockets-per-user N  (default 64)
                --max-doc-bytes N       size limit of one document (default 256 MiB)
                --max-blob-bytes N      size limit of one blob (photo, attachment; default 16 MiB)
                --backup-hours H        automatic backup interval, 0 = off (default 24)
                --keep-backups N        automatic backups kept (default 14)
              On a data folder without users it prints a one-time link that makes its opener the Administrator.
              On first start it creates a local CA in DIR/tls/ and a certificate for this machine's names
              (renewed when they change); it prints how to trust the CA, which is also served at /ca.crt.
  admin-link  Print a new one-time Administrator link.    --data DIR  [--url BASE]
  users       List the accounts.                            --data DIR
  import      Import a CSV / XLSX / ODS / vCard file into one account's book, with the app's import engine
              (column mapping suggested from the headers), and print the report: created, merged, skipped
              with lines and reasons. Stop the relay first (it refuses while the relay runs, except --dry-run).
                ${IMPORT_USAGE.replace('npm run relay -- import ', '')}
                --duplicates            a record matching one in the book or earlier in the file (phone, e-mail,
                                        tax id, name + city): create it anyway (default), skip it, or merge it
                --dry-run               read and report, write nothing (also while the relay runs)
                --accept-partial        import the good records of a file with bad rows (listed as skipped)
              Exit codes: 0 imported, 1 refused (nothing written), 2 wrong arguments.
  backup      Write a consistent copy of the database.      --data DIR  [--to FILE]  (default DIR/backups/)
  restore     Replace the database with a backup (stop the relay first; the old one is kept beside it).
                                                            --data DIR  --from FILE
  help        Show this text.

Logs are JSON lines on stdout. Close codes of sync sockets: 4400 malformed, 4401 unauthenticated,
4403 read-only write refused, 4404 no access, 4413 document too large, 4429 too many sockets,
4100 rights changed (reconnect), 1009 frame too large, 1001 relay stopping.
`;

type Values = Record<string, string | boolean | string[] | undefined>;

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  const commands: Record<string, (values: Values) => Promise<number>> = { serve, 'admin-link': adminLink, users, backup, restore };
  if (command === 'import') return importCommand(rest, DEFAULT_DATA);
  const run = commands[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      'https-port': { type: 'string' },
      'no-https': { type: 'boolean' },
      'https-name': { type: 'string', multiple: true },
      'max-blob-bytes': { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      app: { type: 'string', default: 'dist' },
      data: { type: 'string', default: DEFAULT_DATA },
      url: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      'max-frame-bytes': { type: 'string' },
      'max-sockets-per-user': { type: 'string' },
      'max-doc-bytes': { type: 'string' },
      'backup-hours': { type: 'string', default: '24' },
      'keep-backups': { type: 'string', default: '14' },
    },
  });
  return run(values);
}

function positiveInteger(values: Values, key: string, min = 1): number | undefined {
  const text = values[key];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${key} must be a whole number ≥ ${min}, got "${String(text)}".`);
  return value;
}

async function serve(values: Values): Promise<number> {
  const port = portNumber(values.port);
  // With --port 0 (tests, several relays on one machine) HTTPS also takes any free port unless told otherwise.
  const httpsPortText = values['https-port'] ?? process.env.HTTPS_PORT ?? (port === 0 ? '0' : '8443');
  const httpsPort = values['no-https'] === true ? null : portNumber(httpsPortText);
  if (port === null || (values['no-https'] !== true && httpsPort === null)) {
    process.stderr.write(`--port and --https-port must be numbers from 0 to 65535, got "${String(values.port)}" and "${String(httpsPortText)}".\n`);
    return 2;
  }
  const extraNames = (values['https-name'] as string[] | undefined) ?? [];
  const badName = extraNames.find((name) => !isCertName(name));
  if (badName !== undefined) {
    process.stderr.write(`--https-name must be a host name or an IP address, got "${badName}".\n`);
    return 2;
  }
  const dataDir = resolve(String(values.data));
  // Held while serving: an import (relay/import) must not write beside the live rooms, nor a second relay serve them.
  let releaseLock: () => void;
  try {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataLock(dataDir, 'serve');
  } catch (error) {
    if (!(error instanceof DataLockedError)) throw error;
    process.stderr.write(`The relay did not start: ${error.message}\n`);
    return 1;
  }
  process.once('exit', releaseLock);
  const host = String(values.host);
  const app = resolve(String(values.app));
  const appHandler = existsSync(join(app, 'index.html')) ? staticApp(app) : null;
  if (!appHandler) log('app-missing', { app, message: 'No built app: serving only /api and /sync (run "npm run build").' });
  const caPath = join(tlsDir(dataDir), 'ca.crt');
  // /ca.crt is served on plain HTTP too: it is how another computer gets the CA before it trusts https.
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    if (new URL(request.url ?? '/', 'http://relay').pathname === '/ca.crt' && existsSync(caPath)) {
      response.writeHead(200, { 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="clientela-ca.crt"', 'cache-control': 'no-cache' });
      response.end(readFileSync(caPath));
    } else if (appHandler) appHandler(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  };
  const server = createServer(handler);
  await listen(server, port, host);
  let httpsServer: HttpsServer | null = null;
  let tls: LocalTls | null = null;
  if (httpsPort !== null) {
    tls = ensureLocalTls(dataDir, machineNames(extraNames));
    if (tls.createdCa) log('tls-ca-created', { caCert: tls.caCertPath });
    if (tls.issuedServerCert) log('tls-cert-issued', { dns: tls.names.dns, ips: tls.names.ips });
    httpsServer = createHttpsServer({ key: tls.serverKeyPem, cert: tls.serverCertPem }, handler);
    await listen(httpsServer, httpsPort, host);
  }
  const relay = attachRelay(httpsServer ? [server, httpsServer] : server, {
    dataDir,
    log,
    limits: {
      ...(values['max-frame-bytes'] !== undefined && { maxFrameBytes: positiveInteger(values, 'max-frame-bytes') }),
      ...(values['max-sockets-per-user'] !== undefined && { maxConnectionsPerUser: positiveInteger(values, 'max-sockets-per-user') }),
      ...(values['max-doc-bytes'] !== undefined && { maxDocBytes: positiveInteger(values, 'max-doc-bytes') }),
    },
    ...(values['max-blob-bytes'] !== undefined && { maxBlobBytes: positiveInteger(values, 'max-blob-bytes') }),
  });
  try {
    await relay.setUpOrg();
  } catch (error) {
    const why = isNewerSchema(error) ? error.message : `The org document could not be set up: ${String(error)}`;
    log('org-refused', { error: why });
    process.stderr.write(`\nThe relay did not start: ${why}\nData folder: ${dataDir}\n`);
    await relay.close();
    server.close();
    httpsServer?.close();
    return 1;
  }
  writeFileSync(join(dataDir, 'relay.pid'), String(process.pid));
  const bound = boundPort(server, port);
  const base = `http://localhost:${bound}/`;
  let httpsBase: string | null = null;
  if (httpsServer && tls) {
    const boundHttps = boundPort(httpsServer, httpsPort ?? 0);
    const officeName = tls.names.dns.find((n) => n !== 'localhost' && !n.endsWith('.local')) ?? 'localhost';
    httpsBase = `https://${officeName}:${boundHttps}/`;
    log('listening-https', { url: httpsBase, port: boundHttps, names: [...tls.names.dns, ...tls.names.ips], caCert: tls.caCertPath });
  }
  log('listening', { url: base, port: bound, data: dataDir });
  if (relay.accounts.count() === 0) {
    const invite = relay.createAdminInvite();
    const link = inviteLink(httpsBase ?? base, invite.token);
    log('admin-invite', { link, expiresAt: new Date(invite.expiresAt).toISOString() });
    const local = httpsBase ? `\n  (on this machine also ${inviteLink(base, invite.token)})` : '';
    process.stdout.write(
      `\nFirst start: this one-time link makes its opener the Administrator:\n  ${link}${local}\n` +
        `Open it, choose your name and password, then invite colleagues from the app's Users page.\n`,
    );
  }
  if (httpsBase && tls) {
    const others = tls.names.ips.filter((ip) => !ip.startsWith('127.') && ip !== '::1').map((ip) => httpsBase!.replace(/\/\/[^:/]+/, `//${ip.includes(':') ? `[${ip}]` : ip}`));
    process.stdout.write(`\nOn the office network open ${httpsBase}${others.length ? ` (or ${others.join(', ')})` : ''}.\n${trustInstructions(tls.caCertPath, `http://${new URL(httpsBase).hostname}:${bound}/ca.crt`)}\n`);
  }
  process.stdout.write(`\nClientela is running: open ${base} in Chromium or Chrome on this machine.\n\n`);

  // Re-check the names every hour: a new LAN address (DHCP) or a certificate near expiry gets a new certificate.
  const tlsTimer =
    httpsServer !== null
      ? setInterval(() => {
          try {
            const fresh = ensureLocalTls(dataDir, machineNames(extraNames));
            if (fresh.issuedServerCert) {
              httpsServer!.setSecureContext({ key: fresh.serverKeyPem, cert: fresh.serverCertPem });
              log('tls-cert-issued', { dns: fresh.names.dns, ips: fresh.names.ips });
            }
          } catch (error) {
            log('tls-renew-failed', { error: String(error) });
          }
        }, 3600_000)
      : null;
  tlsTimer?.unref();

  const backupHours = Number(values['backup-hours']);
  const keep = positiveInteger(values, 'keep-backups') ?? 14;
  const backupTimer =
    backupHours > 0
      ? setInterval(() => {
          backupDatabase(relay.db, dataDir).then(
            (file) => log('backup-written', { file, pruned: pruneBackups(dataDir, keep) }),
            (error: unknown) => log('backup-failed', { error: String(error) }),
          );
        }, backupHours * 3600_000)
      : null;
  backupTimer?.unref();

  const stop = (signal: string) => {
    log('stopping', { signal });
    if (backupTimer) clearInterval(backupTimer);
    if (tlsTimer) clearInterval(tlsTimer);
    for (const listening of httpsServer ? [server, httpsServer] : [server]) {
      listening.close();
      listening.closeAllConnections();
    }
    relay.close().then(
      () => {
        rmSync(join(dataDir, 'relay.pid'), { force: true });
        process.exit(0);
      },
      (error: unknown) => {
        log('stop-failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return -1;
}

function portNumber(text: unknown): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= 65535 ? value : null;
}

function listen(server: Server | HttpsServer, port: number, host: string): Promise<void> {
  return new Promise<void>((done, reject) => {
    const option = server instanceof HttpsServerClass ? '--https-port' : '--port';
    const fail = (error: Error) => reject(new Error(`Cannot listen on ${host}:${port} (${error.message}): choose another port with ${option}.`));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

function boundPort(server: Server | HttpsServer, fallback: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : fallback;
}

function inviteLink(base: string, token: string): string {
  return `${base.replace(/\/$/, '')}/#/invite/${token}`;
}

async function adminLink(values: Values): Promise<number> {
  const db = openDatabase(String(values.data));
  try {
    const invite = new Sessions(createAccountsStore(db), DEFAULT_SESSION_OPTIONS).invite('admin', false, null);
    const link = inviteLink(String(values.url ?? 'http://localhost:8080/'), invite.token);
    log('admin-invite', { link, expiresAt: new Date(invite.expiresAt).toISOString() });
    return 0;
  } finally {
    db.close();
  }
}

async function users(values: Values): Promise<number> {
  const db = openDatabase(String(values.data));
  try {
    for (const user of createAccountsStore(db).list()) {
      const { passwordHash: _secret, ...shown } = user;
      process.stdout.write(JSON.stringify(shown) + '\n');
    }
    return 0;
  } finally {
    db.close();
  }
}

async function backup(values: Values): Promise<number> {
  const dataDir = String(values.data);
  if (!existsSync(join(resolve(dataDir), 'relay.sqlite'))) {
    process.stderr.write(`No relay database in ${resolve(dataDir)}.\n`);
    return 1;
  }
  const db = openDatabase(dataDir);
  try {
    const file = await backupDatabase(db, dataDir, values.to === undefined ? undefined : String(values.to));
    log('backup-written', { file });
    return 0;
  } finally {
    db.close();
  }
}

async function restore(values: Values): Promise<number> {
  const dataDir = resolve(String(values.data));
  if (values.from === undefined) {
    process.stderr.write('restore needs --from FILE (a backup written by "backup").\n');
    return 2;
  }
  const pidFile = join(dataDir, 'relay.pid');
  if (existsSync(pidFile) && isAlive(Number(readFileSync(pidFile, 'utf8')))) {
    process.stderr.write(`The relay is running on ${dataDir} (pid ${readFileSync(pidFile, 'utf8').trim()}): stop it first.\n`);
    return 1;
  }
  mkdirSync(dataDir, { recursive: true });
  const { kept } = await restoreDatabase(dataDir, String(values.from));
  log('restored', { from: resolve(String(values.from)), data: dataDir, previousKeptAs: kept });
  return 0;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
