// npm run bench:hostile — what an anonymous client can make the server
// spend: the server's CPU time per request (from /proc) for each hostile
// request known (issue 15), and /api/health's latency while such requests
// keep arriving. Loopback only, bounded (about a minute); needs curl.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { flatArguments, multipart, nestedArguments, postRaw, type RawAnswer, signInActionId } from './hostile-requests';
import { cpuMs } from './proc';
import { startSampleServer } from './server-for-tools';
import { ANONYMOUS_BODY_LIMIT, MAX_NESTING } from '@/lib/request-guard';
import { localizedPath } from '@/i18n/paths';
import { newsHref } from '@/lib/hrefs';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

type Case = { name: string; send: () => Promise<RawAnswer> };

/**
 * One GET timed by curl in a process of its own: this process is busy
 * sending the hostile bodies, which would delay a request of its own.
 */
function probe(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-s', '-o', '/dev/null', '--max-time', '20', '-w', '%{http_code} %{time_total}', url], (error, stdout) => {
      const [code, seconds] = stdout.split(' ');
      if (error || code !== '200') reject(new Error(`health probe: ${code} ${error?.message ?? ''}`));
      else resolve(Number(seconds) * 1000);
    });
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const { base, server, stop } = await startSampleServer(Number(process.env.BENCH_ARTICLES ?? 200));
  const pid = server.pid!;
  try {
    const id = await signInActionId(base);
    const action = (contentType: string, extra: Record<string, string> = {}) => ({ 'Next-Action': id, Origin: base, 'Content-Type': contentType, ...extra });
    const post = (path: string, body: { body: Buffer; contentType: string }, options: { chunked?: boolean; headers?: Record<string, string> } = {}) => () =>
      postRaw(base + path, action(body.contentType, options.headers), body.body, options);
    const signInArgs = (email: string, password: string) => multipart([['1_email', email], ['1_password', password], ['1_next', '/admin'], ['0', '[{"status":"idle"},"$K1"]']]);
    // The deepest nesting let through, padded with a flat list up to the anonymous limit.
    const deepest = multipart([['0', `${'['.repeat(MAX_NESTING)}${'0,'.repeat((ANONYMOUS_BODY_LIMIT - 2 * MAX_NESTING - 400) / 2)}0${']'.repeat(MAX_NESTING)}`]]);
    const manyFields = multipart(Array.from({ length: Math.floor((ANONYMOUS_BODY_LIMIT - 200) / 80) }, (_, i) => [`1_f${i}`, 'x'] as [string, string]).concat([['0', '[{"status":"idle"},"$K1"]']]));
    let wrong = 0;
    const cases: Case[] = [
      { name: 'sign-in, empty fields (the form’s own message)', send: post('/admin/sign-in', signInArgs('', '')) },
      { name: 'sign-in, unknown email (argon2id against a dummy hash)', send: () => post('/admin/sign-in', signInArgs(`nobody${wrong++}@example.org`, 'not the password at all'))() },
      { name: 'array nested 900,000 deep, 1.8 MB (the penetration test’s)', send: post('/admin/sign-in', nestedArguments(900_000)) },
      { name: 'the same, chunked', send: post('/admin/sign-in', nestedArguments(900_000), { chunked: true }) },
      { name: `nested ${MAX_NESTING} deep (the most let through), ${ANONYMOUS_BODY_LIMIT / 1024} kB`, send: post('/admin/sign-in', deepest) },
      { name: `flat array at the anonymous limit (${ANONYMOUS_BODY_LIMIT / 1024} kB)`, send: post('/admin/sign-in', flatArguments(ANONYMOUS_BODY_LIMIT - 300)) },
      { name: `${Math.floor((ANONYMOUS_BODY_LIMIT - 200) / 80)} form fields at the anonymous limit`, send: post('/admin/sign-in', manyFields) },
      { name: 'action post to a public address (/news)', send: post(localizedPath(newsHref(), 'en'), signInArgs('', '')) },
      { name: 'action post from another site', send: post('/admin/sign-in', signInArgs('', ''), { headers: { Origin: 'https://evil.example' } }) },
    ];
    // Warm up every path once (first requests load code).
    for (const c of cases.filter((c) => !c.name.includes('argon2'))) for (let i = 0; i < 3; i++) await c.send();

    const rows: { name: string; status: string; cpu: number }[] = [];
    for (const c of cases) {
      const statuses = new Set<string>();
      const before = cpuMs(pid);
      // Fewer of the sign-ins that hash: 20 from one address in 15 minutes are throttled.
      const n = c.name.includes('argon2') ? Math.min(REPEAT, 10) : REPEAT;
      for (let i = 0; i < n; i++) {
        const answer = await c.send();
        statuses.add(answer.error ? `${answer.status} (${answer.error})` : String(answer.status));
      }
      await new Promise((r) => setTimeout(r, 100));
      rows.push({ name: c.name, status: [...statuses].join(', '), cpu: (cpuMs(pid) - before) / n });
    }

    // /api/health while hostile requests keep arriving, `concurrency` at a time.
    const health = async (hostile: Case | null, concurrency: number) => {
      let running = true;
      let sent = 0;
      const cpuBefore = cpuMs(pid);
      const loops = hostile ? Array.from({ length: concurrency }, async () => {
        while (running) {
          await hostile.send();
          sent++;
        }
      }) : [];
      const latencies: number[] = [];
      const end = Date.now() + LOAD_SECONDS * 1000;
      while (Date.now() < end) {
        latencies.push(await probe(`${base}/api/health`));
        await new Promise((r) => setTimeout(r, 100));
      }
      running = false;
      await Promise.all(loops);
      const cpu = cpuMs(pid) - cpuBefore;
      return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), rate: sent / LOAD_SECONDS, cpuShare: cpu / (LOAD_SECONDS * 10) };
    };
    const worst = [...rows].filter((r) => !r.name.includes('argon2')).sort((a, b) => b.cpu - a.cpu)[0]!;
    const loads: [string, Case | null, number][] = [
      ['nothing else', null, 0],
      ['the penetration test’s request, 3 at a time', cases[2]!, 3],
      ['the penetration test’s request, chunked, 10 at a time', cases[3]!, 10],
      [`the costliest body above (${worst.name}), 10 at a time`, cases.find((c) => c.name === worst.name)!, 10],
    ];
    const healthRows = [];
    for (const [name, c, k] of loads) healthRows.push({ name, ...(await health(c, k)) });

    console.log(`\nIOM Albania hostile-request bench — ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
    console.log(`No session. Server CPU time per request (user + system, /proc, ${REPEAT} requests each, after a warm-up):\n`);
    console.log('| request | answer | server CPU ms/request |\n|---|---|---:|');
    for (const r of rows) console.log(`| ${r.name} | ${r.status} | ${r.cpu.toFixed(1)} |`);
    console.log(`\n/api/health (timed by curl, one request every 100 ms for ${LOAD_SECONDS} s) while hostile requests arrive:\n`);
    console.log('| meanwhile | hostile requests/s | server CPU (share of one core) | health p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|');
    for (const r of healthRows) console.log(`| ${r.name} | ${r.rate.toFixed(0)} | ${r.cpuShare.toFixed(0)} % | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`);
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
