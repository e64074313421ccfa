import { escapeXml } from './xml';

/** One address in the sitemap with the same content's address in every published language. */
export type SitemapEntry = { loc: string; lastmod?: Date; alternates: { hreflang: string; href: string }[] };

/** The protocol's limits for one sitemap file: 50,000 addresses and 50 MB. */
export const SITEMAP_MAX_URLS = 50_000;

/** Sitemaps are rendered on every request at the origin; a CDN may keep one for five minutes. */
export const SITEMAP_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=3600' };

export function urlsetXml(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const links = e.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`).join('');
    const lastmod = e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : '';
    return `<url><loc>${escapeXml(e.loc)}</loc>${lastmod}${links}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(sitemaps: { loc: string; lastmod?: Date }[]): string {
  const items = sitemaps.map((s) => `<sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod.toISOString()}</lastmod>` : ''}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** Splits the entries into files within the protocol's limits. */
export function chunkEntries(entries: SitemapEntry[], size = SITEMAP_MAX_URLS): SitemapEntry[][] {
  const chunks: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += size) chunks.push(entries.slice(i, i + size));
  return chunks.length ? chunks : [[]];
}
