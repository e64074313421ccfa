import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealTotpSecret, totpKey } from '@/db/auth/two-factor';
import { insertUserRow } from '@/db/auth/users-core';
import { migrateDatabase, openDatabase } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { type ActionRole, declaredRole } from '@/lib/auth/action';
import { generateTotpSecret } from '@/lib/auth/totp';
import { multipart } from '@/scripts/hostile-requests';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { makeTempDir, withDatabase } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë' };
const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(context: BrowserContext, user: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/sign-in`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/admin`);
  return page;
}

const LABELS = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  sq: { email: 'Email-i', password: 'Fjalëkalimi', submit: 'Hyni' },
};

/** Submits the sign-in form and returns the message it answers with. */
async function signInMessage(page: Page, email: string, password: string, lang: 'en' | 'sq' = 'en'): Promise<string> {
  const labels = LABELS[lang];
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  // The answer is in once the action's response has arrived and the button is usable again.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/sign-in')),
    page.getByRole('button', { name: labels.submit }).click(),
  ]);
  const button = page.getByRole('button', { name: labels.submit });
  await expect.poll(() => button.isEnabled()).toBe(true);
  return (await page.getByTestId('form-message').textContent()) ?? '';
}

type Action = { id: string; file: string; name: string; page: string };

/** Every server action of the build, from Next's own manifest. */
function serverActions(): Action[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'));
  return Object.entries(manifest.node as Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>).map(
    ([id, a]) => {
      const worker = Object.keys(a.workers)[0]!;
      const page = `/${worker.replace(/^app\//, '').replace(/\/page$/, '').replace(/\([^)]+\)\/?/g, '').replace(/\[token\]/, 'x'.repeat(43))}`.replace(/\/$/, '');
      return { id, file: a.filename, name: a.exportedName, page };
    },
  );
}

/**
 * Each action's role as its declaration says (lib/auth/action.ts), read from
 * the modules the build lists: undefined for one that does not go through
 * the wrapper.
 */
async function declaredRoles(actions: Action[]): Promise<Map<string, ActionRole | undefined>> {
  const roles = new Map<string, ActionRole | undefined>();
  for (const file of new Set(actions.map((a) => a.file))) {
    const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const a of actions.filter((x) => x.file === file)) roles.set(a.id, declaredRole(exports[a.name]));
  }
  return roles;
}

/** Calls an action as a forged request would: `body` is the argument list as React encodes it (no arguments at all by default). */
async function callAction(action: Action, cookie = '', body: string | { body: Buffer; contentType: string } = '[]'): Promise<{ status: number; body: string }> {
  const [content, contentType] = typeof body === 'string' ? [body, 'text/plain;charset=UTF-8'] : [new Uint8Array(body.body), body.contentType];
  const res = await fetch(server.url + action.page, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': action.id, Origin: server.url, 'Content-Type': contentType, cookie },
    body: content,
  });
  return { status: res.status, body: await res.text() };
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
}

