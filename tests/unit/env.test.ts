import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';

describe('readEnv', () => {
  it('works with nothing set', () => {
    expect(readEnv({})).toEqual({ port: 3000, dataDir: path.resolve('data'), siteUrl: 'http://localhost:3000' });
  });

  it('follows PORT for the local address and drops a trailing slash from SITE_URL', () => {
    expect(readEnv({ PORT: '8080' }).siteUrl).toBe('http://localhost:8080');
    expect(readEnv({ SITE_URL: 'https://albania.iom.int/' }).siteUrl).toBe('https://albania.iom.int');
  });

  it('refuses nonsense with a clear message', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ SITE_URL: 'ftp://x' })).toThrow(/SITE_URL/);
  });
});
