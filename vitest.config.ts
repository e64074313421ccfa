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

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        // next-intl's ESM imports 'next/navigation' without an extension; inlined, Vite resolves it.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', server: { deps: { inline: ['next-intl'] } } },
      },
      { ...shared, test: { name: 'db', include: ['tests/db/**/*.test.ts'], environment: 'node' } },
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
          hookTimeout: 240_000,
          // One production server and one browser per file; files run one at a time
          // so two cores are not shared by several servers.
          fileParallelism: false,
        },
      },
    ],
  },
});
