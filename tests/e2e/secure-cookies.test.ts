import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { makeTempDir } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const dataDir = makeTempDir('iom-https-');
  const created = spawnSync('npm', ['run', '-s', 'user:create', '--', '--email', 'ana@iom.int', '--name', 'Ana', '--role', 'admin'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    input: 'Lumi i Drinit rrjedh ngadalë\n',
    encoding: 'utf8',
  });
  expect(created.status).toBe(0);
  // Served behind TLS in production: SITE_URL says https.
  [server, browser] = await Promise.all([startServer({ dataDir, env: { SITE_URL: 'https://iom-albania.example' } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('session cookie when the site is served over https', () => {
  it('is Secure, httpOnly, SameSite=Lax and carries the __Secure- prefix', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Email').fill('ana@iom.int');
    await page.getByLabel('Password').fill('Lumi i Drinit rrjedh ngadalë');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/sign-in')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const cookie = (await response.headerValue('set-cookie')) ?? '';
    const session = cookie.split('\n').find((c) => c.includes('authjs.session-token')) ?? '';
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    await page.close();
  });
});