describe('the first administrator', () => {
  it('is created through the address the server printed once at start', async () => {
    const printed = server.output().match(/\/admin\/setup\/([\w-]+)/g);
    expect(printed).toHaveLength(1);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${printed![0]}`);
    expect(await page.locator('h1').textContent()).toBe('Create the first administrator');
    await page.getByLabel('Full name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('password1234');
    await page.getByLabel('Password again').fill('password1234');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    // zxcvbn's verdict, with its warning and suggestion in our words.
    await page.getByText('This password is too easy to guess. This is close to a commonly used password. Add more words, less common ones.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Password again').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL(/\/admin\/sign-in\?setup=1$/);

    // The address is spent.
    await page.goto(`${server.url}${printed![0]}`);
    expect(await page.getByTestId('setup-invalid').textContent()).toContain('not valid any more');
    await context.close();
  });
});

describe('signing in', () => {
  it('gives the same message for an unknown email and a wrong password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    const wrongPassword = await signInMessage(page, ADMIN.email, 'not the password at all');
    const unknown = await signInMessage(page, 'nobody@iom.int', 'not the password at all');
    expect(wrongPassword).toBe('The email or password is not right.');
    expect(unknown).toBe(wrongPassword);
    // What was typed stays in the form.
    expect(await page.getByLabel('Email').inputValue()).toBe('nobody@iom.int');
    await context.close();
  });

  it('signs in and out, and a signed-out session cookie replayed is refused', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, ADMIN);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(ADMIN.name);
    const stolen = await cookieHeader(context);
    // Working in the editor area renews the session cookie (the 8-hour limit counts idle time).
    const renewed = await fetch(`${server.url}/admin`, { headers: { cookie: stolen }, redirect: 'manual' });
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('set-cookie')).toMatch(/authjs\.session-token=[^;]+;.*Expires=/i);
    expect(renewed.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(renewed.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/signedOut=1/);

    const replay = await fetch(`${server.url}/admin/users`, { headers: { cookie: stolen }, redirect: 'manual' });
    expect(replay.status).toBe(307);
    expect(replay.headers.get('location')).toContain('/admin/sign-in');
    await context.close();
  });

  it('answers empty, overlong and malformed input with a clear message', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This field is required.').first().waitFor();
    // The browser's own length limits are lifted: the server must hold on its own.
    await page.evaluate(() => document.querySelectorAll('input').forEach((i) => i.removeAttribute('maxlength')));
    expect(await signInMessage(page, `${'a'.repeat(10_000)}@iom.int`, 'x'.repeat(10_000))).toBe('The email or password is not right.');
    expect(await signInMessage(page, 'not an email', 'y'.repeat(20))).toBe('The email or password is not right.');
    expect((await fetch(`${server.url}/admin/sign-in`)).status).toBe(200);
    await context.close();
  });

  it('throttles after five failures for one account, in the user’s language', async () => {
    const context = await browser.newContext({ locale: 'sq-AL', extraHTTPHeaders: { 'Accept-Language': 'sq' } });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    for (let i = 0; i < 5; i++) {
      expect(await signInMessage(page, 'target@iom.int', `wrong password ${i}`, 'sq')).toBe('Email-i ose fjalëkalimi nuk është i saktë.');
    }
    expect(await signInMessage(page, 'target@iom.int', 'wrong password 6', 'sq')).toBe('Shumë përpjekje, provoni përsëri pas 15 minutash.');
    await context.close();
  });

  it('records the socket’s address, not one the client names', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.99' } });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await signInMessage(page, 'spoof@iom.int', 'wrong password here');
    await context.close();
    const admin = await browser.newContext();
    const audit = await signIn(admin, ADMIN);
    await audit.goto(`${server.url}/admin/audit?action=auth.sign_in_failed`);
    const table = await audit.getByTestId('audit-table').textContent();
    expect(table).toContain('spoof@iom.int');
    expect(table).not.toContain('203.0.113.99');
    await admin.close();
  });
});

describe('roles and accounts', () => {
  it('lets an admin add an editor, who is refused the Users page', async () => {
    const adminContext = await browser.newContext();
    // Every violation of the editor area's Content-Security-Policy is recorded.
    await adminContext.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const admin = await signIn(adminContext, ADMIN);
    await admin.goto(`${server.url}/admin/users`);
    await admin.getByLabel('Full name').fill(EDITOR.name);
    await admin.getByLabel('Email').fill(EDITOR.email);
    await admin.getByLabel('Password').fill(EDITOR.password);
    await admin.getByRole('button', { name: 'Add user' }).click();
    expect(await admin.getByTestId('form-message').first().textContent()).toBe('The user has been added.');
    expect(await axeViolations(admin)).toEqual([]);
    expect(await admin.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    const headers = (await admin.goto(`${server.url}/admin/users`))!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-robots-tag']).toContain('noindex');
    await adminContext.close();

    const editorContext = await browser.newContext();
    const editor = await signIn(editorContext, EDITOR);
    expect(await editor.getByRole('link', { name: 'Users' }).count()).toBe(0);
    const res = await editor.goto(`${server.url}/admin/users`);
    expect(res!.status()).toBe(403);
    await editorContext.close();
  });

  it('shows staff the news in both languages side by side, with filters', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.getByRole('link', { name: 'News', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/news`);
    const table = page.getByTestId('news-table');
    expect(await table.locator('td').first().textContent()).toContain('IOM trains judges and prosecutors');
    expect(await table.locator('td').nth(1).textContent()).toContain('IOM trajnon gjyqtarë');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Languages').selectOption('sq-only');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/languages=sq-only/);
    expect(await page.getByText('No news matches.').isVisible()).toBe(true);
    await context.close();
  });

  it('throws a deactivated user out on their next click', async () => {
    const editorContext = await browser.newContext();
    const editor = await signIn(editorContext, EDITOR);

    const adminContext = await browser.newContext();
    const admin = await signIn(adminContext, ADMIN);
    await admin.goto(`${server.url}/admin/users`);
    await admin.getByTestId(`user-${EDITOR.email}`).getByRole('button', { name: /Deactivate/ }).click();
    await admin.getByTestId(`user-${EDITOR.email}`).getByText('Deactivated', { exact: true }).waitFor();

    await editor.getByRole('link', { name: 'My account' }).click();
    await editor.waitForURL(/\/admin\/sign-in/);
    expect(await editor.locator('h1').textContent()).toBe('Sign in');

    // Reactivated for the next tests.
    await admin.getByTestId(`user-${EDITOR.email}`).getByRole('button', { name: /Reactivate/ }).click();
    await admin.getByTestId(`user-${EDITOR.email}`).getByText('Active', { exact: true }).waitFor();
    await Promise.all([adminContext.close(), editorContext.close()]);
  });

  it('follows the language each user chooses', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, ADMIN);
    await page.goto(`${server.url}/admin/account`);
    await page.getByLabel('Language', { exact: true }).selectOption('sq');
    await page.getByRole('button', { name: 'Save language' }).click();
    await page.getByText('Gjuha u ruajt.').waitFor();
    await page.goto(`${server.url}/admin/users`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    expect(await page.locator('h1').textContent()).toBe('Përdoruesit');
    expect(await axeViolations(page)).toEqual([]);
    // An address that leads nowhere says so in the user's language too.
    expect((await page.goto(`${server.url}/admin/news/999999`))?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Faqja nuk u gjet');
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    await page.goto(`${server.url}/admin/account`);
    await page.getByLabel('Gjuha', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Ruaj gjuhën' }).click();
    await page.getByText('The language has been saved.').waitFor();
    await context.close();
  });

  it('keeps the sign-in page’s language for a user who never chose one, and a header switch saves a choice', async () => {
    // A browser that prefers Albanian: the sign-in page is in Albanian, and so is the area after it.
    const context = await browser.newContext({ locale: 'sq-AL' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    expect(await page.locator('h1').textContent()).toBe('Hyni');
    await page.getByLabel(LABELS.sq.email).fill(EDITOR.email);
    await page.getByLabel(LABELS.sq.password).fill(EDITOR.password);
    await page.getByRole('button', { name: LABELS.sq.submit }).click();
    await page.waitForURL(`${server.url}/admin`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    expect(await page.getByRole('link', { name: 'Lajme', exact: true }).count()).toBe(1);

    // One click in the header: the same page again, in English, and the choice is saved.
    await page.goto(`${server.url}/admin/news`);
    const switcher = page.getByRole('group', { name: 'Gjuha e zonës së redaktimit' });
    expect(await switcher.getByRole('button', { name: 'Shqip' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await switcher.getByRole('button', { name: 'English' }).click();
    await page.getByRole('group', { name: 'Language of the editor area' }).waitFor();
    expect(page.url()).toBe(`${server.url}/admin/news`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/sign-in/);
    await context.close();

    // Chosen now: an Albanian sign-in page no longer overrides it.
    const again = await browser.newContext({ locale: 'sq-AL' });
    const second = await again.newPage();
    await second.goto(`${server.url}/admin/sign-in`);
    expect(await second.locator('h1').textContent()).toBe('Hyni');
    await second.getByLabel(LABELS.sq.email).fill(EDITOR.email);
    await second.getByLabel(LABELS.sq.password).fill(EDITOR.password);
    await second.getByRole('button', { name: LABELS.sq.submit }).click();
    await second.waitForURL(`${server.url}/admin`);
    expect(await second.locator('html').getAttribute('lang')).toBe('en');
    await again.close();
  });

  it('offers English | Shqip on the sign-in page, which works without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in?next=/admin/pages`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Shqip' }).click();
    await page.waitForURL(`${server.url}/admin/sign-in?next=%2Fadmin%2Fpages`);
    expect(await page.locator('h1').textContent()).toBe('Hyni');
    expect(await page.getByRole('navigation', { name: 'Gjuha' }).getByRole('link', { name: 'Shqip' }).getAttribute('aria-current')).toBe('true');
    // Only an address of the editor area may follow (no open redirect).
    const res = await fetch(`${server.url}/admin/sign-in/language/en?next=https://evil.example/`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/sign-in');
    expect(res.headers.get('cache-control')).toContain('no-store');
    await context.close();
  });

  it('signs in a user created on the command line', async () => {
    const result = spawnSync('npm', ['run', '-s', 'user:create', '--', '--email', 'Cli.User@IOM.int', '--name', 'Cli User', '--role', 'editor'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir },
      input: 'Kalaja e Gjirokastrës 1336\n',
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const context = await browser.newContext();
    const page = await signIn(context, { email: 'cli.user@iom.int', password: 'Kalaja e Gjirokastrës 1336' });
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Cli User');
    await context.close();
  });
});

describe('every entry point checks for itself', () => {
  let roles: Map<string, ActionRole | undefined>;
  const role = (action: Action) => roles.get(action.id);

  beforeAll(async () => {
    roles = await declaredRoles(serverActions());
  });

  it('classifies every route handler: public by design, or refusing the anonymous', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/app-paths-manifest.json'), 'utf8'));
    const routes = Object.keys(manifest).filter((r) => r.endsWith('/route'));
    // Public by design: what search engines, feed readers and browsers fetch.
    // Sessions start and end in server actions; next-auth's own endpoints are not exposed.
    const PUBLIC = new Set([
      '/[locale]/news/feed.xml/route',
      '/[locale]/take-action/vacancies/feed.xml/route',
      '/api/health/route',
      // The sign-in page's English | Shqip links: a cookie for the page's language, no account touched.
      '/admin/sign-in/language/[locale]/route',
      // The language switch: sets the reader's locale cookie and redirects (lib/locale-switch.ts).
      '/api/locale/route',
      '/apple-icon.png/route',
      '/icon.png/route',
      // The media library's files, served only when the database lists them (db/media/serve.ts).
      '/media/[...path]/route',
      '/robots.txt/route',
      '/sitemap.xml/route',
      '/sitemaps/[file]/route',
    ]);
    const unclassified = routes.filter((r) => !PUBLIC.has(r));
    for (const route of unclassified) {
      const url = server.url + route.replace(/\/route$/, '').replace(/\[\.\.\.\w+\]|\[\w+\]/g, 'x');
      const res = await fetch(url, { redirect: 'manual' });
      expect({ route, refused: [401, 403].includes(res.status) }).toEqual({ route, refused: true });
    }
    expect(routes.filter((r) => (r.startsWith('/admin') || r.startsWith('/api')) && !PUBLIC.has(r))).toEqual(unclassified);
  });

  it('never writes a password, a code or a session cookie into the server’s log', () => {
    const log = server.output();
    for (const secret of [ADMIN.password, EDITOR.password, 'not the password at all', 'wrong password 6', 'authjs.session-token']) {
      expect(log).not.toContain(secret);
    }
  });

  it('keeps the session secret in DATA_DIR, readable by the server only', () => {
    const stat = fs.statSync(path.join(server.dataDir, 'auth-secret'));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(server.output()).not.toContain(fs.readFileSync(path.join(server.dataDir, 'auth-secret'), 'utf8').trim());
  });

  it('sends the password dictionaries to no browser: they load on the server when a password is set', () => {
    const dir = path.join(ROOT, '.next/static');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    // The dictionary's key, and the start of its compressed list of common passwords.
    const leaked = files.filter((f) => /passwords-common|ApasswordA12345678/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(leaked).toEqual([]);
  });

  it('finds the actions in the build', () => {
    const names = serverActions().map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['createUserAction', 'changeOwnPasswordAction', 'signInAction']));
  });

  it('declares every action with the wrapper: who may call it, and what it takes', () => {
    const undeclared = serverActions().filter((a) => role(a) === undefined);
    expect(undeclared.map((a) => `${a.file} ${a.name}`)).toEqual([]);
    // Open to anonymous callers by design: signing in starts a session, the
    // first-admin setup is guarded by its one-time token, signing out ends one.
    expect(serverActions().filter((a) => role(a) === 'anyone').map((a) => a.name).sort()).toEqual(['setupAdminAction', 'signInAction', 'signOutAction']);
  });

  it('refuses every staff action to an anonymous caller, whatever the proxy is told', async () => {
    for (const action of serverActions().filter((a) => role(a) !== 'anyone')) {
      const { status, body } = await callAction(action);
      expect({ action: action.name, status, refused: body.includes('"step":"unauthorized"') }).toEqual({ action: action.name, status: 200, refused: true });
    }
    const forged = await fetch(`${server.url}/admin/users`, { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }, redirect: 'manual' });
    expect(forged.status).toBe(307);
  });

  it('refuses a server action posted from another site with 403', async () => {
    const action = serverActions().find((a) => a.name === 'createUserAction')!;
    const res = await fetch(server.url + action.page, {
      method: 'POST',
      headers: { 'Next-Action': action.id, Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      body: '[]',
    });
    expect(res.status).toBe(403);
  });

  it('refuses admin actions to an editor', async () => {
    const context = await browser.newContext();
    await signIn(context, EDITOR);
    const cookie = await cookieHeader(context);
    const adminActions = serverActions().filter((a) => role(a) === 'admin');
    expect(adminActions.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'createUserAction',
        'setTwoFactorRequirementAction',
        'createPageAction',
        'movePageUpDownAction',
        'movePageAction',
        'movePageToAction',
        'trashPageAction',
        'restorePageAction',
        'deletePageForeverAction',
        'restoreNewsAction',
        'deleteNewsForeverAction',
      ]),
    );
    for (const action of adminActions) {
      const { body } = await callAction(action, cookie);
      expect({ action: action.name, refused: body.includes('"step":"forbidden"') }).toEqual({ action: action.name, refused: true });
    }
    await context.close();
  });

  it('answers junk arguments to every action, as an editor and as an admin, with the form’s message: no 500, nothing logged', async () => {
    // Field names the forms use, each sent twice (a list where one value is expected) with values no schema takes.
    const NAMES = ['id', 'itemId', 'pageId', 'revisionId', 'parentId', 'locale', 'version', 'baseVersion', 'intent', 'kind', 'direction', 'required', 'role', 'active'];
    const NAMES_TEXT = ['title', 'url', 'name', 'email', 'password', 'current', 'new', 'confirm', 'code', 'token', 'next', 'query', 'page'];
    const fields: [string, string][] = [...NAMES, ...NAMES_TEXT].flatMap((name) => [
      [`_1_${name}`, '1e400'],
      [`_1_${name}`, '-1'],
    ]);
    const JUNK = {
      'no arguments': '[]',
      'an object for the form': '["$undefined",{"pageId":[1,2],"itemId":{"$":1}}]',
      'too many arguments': '[{"pageId":"1e400","parentId":[],"position":1e400},5,"x"]',
      // A FormData argument as React encodes one: "$K1" stands for the fields named "_1_…", sent before the argument list.
      'a form of repeated, out-of-range fields': multipart([...fields, ['0', '["$undefined","$K1"]']]),
    };
    // Without fields to refuse: a form of junk is still a form (signing out would end the session the sweep uses).
    const NO_FIELDS = new Set(['signOutAction', 'startTwoFactorEnrolmentAction']);
    // The wrapper's own answer: the message and nothing else (no field errors: the body never ran).
    const invalid = '{"status":"error","message":"Check the form and try again."}';
    const before = server.output().length;
    for (const user of [EDITOR, ADMIN]) {
      const context = await browser.newContext();
      await signIn(context, user);
      const cookie = await cookieHeader(context);
      for (const action of serverActions()) {
        const expected = user === EDITOR && role(action) === 'admin' ? '"step":"forbidden"' : invalid;
        for (const [junk, body] of Object.entries(JUNK)) {
          if (NO_FIELDS.has(action.name) && typeof body !== 'string') continue;
          const answer = await callAction(action, cookie, body);
          expect({ user: user.email, action: action.name, junk, status: answer.status, answered: answer.body.includes(expected) }).toEqual({
            user: user.email,
            action: action.name,
            junk,
            status: 200,
            answered: true,
          });
        }
      }
      // The session is still good: no junk signed it out.
      const page = await context.newPage();
      await page.goto(`${server.url}/admin`);
      expect(page.url()).toBe(`${server.url}/admin`);
      await context.close();
    }
    expect(server.output().slice(before).split('\n').filter((line) => line.trim())).toEqual([]);
  });
});

describe('two-factor sign-in', () => {
  /** The code an authenticator shows `periods` periods from now. */
  const codeFor = (secret: string, periods = 0) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + periods * 30_000 });
  let recovery: string[] = [];

  it('is turned on with a scanned secret and the password, and then asked for at sign-in', async () => {
    // A session elsewhere (another browser, or a stolen cookie): it ends when two-factor sign-in is turned on.
    const elsewhereContext = await browser.newContext();
    const elsewhere = await signIn(elsewhereContext, EDITOR);
    const context = await browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${server.url}/admin/account`);
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    // The session alone is not enough: the password is asked, and a wrong one refused.
    await page.getByLabel('Six-digit code from the app').fill(codeFor(secret));
    await page.getByLabel('Your password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('The current password is not right.').waitFor();
    await page.getByLabel('Six-digit code from the app').fill('000000' === codeFor(secret) ? '111111' : '000000');
    await page.getByLabel('Your password', { exact: true }).fill(EDITOR.password);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('That code is not right.', { exact: false }).first().waitFor();
    expect(withDatabase(server.dataDir, (db) => db.select().from(users).where(eq(users.email, EDITOR.email)).get()!.totpSecret)).toBeNull();
    const confirmCode = codeFor(secret);
    await page.getByLabel('Six-digit code from the app').fill(confirmCode);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('form-message').textContent()).toContain('You have been signed out everywhere else.');
    recovery = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);

    // Stored encrypted, and in the audit log.
    const row = withDatabase(server.dataDir, (db) => db.select().from(users).where(eq(users.email, EDITOR.email)).get()!);
    expect(row.totpSecret).toMatch(/^v1:/);
    expect(row.totpSecret).not.toContain(secret);
    const logged = withDatabase(server.dataDir, (db) => db.select().from(auditEvents).where(eq(auditEvents.action, 'user.two_factor_on')).all());
    expect(logged.map((e) => e.userId)).toEqual([row.id]);

    // This session goes on; the other one has ended.
    await page.reload();
    expect(await page.getByTestId('two-factor-status').textContent()).toBe('Two-factor sign-in is on.');
    await elsewhere.getByRole('link', { name: 'My account' }).click();
    await elsewhere.waitForURL(/\/admin\/sign-in/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/signedOut=1/);

    // Password alone is not enough any more; the code that confirmed enrolment was spent.
    expect(await signInMessage(page, EDITOR.email, EDITOR.password)).toBe('Enter the code from your authenticator app.');
    await page.getByLabel('Code from your authenticator app, or a recovery code').fill(confirmCode);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect.poll(() => page.getByTestId('form-message').textContent()).toContain('That code is not right.');
    // The next period's code (the authenticator's next one) signs in — once.
    const next = codeFor(secret, 1);
    await page.getByLabel('Code from your authenticator app, or a recovery code').fill(next);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/admin`);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(EDITOR.name);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/signedOut=1/);
    expect(await signInMessage(page, EDITOR.email, EDITOR.password)).toBe('Enter the code from your authenticator app.');
    await page.getByLabel('Code from your authenticator app, or a recovery code').fill(next);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect.poll(() => page.getByTestId('form-message').textContent()).toContain('That code is not right.');
    await Promise.all([context.close(), elsewhereContext.close()]);
  });

  it('accepts a recovery code once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    expect(await signInMessage(page, EDITOR.email, EDITOR.password)).toBe('Enter the code from your authenticator app.');
    await page.getByLabel('Code from your authenticator app, or a recovery code').fill(recovery[0]!.toUpperCase());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/signedOut=1/);

    expect(await signInMessage(page, EDITOR.email, EDITOR.password)).toBe('Enter the code from your authenticator app.');
    await page.getByLabel('Code from your authenticator app, or a recovery code').fill(recovery[0]!);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect.poll(() => page.getByTestId('form-message').textContent()).toContain('That code is not right.');
    await context.close();
  });

  it('can be required for all staff by an admin who has it, and reset by an admin for another user', async () => {
    const adminContext = await browser.newContext();
    const admin = await signIn(adminContext, ADMIN);
    await admin.goto(`${server.url}/admin/users`);
    await admin.getByLabel('Require two-factor sign-in for all staff').check();
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('Turn on two-factor sign-in for your own account first', { exact: false }).waitFor();

    await admin.goto(`${server.url}/admin/account`);
    await admin.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const secret = (await admin.getByTestId('totp-secret').textContent())!;
    await admin.getByLabel('Six-digit code from the app').fill(codeFor(secret));
    await admin.getByLabel('Your password', { exact: true }).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Confirm' }).click();
    await admin.getByTestId('recovery-codes').waitFor();

    await admin.goto(`${server.url}/admin/users`);
    await admin.getByLabel('Require two-factor sign-in for all staff').check();
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('The setting has been saved.').waitFor();

    // The CLI user has no second factor: they may only reach My account to turn it on.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Email').fill('cli.user@iom.int');
    await page.getByLabel('Password').fill('Kalaja e Gjirokastrës 1336');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/account\?twoFactorRequired=1$/);
    expect(await page.getByRole('alert').first().textContent()).toContain('requires two-factor sign-in');

    // The editor lost their phone: signed in with a recovery code, then the admin resets their second factor.
    const editorContext = await browser.newContext();
    const editor = await editorContext.newPage();
    await editor.goto(`${server.url}/admin/sign-in`);
    expect(await signInMessage(editor, EDITOR.email, EDITOR.password)).toBe('Enter the code from your authenticator app.');
    await editor.getByLabel('Code from your authenticator app, or a recovery code').fill(recovery[1]!);
    await editor.getByRole('button', { name: 'Sign in' }).click();
    await editor.waitForURL(`${server.url}/admin`);

    await admin.reload();
    const editorRow = admin.getByTestId(`user-${EDITOR.email}`);
    expect(await editorRow.getByText('Two-factor sign-in on').isVisible()).toBe(true);
    // Only other users' rows have the button (an admin's own row has no actions at all).
    expect(await admin.getByTestId(`user-${ADMIN.email}`).getByRole('button', { name: /Reset two-factor sign-in/ }).count()).toBe(0);
    expect(await admin.getByTestId('user-cli.user@iom.int').getByRole('button', { name: /Reset two-factor sign-in/ }).count()).toBe(0);
    await editorRow.getByRole('button', { name: `Reset two-factor sign-in ${EDITOR.name}` }).click();
    await editorRow.getByText('Two-factor sign-in has been reset and the user has been signed out.').waitFor();
    expect(await editorRow.getByText('Two-factor sign-in on').count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);
    const reset = withDatabase(server.dataDir, (db) => db.select().from(auditEvents).where(eq(auditEvents.action, 'user.two_factor_reset')).all());
    expect(reset).toHaveLength(1);

    // The editor's session has ended; the password alone signs in, straight to setting two-factor up again.
    await editor.getByRole('link', { name: 'My account' }).click();
    await editor.waitForURL(/\/admin\/sign-in/);
    await editor.getByLabel('Email').fill(EDITOR.email);
    await editor.getByLabel('Password').fill(EDITOR.password);
    await editor.getByRole('button', { name: 'Sign in' }).click();
    await editor.waitForURL(`${server.url}/admin/account`); // where they were going
    expect(await editor.getByTestId('two-factor-status').textContent()).toBe('Two-factor sign-in is off.');
    await editor.goto(`${server.url}/admin`);
    await editor.waitForURL(/\/admin\/account\?twoFactorRequired=1$/);

    // Back to optional for whoever runs next.
    await admin.reload();
    await admin.getByLabel('Require two-factor sign-in for all staff').uncheck();
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('The setting has been saved.').waitFor();
    await Promise.all([adminContext.close(), context.close(), editorContext.close()]);
  });
});

