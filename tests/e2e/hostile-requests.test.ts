import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentList, flatArguments, multipart, nestedArguments, postRaw, signInActionId } from '@/scripts/hostile-requests';
import { cpuMs } from '@/scripts/proc';
import { ACTION_BODY_LIMIT, ANONYMOUS_BODY_LIMIT, MAX_ARGUMENTS, MAX_NESTING } from '@/lib/request-guard';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff } from '../helpers/staff';

/**
 * What a hostile client sends (issue 15, points 3 and 4), as raw HTTP
 * against `next start`: bodies too large or nested too deeply for a server
 * action, and action posts to addresses that have none. Each is answered by
 * lib/request-guard.ts before Next.js reads the body.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };

let server: RunningServer;
let actionId: string;
/** The editor's session cookie, from the sign-in form posted without JavaScript. */
let session: string;

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The sign-in page's form fields as a browser without JavaScript posts them. */
async function signInForm(email: string, password: string): Promise<[string, string][]> {
  const html = await (await fetch(`${server.url}/admin/sign-in`)).text();
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [name!, decodeAttribute(value ?? '')] as [string, string]);
  expect(hidden.map(([name]) => name)).toContain('$ACTION_KEY');
  return [...hidden, ['email', email], ['password', password]];
}

function action(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Next-Action': actionId, Origin: server.url, ...extra };
}

/** The server's CPU time (ms) while `run` ran, once what it was doing before has settled. */
async function serverCpuDuring(run: () => Promise<void>): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = cpuMs(server.pid);
  await run();
  return cpuMs(server.pid) - before;
}

/** The lines the server printed while `run` ran. */
async function logLines(run: () => Promise<void>): Promise<string[]> {
  const before = server.output().length;
  await run();
  // Whatever Next would print about a request comes within a moment of its answer.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return server.output().slice(before).split('\n').filter((line) => line.trim());
}

