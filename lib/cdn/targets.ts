import type { CDN_TARGETS } from '@/db/schema';

/**
 * The CDNs to purge, from the environment (docs/operations.md). None
 * configured: no purge is ever queued. Every variable is read here only.
 *
 * - Varnish: CDN_VARNISH_URLS, its address(es), comma-separated
 *   (`http://127.0.0.1:6081`); each gets `PURGE /` with the tags in an
 *   `xkey` header (deploy/varnish/default.vcl).
 * - Cloudflare: CDN_CLOUDFLARE_ZONE_ID and CDN_CLOUDFLARE_API_TOKEN (a token
 *   allowed "Cache Purge" on the zone); purge by tag.
 * - Fastly: CDN_FASTLY_SERVICE_ID and CDN_FASTLY_API_TOKEN (purge_select);
 *   purge by surrogate key.
 * CDN_CLOUDFLARE_API_URL and CDN_FASTLY_API_URL replace the APIs' addresses
 * (for a test's stand-in server).
 */

export type CdnName = (typeof CDN_TARGETS)[number];

export type CdnTarget =
  | { name: 'varnish'; urls: string[] }
  | { name: 'cloudflare'; apiUrl: string; zoneId: string; token: string }
  | { name: 'fastly'; apiUrl: string; serviceId: string; token: string };

type Source = Record<string, string | undefined>;

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Invalid environment: ${name} is not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Invalid environment: ${name} must be an http(s) address`);
  return value.replace(/\/+$/, '');
}

/** Both variables of a pair, or neither. */
function pair(source: Source, id: string, token: string): [string, string] | null {
  const a = source[id]?.trim();
  const b = source[token]?.trim();
  if (!a && !b) return null;
  if (!a || !b) throw new Error(`Invalid environment: ${id} and ${token} go together`);
  return [a, b];
}

/** The configured CDNs; throws (naming the variable, never its value) on a bad configuration. */
export function readCdnTargets(source: Source = process.env): CdnTarget[] {
  const targets: CdnTarget[] = [];
  const varnish = source.CDN_VARNISH_URLS?.split(',').map((u) => u.trim()).filter(Boolean) ?? [];
  if (varnish.length > 0) targets.push({ name: 'varnish', urls: varnish.map((u) => httpUrl('CDN_VARNISH_URLS', u)) });
  const cloudflare = pair(source, 'CDN_CLOUDFLARE_ZONE_ID', 'CDN_CLOUDFLARE_API_TOKEN');
  if (cloudflare) {
    const apiUrl = httpUrl('CDN_CLOUDFLARE_API_URL', source.CDN_CLOUDFLARE_API_URL || 'https://api.cloudflare.com/client/v4');
    targets.push({ name: 'cloudflare', apiUrl, zoneId: cloudflare[0], token: cloudflare[1] });
  }
  const fastly = pair(source, 'CDN_FASTLY_SERVICE_ID', 'CDN_FASTLY_API_TOKEN');
  if (fastly) {
    const apiUrl = httpUrl('CDN_FASTLY_API_URL', source.CDN_FASTLY_API_URL || 'https://api.fastly.com');
    targets.push({ name: 'fastly', apiUrl, serviceId: fastly[0], token: fastly[1] });
  }
  return targets;
}

/** The names of the configured CDNs (what the outbox queues a row for). */
export function configuredCdns(source: Source = process.env): CdnName[] {
  return readCdnTargets(source).map((t) => t.name);
}
