import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../../scripts/build.mjs';

const root = path.resolve(import.meta.dirname, '../..');
/** Root files that configure tools, not the bundle. */
const TOOL_CONFIGS = new Set(['drizzle.config.ts', 'eslint.config.mjs', 'vitest.config.ts']);

describe('the build fingerprint', () => {
  const inputs = buildInputs().map((file) => path.relative(root, file));

  it('covers every source file at the root that the bundle is built from', () => {
    const rootSources = readdirSync(root).filter((name) => /\.(?:ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts') && !TOOL_CONFIGS.has(name));
    expect(rootSources).toContain('auth.ts');
    for (const name of rootSources) expect(inputs).toContain(name);
  });

  it('leaves out the command-line tools and the tests, which the bundle never imports', () => {
    expect(inputs.some((file) => file.startsWith('app/'))).toBe(true);
    expect(inputs.filter((file) => file.startsWith('scripts/') || file.startsWith('tests/'))).toEqual([]);
  });
});
