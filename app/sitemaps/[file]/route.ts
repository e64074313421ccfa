import { sitemapEntries } from '@/db/queries/sitemap';
import { chunkEntries, SITEMAP_HEADERS, urlsetXml } from '@/lib/sitemap';

// Rendered per request like /sitemap.xml (a CDN may hold it for five
// minutes): a route handler's cache entry could only be revalidated by each
// file's own address, which a change does not know.
export const dynamic = 'force-dynamic';

/** Part N of a sitemap too large for one file (/sitemaps/1.xml, …). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = (await params).file.match(/^([1-9]\d{0,4})\.xml$/);
  const chunk = match ? chunkEntries(sitemapEntries())[Number(match[1]) - 1] : undefined;
  if (!chunk || chunk.length === 0) return new Response('Not found', { status: 404 });
  return new Response(urlsetXml(chunk), { headers: SITEMAP_HEADERS });
}
