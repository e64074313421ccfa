// npm run screenshots — PNGs of the public site for the README and for
// looking at a change: home, the news list, an article and the contact page,
// in English and Albanian, at 390 px (a phone) and 1280 px (a laptop), from
// the production build on sample data. SCREENSHOTS_DIR=<folder> (default
// docs/screenshots); SCREENSHOTS_FULL=1 takes whole pages instead of the
// first screen.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { launchBrowser } from '../../tests/helpers/browser';
import { startSampleServer } from './server-for-tools';
import { localizedPath } from '@/i18n/paths';
import { articleHref, newsHref, pageHref } from '@/lib/hrefs';

const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? 'docs/screenshots');
const FULL = process.env.SCREENSHOTS_FULL === '1';
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const { base, dataDir, stop } = await startSampleServer(12, { pictures: true });
  // The newest article: it has a main image.
  const ro = new Database(path.join(dataDir, 'iom-albania.sqlite'), { readonly: true });
  const newest = (locale: string) =>
    (ro.prepare('SELECT slug FROM news_translations WHERE locale = ? ORDER BY published_at DESC LIMIT 1').get(locale) as { slug: string }).slug;
  const PAGES = [
    { name: 'home', en: '/', sq: '/sq' },
    { name: 'news', en: localizedPath(newsHref(), 'en'), sq: localizedPath(newsHref(), 'sq') },
    { name: 'article', en: localizedPath(articleHref(newest('en')), 'en'), sq: localizedPath(articleHref(newest('sq')), 'sq') },
    { name: 'contact', en: localizedPath(pageHref('contact'), 'en'), sq: localizedPath(pageHref('kontakt'), 'sq') },
  ] as const;
  ro.close();
  const browser = await launchBrowser();
  try {
    for (const size of WIDTHS) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      for (const p of PAGES) {
        for (const locale of ['en', 'sq'] as const) {
          const response = await page.goto(base + p[locale], { waitUntil: 'load' });
          if (response?.status() !== 200) throw new Error(`${p[locale]} answered ${response?.status()}`);
          const file = path.join(OUT, `${p.name}-${locale}-${size.width}.png`);
          await page.screenshot({ path: file, fullPage: FULL });
          console.log(path.relative(process.cwd(), file));
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
