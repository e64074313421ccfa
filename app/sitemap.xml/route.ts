import { sitemapEntries } from '@/db/queries/sitemap';
import { absoluteUrl } from '@/lib/seo';
import { chunkEntries, SITEMAP_HEADERS, sitemapIndexXml, urlsetXml } from '@/lib/sitemap';

// Rendered per request, never at build time (the build must not read a
// database); a CDN may hold it for five minutes.
export const dynamic = 'force-dynamic';

/** One sitemap while the site fits in one; past the protocol's limits, an index of several. */
export function GET() {
  const chunks = chunkEntries(sitemapEntries());
  const body =
    chunks.length === 1
      ? urlsetXml(chunks[0]!)
      : sitemapIndexXml(chunks.map((_, i) => ({ loc: absoluteUrl(`/sitemaps/${i + 1}.xml`) })));
  return new Response(body, { headers: SITEMAP_HEADERS });
}