beforeAll(async () => {
  server = await startServer();
  await addStaff(server.dataDir, [EDITOR]);
  actionId = await signInActionId(server.url);
  const form = multipart(await signInForm(EDITOR.email, EDITOR.password));
  const res = await fetch(`${server.url}/admin/sign-in`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': form.contentType }, body: new Uint8Array(form.body), redirect: 'manual' });
  expect(res.status).toBe(303);
  session = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  expect(session).toContain('authjs.session-token=');
});

afterAll(async () => {
  await server?.stop();
});

describe('server-action bodies are bounded before Next reads them', () => {
  it('refuses the penetration test’s request (an array nested 900,000 deep, 1.8 MB) with 413, at little CPU, sent either way', async () => {
    const { body, contentType } = nestedArguments(900_000);
    let lines: string[] = [];
    const cpu = await serverCpuDuring(async () => {
      lines = await logLines(async () => {
        for (const chunked of [false, true, false, true]) {
          const answer = await postRaw(`${server.url}/admin/sign-in`, action({ 'Content-Type': contentType }), body, { chunked });
          expect({ chunked, status: answer.status, error: answer.error }).toEqual({ chunked, status: 413, error: undefined });
        }
      });
    });
    // Before: 0.7–0.85 s of CPU each, answered 500. Read and dropped now: a few ms each.
    expect(cpu).toBeLessThan(400);
    expect(lines).toEqual([]);
  });

  it('gives an anonymous request ANONYMOUS_BODY_LIMIT, a session ACTION_BODY_LIMIT, whatever the body declares', async () => {
    const anonymous = flatArguments(ANONYMOUS_BODY_LIMIT + 1024);
    for (const chunked of [false, true]) {
      expect((await postRaw(`${server.url}/admin/sign-in`, action({ 'Content-Type': anonymous.contentType }), anonymous.body, { chunked })).status).toBe(413);
      // A session cookie that is not one (made up, or signed by someone else) is no session.
      const forged = { 'Content-Type': anonymous.contentType, Cookie: 'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z' };
      expect((await postRaw(`${server.url}/admin/news`, action(forged), anonymous.body, { chunked })).status).toBe(413);
      // With a session the same body reaches the action (which refuses its arguments in its own way).
      expect((await postRaw(`${server.url}/admin/news`, action({ 'Content-Type': anonymous.contentType, Cookie: session }), anonymous.body, { chunked })).status).not.toBe(413);

      const huge = Buffer.alloc(ACTION_BODY_LIMIT + 1, 0x61);
      const answer = await postRaw(`${server.url}/admin/news`, action({ 'Content-Type': 'text/plain;charset=UTF-8', Cookie: session }), huge, { chunked });
      // Before: 500 (Next's own limit, answered as an error).
      expect({ chunked, status: answer.status, error: answer.error }).toEqual({ chunked, status: 413, error: undefined });
    }
  });

  it(`refuses arguments nested deeper than ${MAX_NESTING} with 400 before they are decoded, with a session too`, async () => {
    // As deep as the session's size limit allows (1 MB).
    const deep = nestedArguments(500_000);
    expect(deep.body.length).toBeLessThan(ACTION_BODY_LIMIT);
    let lines: string[] = [];
    const cpu = await serverCpuDuring(async () => {
      lines = await logLines(async () => {
        for (const chunked of [false, true, false, true]) {
          const answer = await postRaw(`${server.url}/admin/news`, action({ 'Content-Type': deep.contentType, Cookie: session }), deep.body, { chunked });
          expect({ chunked, status: answer.status }).toEqual({ chunked, status: 400 });
        }
      });
    });
    // Before: decoded by React (~0.4 s each) and answered 500.
    expect(cpu).toBeLessThan(500);
    expect(lines).toEqual([]);
    // Nesting a form really sends passes (the action then refuses arguments that are not its own).
    const shallow = nestedArguments(MAX_NESTING);
    expect((await postRaw(`${server.url}/admin/news`, action({ 'Content-Type': shallow.contentType, Cookie: session }), shallow.body)).status).not.toBe(400);
  });

  it('keeps /api/health answering while hostile requests arrive, each costing the server little', async () => {
    const { body, contentType } = nestedArguments(900_000);
    let running = true;
    let sent = 0;
    const latencies: number[] = [];
    const cpu = await serverCpuDuring(async () => {
      const attackers = Array.from({ length: 3 }, async () => {
        while (running) {
          expect((await postRaw(`${server.url}/admin/sign-in`, action({ 'Content-Type': contentType }), body, { chunked: true })).status).toBe(413);
          sent++;
        }
      });
      try {
        for (let i = 0; i < 20; i++) {
          const start = performance.now();
          expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
          latencies.push(performance.now() - start);
        }
      } finally {
        running = false;
        await Promise.all(attackers);
      }
    });
    // Before: 0.7 s of CPU each, and three at once stalled /api/health for over 3 s. The
    // 50 ms and 100 ms targets are npm run bench:hostile's (this process sends the hostile
    // bodies too, which delays its own requests; the machine may be shared): here, bounds
    // that only the old behaviour crosses.
    expect(sent).toBeGreaterThan(3);
    expect(cpu / sent).toBeLessThan(150);
    expect(Math.max(...latencies)).toBeLessThan(3000);
  });
});

describe('junk arguments of an allowed size', () => {
  it('are answered by the action with the form’s message, not a 500, and nothing is logged', async () => {
    // 749 arguments, and as many as Next applies an action to (MAX_ARGUMENTS), as both kinds of body.
    const flat = flatArguments(1500);
    const nested = nestedArguments(MAX_NESTING);
    const most = argumentList(MAX_ARGUMENTS);
    const mostAsText = argumentList(MAX_ARGUMENTS, 'text');
    const lines = await logLines(async () => {
      for (const [name, junk] of Object.entries({ flat, nested, most, mostAsText })) {
        for (const cookie of [undefined, session]) {
          const answer = await postRaw(`${server.url}/admin/sign-in`, action({ 'Content-Type': junk.contentType, ...(cookie ? { Cookie: cookie } : {}) }), junk.body);
          // Before the action wrapper (lib/auth/action.ts): 500, and a TypeError in the log.
          expect({ name, session: Boolean(cookie), status: answer.status, invalid: answer.body.includes('{"status":"error","message":"Check the form and try again."}') }).toEqual({
            name,
            session: Boolean(cookie),
            status: 200,
            invalid: true,
          });
        }
      }
    });
    expect(lines).toEqual([]);
  });

  it(`are refused with 400 past ${MAX_ARGUMENTS} arguments or when they are no list, before Next decodes them, and nothing is logged`, async () => {
    const junks = {
      tooMany: argumentList(MAX_ARGUMENTS + 1),
      tooManyAsText: argumentList(MAX_ARGUMENTS + 1, 'text'),
      // The largest list the anonymous body limit lets through.
      largest: flatArguments(ANONYMOUS_BODY_LIMIT - 1024),
      notAList: multipart([['0', '0']]),
      aString: { body: Buffer.from(JSON.stringify('x'.repeat(MAX_ARGUMENTS + 1))), contentType: 'text/plain;charset=UTF-8' },
      noRoot: multipart([['1', '[]']]),
    };
    const answered: Record<string, number> = {};
    const lines = await logLines(async () => {
      for (const [name, junk] of Object.entries(junks)) {
        for (const cookie of [undefined, session]) {
          const answer = await postRaw(`${server.url}/admin/sign-in`, action({ 'Content-Type': junk.contentType, ...(cookie ? { Cookie: cookie } : {}) }), junk.body);
          answered[`${name}${cookie ? ', with a session' : ''}`] = answer.status;
        }
      }
    });
    // Before: 500 from Next ("Server Action arguments list is too long", or the action
    // applied to what is no list), and the error in the log.
    expect(answered).toEqual(Object.fromEntries(Object.keys(answered).map((key) => [key, 400])));
    expect(lines).toEqual([]);
  });
});

describe('action posts where there is no action', () => {
  const PUBLIC = ['/', '/news', '/sq', '/sq/lajme', '/news/no-such-article', '/who-we-are', '/api/nothing', '/search?q=x'];

  it('answers 405 on public addresses, from this site or another, with nothing in the log', async () => {
    const { body, contentType } = multipart([['0', '["$K1"]']]);
    const lines = await logLines(async () => {
      for (const path of PUBLIC) {
        for (const origin of [server.url, 'https://evil.example']) {
          const answer = await postRaw(server.url + path, action({ Origin: origin, 'Content-Type': contentType }), body);
          // Before: 500, and about ten lines with `uncaughtException: Error: aborted`.
          expect({ path, origin, status: answer.status }).toEqual({ path, origin, status: 405 });
        }
      }
    });
    expect(lines).toEqual([]);
    // GET is untouched.
    expect((await fetch(`${server.url}/news`)).status).toBe(200);
  });

  it('checks the origin of a form posted without JavaScript ($ACTION_ID_ / $ACTION_REF_ fields, no Next-Action header)', async () => {
    const refForm = multipart(await signInForm(EDITOR.email, 'not the password at all'));
    const idForm = multipart([[`$ACTION_ID_${actionId}`, ''], ['email', EDITOR.email], ['password', 'not the password at all']]);
    for (const form of [refForm, idForm]) {
      for (const origin of ['https://evil.example', undefined]) {
        const headers: Record<string, string> = { 'Content-Type': form.contentType, ...(origin ? { Origin: origin } : {}) };
        // Before: 500 from another site, and without an Origin the action ran.
        expect((await postRaw(`${server.url}/admin/sign-in`, headers, form.body)).status).toBe(403);
      }
    }
    // From this site the form works as before (a wrong password: the form again, with its message).
    const answer = await postRaw(`${server.url}/admin/sign-in`, { 'Content-Type': refForm.contentType, Origin: server.url }, refForm.body);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('The email or password is not right.');
  });
});
