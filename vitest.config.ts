import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside a React Server Components build; in
      // Node tests the code runs on the server anyway.
      'server-only': path.join(root, 'tests/helpers/server-only.ts'),
    },
  },
};

/**
 * Two groups, one after the other. First the unit and db tests, while the e2e
 * global setup makes the production build if the sources changed (it returns
 * at once). Then the e2e files, two at a time: each waits for the build,
 * drives the Chromium that the setup started for all, and starts its own
 * production server, or takes the one shared by the files that only read
 * (tests/helpers/shared-server.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        // next-intl's ESM imports 'next/navigation' without an extension; inlined, Vite resolves it.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          server: { deps: { inline: ['next-intl'] } },
          sequence: { groupOrder: 0 },
        },
      },
      { ...shared, test: { name: 'db', include: ['tests/db/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
      {
        ...shared,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // tests/e2e/admin-auth.test.ts imports the action modules to read their declared roles.
          server: { deps: { inline: ['next-intl', 'next-auth'] } },
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          // A first hook may wait for the build (made while the unit and db tests run).
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
        },
      },
    ],
  },
});
