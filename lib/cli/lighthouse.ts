// npm run lighthouse — Lighthouse (mobile preset) on home, news and an article
// in both languages, against the production build with sample data.
// Uses the system's Chromium: CHROME_PATH (default /usr/bin/chromium).
import * as chromeLauncher from 'chrome-launcher';
import Database from 'better-sqlite3';
import lighthouse from 'lighthouse';
import path from 'node:path';
import { startSampleServer } from './server-for-tools';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function main() {
  const { base, dataDir, stop } = await startSampleServer(200);
  const ro = new Database(path.join(dataDir, 'iom-albania.sqlite'), { readonly: true });
  const slug = (locale: string) =>
    (ro.prepare("SELECT slug FROM news_translations WHERE locale = ? AND title LIKE '[%' ORDER BY id LIMIT 1 OFFSET 10").get(locale) as { slug: string }).slug;
  const pages = ['/', '/sq', '/news', '/sq/lajme', `/news/${slug('en')}`, `/sq/lajme/${slug('sq')}`];
  ro.close();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    console.log(`\nLighthouse ${new Date().toISOString().slice(0, 10)} (mobile preset)\n`);
    console.log('| page | performance | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|');
    for (const p of pages) {
      const for_ = (await fetch(base + p)).status; // rendered once, then cached
      if (for_ !== 200) throw new Error(`${p} answered ${for_}`);
      const result = await lighthouse(base + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const scores = CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
      console.log(`| ${p.length > 40 ? `${p.slice(0, 37)}…` : p} | ${scores.join(' | ')} |`);
    }
  } finally {
    await chrome.kill();
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
