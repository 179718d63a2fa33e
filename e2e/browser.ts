/**
 * Starting the real parts for end-to-end tests: the relay serving the built app on a free
 * port (a child process, as `npm start` runs it) and Debian's Chromium with a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install -y chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether a browser is available; on CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Flags for headless Chromium on this machine (no network but loopback, no background work). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** A running app server. */
export interface AppServer {
  url: string;
  port: number;
  /** The one-time Administrator link the relay printed on its first start (`…/#/invite/<token>`). */
  adminLink: string;
  /** The relay's data folder (tests may read it; removed on stop). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `relay/cli.ts serve` on a free port, serving dist/; resolves when it listens. */
export async function startAppServer(): Promise<AppServer> {
  // Each server gets a data folder of its own, so suites never share accounts or documents.
  const data = mkdtempSync(join(tmpdir(), 'clientela-relay-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data', data, '--no-https'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { port, adminLink } = await new Promise<{ port: number; adminLink: string }>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /"event":"listening".*?"port":(\d+)/.exec(output);
      const invite = /"event":"admin-invite".*?"link":"([^"]+)"/.exec(output);
      if (listening && invite) {
        clearTimeout(timer);
        resolve({ port: Number(listening[1]), adminLink: invite[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://localhost:${port}/`,
    port,
    adminLink,
    dataDir: data,
    async stop() {
      await stopChild(child);
      rmSync(data, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A browser profile of its own (persistent, so service workers and installability work). */
export interface Profile {
  context: BrowserContext;
  dir: string;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh persistent profile (or reuses `dir` to reopen one). */
export async function launchProfile(options: { dir?: string; locale?: string } = {}): Promise<Profile> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'clientela-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    dir,
    async close() {
      await context.close();
    },
  };
}

/** Removes a profile folder. */
export function removeProfile(profile: Profile): void {
  rmSync(profile.dir, { recursive: true, force: true });
}

/**
 * Polls an async condition in the page until it gives a truthy value, and returns that value.
 * page.waitForFunction cannot do this: a predicate's promise is truthy, so it answers at once.
 */
export async function waitForAsync<T, A>(page: Page, condition: (arg: A) => Promise<T>, arg: A, options: { timeout?: number; polling?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeout ?? 10_000);
  for (;;) {
    // Playwright's PageFunction type does not take a generic function; the call is the same.
    const value = (await page.evaluate(condition as (arg: unknown) => Promise<unknown>, arg)) as T;
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${options.timeout ?? 10_000} ms waiting for ${options.what ?? 'a condition in the page'}.`);
    await new Promise((resolve) => setTimeout(resolve, options.polling ?? 100));
  }
}

/** Opens the app and waits until the base is open. Collects page errors into `errors`. */
export async function openApp(context: BrowserContext, url: string, errors: string[] = []): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__clientela !== undefined, null, { timeout: 30_000 });
  return page;
}
