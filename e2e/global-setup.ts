/** Fails CI loudly when Chromium or the built app is missing; on a laptop, says what is skipped. */
import { existsSync } from 'node:fs';
import { browserAvailable, CHROMIUM_PATH } from './browser';

export default function setup(): void {
  if (!existsSync('dist/index.html')) throw new Error('No built app in dist/: run "npm run build" before the e2e tests.');
  if (browserAvailable()) return;
  const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium).`;
  if (process.env.CI) throw new Error(`${message} End-to-end tests are required on CI.`);
  process.stderr.write(`\n${'!'.repeat(78)}\n!! ${message}\n!! END-TO-END TESTS ARE SKIPPED on this machine.\n${'!'.repeat(78)}\n\n`);
}
