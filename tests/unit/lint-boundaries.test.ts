import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering is held by the lint run in `npm test` (eslint.config.mjs).
 * This lints small snippets with the project's own configuration, as files
 * of each layer, so that a change of the configuration cannot silently stop
 * a boundary from being enforced.
 */

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

// Loading the configuration and its plugins (React's compiler among them) takes seconds, once.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'components/Warm.tsx') });
}, 120_000);

/** The rules that fire on `code` as the file `file` (relative to the project). */
async function firing(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('the import boundaries', () => {
  it('app/ and components/ take values from db/admin and db/queries only', async () => {
    expect(await firing('app/admin/x.ts', "import { getDb } from '@/db';\nexport const a = getDb;\n")).toEqual([RESTRICTED]);
    expect(await firing('app/x/page.tsx', "import { isLive } from '@/db/content/common';\nexport const a = isLive;\n")).toEqual([RESTRICTED]);
    expect(await firing('components/site/X.tsx', "import { users } from '../../db/schema';\nexport const a = users;\n")).toEqual([RESTRICTED]);
    expect(await firing('app/x/page.tsx', "import { newsForEditor } from '@/db/admin/news';\nimport { redirectTarget } from '@/db/queries/addresses';\nexport const a = [newsForEditor, redirectTarget];\n")).toEqual([]);
    expect(await firing('components/admin/X.tsx', "import type { FieldErrors } from '@/db/content/common';\nexport type A = FieldErrors;\n")).toEqual([]);
  });

  it('db/ imports neither next nor next-intl, but server-only', async () => {
    expect(await firing('db/admin/x.ts', "import { redirect } from 'next/navigation';\nexport const a = redirect;\n")).toEqual([RESTRICTED]);
    expect(await firing('db/content/x.ts', "import { getTranslations } from 'next-intl/server';\nexport const a = getTranslations;\n")).toEqual([RESTRICTED]);
    expect(await firing('db/queries/x.ts', "import 'server-only';\nexport const a = 1;\n")).toEqual([]);
  });

  it('lib/ does not import db/ (types aside), except the session glue', async () => {
    expect(await firing('lib/x.ts', "import { getDb } from '@/db';\nexport const a = getDb;\n")).toEqual([RESTRICTED]);
    expect(await firing('lib/media/x.ts', "import { publicImage } from '../../db/media/public';\nexport const a = publicImage;\n")).toEqual([RESTRICTED]);
    expect(await firing('lib/x.ts', "import type { DB } from '@/db/client';\nexport type A = DB;\n")).toEqual([]);
    expect(await firing('lib/auth/session.ts', "import { getDb } from '@/db';\nexport const a = getDb;\n")).toEqual([]);
  });
});

describe('the drizzle rules', () => {
  // Stand-ins for our drizzle objects, typed enough for the TypeScript rules to stay quiet.
  const Q = 'type Q = { set(v: object): Q; where(w: unknown): Q; run(): void };\ndeclare const db: { delete(t: unknown): Q };\ndeclare const tx: { update(t: unknown): Q };\nexport const all = [db, tx];\n';

  it('refuse a delete or an update without where, on db and on a transaction', async () => {
    expect(await firing('db/x.ts', `${Q}export const f = () => db.delete('t').run();\n`)).toEqual(['drizzle/enforce-delete-with-where']);
    expect(await firing('db/x.ts', `${Q}export const f = () => tx.update('t').set({ a: 1 }).run();\n`)).toEqual(['drizzle/enforce-update-with-where']);
    expect(await firing('db/x.ts', `${Q}export const f = () => tx.update('t').set({ a: 1 }).where(1).run();\n`)).toEqual([]);
  });
});
