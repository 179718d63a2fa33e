import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built app served by the relay's server, driven in Debian's Chromium
 * through playwright-core. One file at a time: the machine has 2 cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['e2e/global-setup.ts'],
  },
});
