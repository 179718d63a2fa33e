import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

/** Unit tests: engine, search, table logic, storage (fake-indexeddb), relay. Run in Node. */
export default defineConfig({
  plugins: [solid()],
  test: {
    include: ['web/**/*.test.ts', 'relay/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
