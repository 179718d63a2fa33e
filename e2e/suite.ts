/** The shared e2e fixture: one app server per test file, a fresh browser profile per test. */
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { browserAvailable, launchProfile, openApp, removeProfile, startAppServer, type AppServer, type Profile } from './browser';
import type { Page } from 'playwright-core';

/** What a test gets: the server, and helpers to open the app in a profile. */
export interface E2E {
  server: () => AppServer;
  /**
   * Opens the app in a fresh profile (closed after the test); returns the page and page errors.
   * `hash` is where it opens: Organizations unless given ('' opens the home, Today).
   */
  open(options?: { locale?: string; dir?: string; hash?: string }): Promise<{ page: Page; profile: Profile; errors: string[] }>;
}

/** Declares an e2e suite; skipped (loudly, by global setup) when no browser is installed. */
export function describeE2E(name: string, body: (e2e: E2E) => void): void {
  const suite = browserAvailable() ? describe : describe.skip;
  suite(name, () => {
    let server: AppServer;
    const profiles: Profile[] = [];
    beforeAll(async () => {
      server = await startAppServer();
    });
    afterAll(async () => {
      await server?.stop();
    });
    afterEach(async () => {
      for (const profile of profiles.splice(0)) {
        await profile.close().catch(() => undefined);
        removeProfile(profile);
      }
    });
    body({
      server: () => server,
      async open(options = {}) {
        const profile = await launchProfile(options);
        profiles.push(profile);
        const errors: string[] = [];
        const page = await openApp(profile.context, server.url + (options.hash ?? '#/orgs'), errors);
        return { page, profile, errors };
      },
    });
  });
}
