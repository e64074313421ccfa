// ESLint (flat config): ESLint's and typescript-eslint's recommended rules,
// Next's (core web vitals, React, React hooks, jsx-a11y), the drizzle
// plugin's guards against a whole-table delete or update, and the import
// boundaries that hold the layering (docs/architecture.md, "Layers").
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

/** `@/db/…` or a relative path into db/ (`../db/…`, `../../db/…`). */
const DB = String.raw`^(?:@|\.\.(?:/\.\.)*)/db`;

/**
 * The layers' import rules, one entry per directory
 * (tests/unit/lint-boundaries.test.ts checks that each still fires).
 */
const boundaries = {
  // The pages, routes, server actions and components reach the database only
  // through its two doors: db/queries (public reads) and db/admin (staff
  // reads and writes, each checking the session's role). Types may come from
  // anywhere in db/.
  ui: {
    regex: `${DB}(?!/(?:admin|queries)/)(?:/.*)?$`,
    allowTypeImports: true,
    message: 'app/ and components/ import values from @/db/admin/* (staff) or @/db/queries/* (public reads) only; types from anywhere in db/.',
  },
  // The data layer runs in scripts and tests as well as in Next: no request,
  // no navigation, no translations (server-only is fine).
  db: [
    {
      regex: '^next(?:-intl)?(?:/.*)?$',
      message: 'db/ does not import next or next-intl: take the values (locale, session, actor) as arguments.',
    },
    {
      regex: '^(?:@|\\.\\.(?:/\\.\\.)*)/(?:app|components)(?:/.*)?$',
      message: 'db/ does not import from app/ or components/.',
    },
  ],
  // lib/ holds helpers that do not touch the database (types are fine).
  lib: {
    regex: `${DB}(?:/.*)?$`,
    allowTypeImports: true,
    message: 'lib/ holds helpers that do not touch the database: move the code to db/ (or take the data as an argument).',
  },
};

/**
 * The session glue, the one exception to the lib/ rule: it reads the signed-in
 * user's row for every request and needs next (cookies, redirect, forbidden)
 * and next-auth as much as the database, so it fits neither db/ (no next)
 * nor the pure helpers.
 */
const LIB_WITH_DATABASE = ['lib/auth/session.ts', 'lib/auth/session-cookie.ts'];

const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [patterns].flat() }],
});

export default defineConfig([
  js.configs.recommended,
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(['.next/**', 'node_modules/**', 'data/**', 'coverage/**', 'tmp/**', 'next-env.d.ts']),
  {
    // React's rules (Next's config turns them on for every file) where there
    // is no React: the data layer, the helpers, the scripts and the tests.
    // The React Compiler's checks among them cost most of a lint run.
    name: 'project/no-react-outside-ui',
    files: ['db/**', 'lib/**', 'i18n/**', 'scripts/**', 'tests/**'],
    ignores: ['**/*.tsx'],
    rules: Object.fromEntries(
      [...nextVitals.flatMap((c) => Object.keys(c.rules ?? {}))]
        .filter((rule) => rule.startsWith('react-hooks/') || rule.startsWith('react/'))
        .map((rule) => [rule, 'off']),
    ),
  },
  {
    name: 'project/drizzle',
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      // The names our drizzle objects go by: the connection, a transaction,
      // and the getter of the connection.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'getDb'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'getDb'] }],
    },
  },
  {
    name: 'project/ts',
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Next's TypeScript preset makes these two warnings; with
      // `--max-warnings 0` they fail the run anyway, so say so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': 'error',
      // Our images are the media library's own variants, in several widths
      // and formats made at upload (lib/media/prepare.ts), which <img srcset>
      // serves (components/site/ResponsiveImage.tsx); next/image would
      // resize them again on the server.
      '@next/next/no-img-element': 'off',
    },
  },
  { name: 'project/boundaries-ui', files: ['app/**', 'components/**'], rules: restrict(boundaries.ui) },
  { name: 'project/boundaries-db', files: ['db/**'], rules: restrict(boundaries.db) },
  { name: 'project/boundaries-lib', files: ['lib/**'], ignores: LIB_WITH_DATABASE, rules: restrict(boundaries.lib) },
]);