describe('two-factor secrets stored before they were encrypted', () => {
  it('are encrypted when the server starts and still sign in; secrets its key cannot open are reported', async () => {
    const dataDir = makeTempDir('iom-e2e-');
    const secret = generateTotpSecret();
    const db = openDatabase(dataDir);
    try {
      migrateDatabase(db);
      for (const user of [EDITOR, { ...ADMIN, email: 'moved@iom.int' }]) await insertUserRow(db, { ...user, role: 'editor' }, { id: null });
      // As the previous version stored it: in clear text.
      db.update(users).set({ totpSecret: secret }).where(eq(users.email, EDITOR.email)).run();
      // Encrypted by another server, whose secret this one does not have.
      const moved = db.select().from(users).where(eq(users.email, 'moved@iom.int')).get()!;
      const foreign = sealTotpSecret(totpKey('the secret of another server, 32+ characters'), moved.id, generateTotpSecret());
      db.update(users).set({ totpSecret: foreign }).where(eq(users.id, moved.id)).run();
    } finally {
      db.$client.close();
    }
    const old = await startServer({ dataDir });
    try {
      expect(old.output()).toContain('[auth] encrypted the two-factor secrets of 1 user(s), stored in clear text until now');
      expect(old.output()).toMatch(/The two-factor secrets of 1 user\(s\) were encrypted with another server secret .*: moved@iom\.int\./);
      const stored = withDatabase(dataDir, (db) => db.select().from(users).where(eq(users.email, EDITOR.email)).get()!.totpSecret!);
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(secret);

      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${old.url}/admin/sign-in`);
      await page.getByLabel('Email').fill(EDITOR.email);
      await page.getByLabel('Password').fill(EDITOR.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Code from your authenticator app, or a recovery code').fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${old.url}/admin`);
      await context.close();
    } finally {
      await old.stop();
    }
  });
});
