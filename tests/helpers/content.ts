import type { DB } from '@/db/client';
import { newsItems, newsTranslations, type PublicationStatus } from '@/db/schema';
import { paragraphsToHtml } from '@/lib/html';
import { slugify } from '@/lib/slug';

/** The public addresses of the seed's article (db/seed-data), in English and Albanian. */
export const SEED_EN = '/news/iom-trains-judges-and-prosecutors-western-balkans-countries-deal-more-effectively-migrant-issues';
export const SEED_SQ = '/sq/lajme/iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te';

type TranslationInput = { title: string; body?: string[]; status?: PublicationStatus; publishedAt?: Date };

/** Adds a news item with the given translations straight into a test database. */
export function addNews(db: DB, input: { en?: TranslationInput; sq?: TranslationInput; publishedAt: Date }): number {
  const item = db.insert(newsItems).values({ kind: 'news' }).returning({ id: newsItems.id }).get();
  for (const locale of ['en', 'sq'] as const) {
    const t = input[locale];
    if (!t) continue;
    const body = t.body ?? [`${t.title}.`];
    db.insert(newsTranslations)
      .values({
        newsItemId: item.id,
        locale,
        slug: slugify(t.title),
        title: t.title,
        summary: body[0]!,
        body: paragraphsToHtml(body),
        status: t.status ?? 'published',
        publishedAt: t.publishedAt ?? input.publishedAt,
      })
      .run();
  }
  return item.id;
}
