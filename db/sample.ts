import { count, ne } from 'drizzle-orm';
import { paragraphsToHtml } from '@/lib/html';
import { slugify } from '@/lib/slug';
import type { DB } from './client';
import { newsItems, newsTranslations, seedImports, users } from './schema';

/**
 * Sample news for benchmarks: realistic lengths in both languages, every
 * title marked "[Sample]" / "[Shembull]". Refused on a database that holds
 * staff accounts or news of its own, so it cannot land in real data.
 */

export const SAMPLE_MARK = 'sample-data';

const EN = 'migration migrants returnees border protection assistance trafficking labour mobility reintegration community partners ministry training judges prosecutors interpreters survey data report municipality youth women children families health employment project support Tirana Durrës Shkodër Vlorë Korçë Western Balkans'.split(' ');
const SQ = 'migracioni migrantët të kthyerit kufiri mbrojtja ndihma trafikimi puna lëvizshmëria riintegrimi komuniteti partnerët ministria trajnimi gjyqtarët prokurorët përkthyesit anketa të dhënat raporti bashkia të rinjtë gratë fëmijët familjet shëndeti punësimi projekti mbështetja Tiranë Durrës Shkodër Vlorë Korçë Ballkani Perëndimor çështje'.split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(words: string[], next: () => number, length: number): string {
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(words: string[], next: () => number): string {
  return Array.from({ length: 4 + Math.floor(next() * 3) }, () => sentence(words, next, 10 + Math.floor(next() * 12))).join(' ');
}

export function canHoldSample(db: DB): boolean {
  const staff = db.select({ n: count() }).from(users).get()?.n ?? 0;
  // The seed's one article is the only news a fresh database has.
  const news = db.select({ n: count() }).from(newsItems).get()?.n ?? 0;
  const marked = db.select().from(seedImports).all().some((s) => s.name === SAMPLE_MARK);
  return staff === 0 && (news <= 1 || marked);
}

/** Adds `articles` sample articles in both languages, one day apart going back from now. */
export function generateSample(db: DB, articles: number): void {
  if (!canHoldSample(db)) throw new Error('Refusing: this database has staff accounts or news of its own. Use an empty DATA_DIR.');
  const next = rng(articles);
  const now = Date.now();
  db.transaction((tx) => {
    const taken = new Set(
      tx.select({ locale: newsTranslations.locale, slug: newsTranslations.slug }).from(newsTranslations).where(ne(newsTranslations.slug, '')).all().map((r) => `${r.locale}:${r.slug}`),
    );
    for (let i = 0; i < articles; i++) {
      const publishedAt = new Date(now - (i + 1) * 86_400_000);
      const item = tx.insert(newsItems).values({ kind: i % 7 === 0 ? 'press_release' : i % 5 === 0 ? 'story' : 'news' }).returning({ id: newsItems.id }).get();
      for (const [locale, words, mark] of [['en', EN, '[Sample]'], ['sq', SQ, '[Shembull]']] as const) {
        const title = `${mark} ${sentence(words, next, 8 + Math.floor(next() * 6)).slice(0, -1)} ${i + 1}`;
        let slug = slugify(title);
        while (taken.has(`${locale}:${slug}`)) slug = `${slug}-${i}`;
        taken.add(`${locale}:${slug}`);
        const body = Array.from({ length: 5 + Math.floor(next() * 6) }, () => paragraph(words, next));
        tx.insert(newsTranslations)
          .values({
            newsItemId: item.id,
            locale,
            slug,
            title,
            summary: sentence(words, next, 30 + Math.floor(next() * 15)),
            body: paragraphsToHtml(body),
            dateline: locale === 'en' ? 'Tirana' : 'Tiranë',
            status: 'published',
            publishedAt,
          })
          .run();
      }
    }
    if (!tx.select().from(seedImports).all().some((s) => s.name === SAMPLE_MARK)) tx.insert(seedImports).values({ name: SAMPLE_MARK }).run();
  });
}
