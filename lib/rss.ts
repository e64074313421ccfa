import { escapeXml } from './xml';

export type FeedItem = { title: string; link: string; description: string; pubDate: Date; guid: string };
export type Feed = { title: string; link: string; selfLink: string; description: string; language: string; items: FeedItem[] };

/** RFC 822 date, as RSS 2.0 wants: "Tue, 09 Apr 2019 10:00:00 GMT". */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

export function rssXml(feed: Feed): string {
  const items = feed.items.map(
    (i) =>
      `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><guid isPermaLink="true">${escapeXml(i.guid)}</guid><pubDate>${rfc822(i.pubDate)}</pubDate><description>${escapeXml(i.description)}</description></item>`,
  );
  const lastBuild = feed.items[0]?.pubDate;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(feed.title)}</title>
<link>${escapeXml(feed.link)}</link>
<atom:link href="${escapeXml(feed.selfLink)}" rel="self" type="application/rss+xml"/>
<description>${escapeXml(feed.description)}</description>
<language>${escapeXml(feed.language)}</language>
${lastBuild ? `<lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>\n` : ''}${items.join('\n')}
</channel>
</rss>
`;
}
