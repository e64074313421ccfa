import type { CdnTarget } from './targets';

/**
 * The HTTP requests that purge `tags` from one CDN, as each one's API takes
 * them, in batches no larger than it accepts.
 */

export type PurgeRequest = { url: string; init: { method: string; headers: Record<string, string>; body?: string } };

/** Cloudflare: at most 100 tags a call; Fastly: 256 keys a call. */
const BATCH = { cloudflare: 100, fastly: 256, varnish: 200 } as const;

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function purgeRequests(target: CdnTarget, tags: string[]): PurgeRequest[] {
  return batches(tags, BATCH[target.name]).flatMap((batch): PurgeRequest[] => {
    switch (target.name) {
      case 'varnish':
        // deploy/varnish/default.vcl: PURGE with xkey drops every object carrying one of the keys.
        return target.urls.map((url) => ({ url: `${url}/`, init: { method: 'PURGE', headers: { xkey: batch.join(' ') } } }));
      case 'cloudflare':
        return [
          {
            url: `${target.apiUrl}/zones/${encodeURIComponent(target.zoneId)}/purge_cache`,
            init: { method: 'POST', headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ tags: batch }) },
          },
        ];
      case 'fastly':
        return [
          {
            url: `${target.apiUrl}/service/${encodeURIComponent(target.serviceId)}/purge`,
            init: { method: 'POST', headers: { 'fastly-key': target.token, accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ surrogate_keys: batch }) },
          },
        ];
    }
  });
}

/** How long one purge request may take before it counts as failed. */
const TIMEOUT_MS = 10_000;

/**
 * Sends the purge; throws with a short reason (the status, or the network
 * error's code — never a header, so never a token) when the CDN did not take it.
 */
export async function sendPurge(target: CdnTarget, tags: string[], fetchImpl: typeof fetch = fetch): Promise<void> {
  for (const { url, init } of purgeRequests(target, tags)) {
    let response: Response;
    try {
      response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new Error(`${target.name}: no answer (${cause})`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new Error(`${target.name}: HTTP ${response.status}`);
    // Cloudflare answers 200 with { success: false } on some refusals.
    if (target.name === 'cloudflare') {
      let success = false;
      try {
        success = (JSON.parse(text) as { success?: unknown }).success === true;
      } catch {
        // Not JSON: not a confirmation either.
      }
      if (!success) throw new Error('cloudflare: the API did not confirm the purge');
    }
  }
}
