import { listSitemapEntries } from '@/db/queries/sitemap';
import { chunkEntries, urlsetXml } from '@/lib/sitemap';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

/** Part N of a sitemap too large for one file (/sitemaps/1.xml, …). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = (await params).file.match(/^([1-9]\d{0,4})\.xml$/);
  const chunk = match ? chunkEntries(listSitemapEntries())[Number(match[1]) - 1] : undefined;
  if (!chunk || chunk.length === 0) return new Response('Not found', { status: 404 });
  return new Response(urlsetXml(chunk), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
