import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, checked once. Every variable has a working default so a
 * fresh clone starts without an env file (see README / DESIGN.md).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  SITE_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
});

export type Env = {
  port: number;
  /** Absolute path of the data folder (database, uploads, backups). */
  dataDir: string;
  /** Absolute origin without a trailing slash. */
  siteUrl: string;
};

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse({
    PORT: source.PORT || undefined,
    DATA_DIR: source.DATA_DIR || undefined,
    SITE_URL: source.SITE_URL || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return {
    port: parsed.data.PORT,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    // Without SITE_URL, the address this server answers on locally.
    siteUrl: parsed.data.SITE_URL ?? `http://localhost:${parsed.data.PORT}`,
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
