/**
 * The office relay's command line: `npm run relay -- <command>`. `serve` serves the built app, the JSON API
 * and the sync sockets; the other commands work on a data folder (stop the relay before `restore`).
 */
import { parseArgs } from 'node:util';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStaticServer } from './static-server';
import { attachRelay } from './relay-server';
import { openDatabase } from './store/database';
import { createAccountsStore } from './store/accounts-store';
import { DEFAULT_SESSION_OPTIONS, Sessions } from './auth/sessions';
import { backupDatabase, pruneBackups, restoreDatabase } from './backup';
import { jsonLogger as log } from './log';

const DEFAULT_DATA = process.env.RELAY_DATA ?? './relay-data';

const HELP = `Clientela relay

Usage: npm run relay -- <command> [options]

Commands:
  serve       Serve the app, the API (/api) and the sync sockets (/sync) on this machine (npm start runs this).
                --port P                port to listen on (default 8080, env PORT; 0 = any free port)
                --host H                address to bind (default 0.0.0.0)
                --app DIR               built app folder (default dist; when missing only /api and /sync are served)
                --data DIR              data folder (default ./relay-data, env RELAY_DATA)
                --max-frame-bytes N     largest WebSocket frame (default 16 MiB)
                --max-sockets-per-user N  (default 64)
                --max-doc-bytes N       size limit of one document (default 256 MiB)
                --backup-hours H        automatic backup interval, 0 = off (default 24)
                --keep-backups N        automatic backups kept (default 14)
              On a data folder without users it prints a one-time link that makes its opener the Administrator.
  admin-link  Print a new one-time Administrator link.    --data DIR  [--url BASE]
  users       List the accounts.                            --data DIR
  backup      Write a consistent copy of the database.      --data DIR  [--to FILE]  (default DIR/backups/)
  restore     Replace the database with a backup (stop the relay first; the old one is kept beside it).
                                                            --data DIR  --from FILE
  help        Show this text.

Logs are JSON lines on stdout. Close codes of sync sockets: 4400 malformed, 4401 unauthenticated,
4403 read-only write refused, 4404 no access, 4413 document too large, 4429 too many sockets,
4100 rights changed (reconnect), 1009 frame too large, 1001 relay stopping.
`;

type Values = Record<string, string | boolean | undefined>;

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  const commands: Record<string, (values: Values) => Promise<number>> = { serve, 'admin-link': adminLink, users, backup, restore };
  const run = commands[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
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
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a number from 0 to 65535, got "${String(values.port)}".\n`);
    return 2;
  }
  const dataDir = resolve(String(values.data));
  const host = String(values.host);
  const app = resolve(String(values.app));
  let server: Server;
  if (existsSync(join(app, 'index.html'))) {
    server = (await startStaticServer({ root: app, port, host })).server;
  } else {
    log('app-missing', { app, message: 'No built app: serving only /api and /sync (run "npm run build").' });
    server = createServer();
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => done());
    });
  }
  const relay = attachRelay(server, {
    dataDir,
    log,
    limits: {
      ...(values['max-frame-bytes'] !== undefined && { maxFrameBytes: positiveInteger(values, 'max-frame-bytes') }),
      ...(values['max-sockets-per-user'] !== undefined && { maxConnectionsPerUser: positiveInteger(values, 'max-sockets-per-user') }),
      ...(values['max-doc-bytes'] !== undefined && { maxDocBytes: positiveInteger(values, 'max-doc-bytes') }),
    },
  });
  writeFileSync(join(dataDir, 'relay.pid'), String(process.pid));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const base = `http://localhost:${bound}/`;
  log('listening', { url: base, port: bound, data: dataDir });
  if (relay.accounts.count() === 0) {
    const invite = relay.createAdminInvite();
    log('admin-invite', { link: inviteLink(base, invite.token), expiresAt: new Date(invite.expiresAt).toISOString() });
    process.stdout.write(`\nFirst start: open this one-time link to become the Administrator:\n  ${inviteLink(base, invite.token)}\n`);
  }
  process.stdout.write(`\nClientela is running: open ${base} in Chromium or Chrome.\n\n`);

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
    server.close();
    server.closeAllConnections();
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
