import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendPurge } from '@/lib/cdn/send';
import { readCdnTargets } from '@/lib/cdn/targets';

// Cloudflare's and Fastly's APIs cannot be reached from here: a local HTTP
// server stands in for them (an HTTP peer, not a stand-in for our code), and
// the test checks the requests that the real APIs document.

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function peer(answer: (req: Seen) => { status: number; body?: string }): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(r);
      const { status, body: out = '' } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(out);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

describe('CDN configuration', () => {
  it('is empty without variables, and names a half-set pair without its value', () => {
    expect(readCdnTargets({})).toEqual([]);
    expect(() => readCdnTargets({ CDN_CLOUDFLARE_ZONE_ID: 'z' })).toThrow('CDN_CLOUDFLARE_ZONE_ID and CDN_CLOUDFLARE_API_TOKEN go together');
    expect(() => readCdnTargets({ CDN_VARNISH_URLS: 'ftp://x' })).toThrow('CDN_VARNISH_URLS must be an http(s) address');
  });
});

describe('purge requests', () => {
  it('purges Cloudflare by tag, 100 tags a call, with the token as bearer', async () => {
    const api = await peer(() => ({ status: 200, body: '{"success":true,"errors":[],"result":{"id":"z"}}' }));
    const [target] = readCdnTargets({ CDN_CLOUDFLARE_ZONE_ID: 'zone1', CDN_CLOUDFLARE_API_TOKEN: 'tok', CDN_CLOUDFLARE_API_URL: api.url });
    const tags = Array.from({ length: 150 }, (_, i) => `addr/news/n${i}`);
    await sendPurge(target!, tags);
    expect(api.seen.map((r) => [r.method, r.url, r.headers.authorization, r.headers['content-type']])).toEqual([
      ['POST', '/zones/zone1/purge_cache', 'Bearer tok', 'application/json'],
      ['POST', '/zones/zone1/purge_cache', 'Bearer tok', 'application/json'],
    ]);
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ tags: tags.slice(0, 100) });
    expect(JSON.parse(api.seen[1]!.body)).toEqual({ tags: tags.slice(100) });
  });

  it('counts a Cloudflare answer without success as a failure', async () => {
    const api = await peer(() => ({ status: 200, body: '{"success":false,"errors":[{"code":1134}]}' }));
    const [target] = readCdnTargets({ CDN_CLOUDFLARE_ZONE_ID: 'z', CDN_CLOUDFLARE_API_TOKEN: 't', CDN_CLOUDFLARE_API_URL: api.url });
    await expect(sendPurge(target!, ['site'])).rejects.toThrow('cloudflare: the API did not confirm the purge');
  });

  it('purges Fastly by surrogate key, with the Fastly-Key header', async () => {
    const api = await peer(() => ({ status: 200, body: '{"addr/":"1"}' }));
    const [target] = readCdnTargets({ CDN_FASTLY_SERVICE_ID: 'svc', CDN_FASTLY_API_TOKEN: 'key', CDN_FASTLY_API_URL: api.url });
    await sendPurge(target!, ['addr/', 'search']);
    expect(api.seen).toHaveLength(1);
    expect([api.seen[0]!.method, api.seen[0]!.url, api.seen[0]!.headers['fastly-key']]).toEqual(['POST', '/service/svc/purge', 'key']);
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ surrogate_keys: ['addr/', 'search'] });
  });

  it('sends Varnish a PURGE with the keys in xkey, and reports a refusal by status only', async () => {
    const varnish = await peer((r) => ({ status: r.method === 'PURGE' ? 403 : 200 }));
    const [target] = readCdnTargets({ CDN_VARNISH_URLS: varnish.url });
    const error = await sendPurge(target!, ['addr/news/x', 'news-list']).catch((e: Error) => e);
    expect(varnish.seen.map((r) => [r.method, r.url, r.headers.xkey])).toEqual([['PURGE', '/', 'addr/news/x news-list']]);
    expect((error as Error).message).toBe('varnish: HTTP 403');
  });

  it('reports a CDN that does not answer', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = await peer(() => ({ status: 200 }));
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const [target] = readCdnTargets({ CDN_FASTLY_SERVICE_ID: 's', CDN_FASTLY_API_TOKEN: 'secret-token', CDN_FASTLY_API_URL: closed.url });
    const error = (await sendPurge(target!, ['site']).catch((e: Error) => e)) as Error;
    expect(error.message).toBe('fastly: no answer (ECONNREFUSED)');
  });
});
