// npm run lighthouse — Lighthouse (mobile preset) on home, news and an article
// in both languages, against the production build with sample data.
// Uses the Chromium of tests/helpers/chromium.ts (CHROMIUM_PATH, else Debian's,
// else the npm package's).
// LIGHTHOUSE_RUNS=n (default 3) runs each page n times, in rounds over all
// pages, and prints the median of each category (the performance score moves
// by ±10 between runs on a small machine); LIGHTHOUSE_JSON=<folder> also
// writes each report there as JSON.
import * as chromeLauncher from 'chrome-launcher';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import path from 'node:path';
import { chromiumExecutable } from '../../tests/helpers/chromium';
import { startSampleServer } from './server-for-tools';
import { localizedPath } from '@/i18n/paths';
import { locales } from '@/i18n/routing';
import { articleHref, newsHref } from '@/lib/hrefs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * chrome-launcher's default flags, except that RenderDocument stays on, as in
 * the Chrome that visitors use (Puppeteer and Playwright stopped turning it
 * off in 2026). With it off, headless Chromium 156 holds the first paint of
 * our pages back by one or two whole seconds after they have loaded (viz
 * throttling BeginFrames: GoogleChrome/lighthouse#17148), and Lantern then
 * counts every script of the page into the simulated LCP.
 */
function launcherFlags(): string[] {
  return chromeLauncher.Launcher.defaultFlags().map((flag) =>
    flag.startsWith('--disable-features=')
      ? flag.replace(/,?\bRenderDocument\b/, '').replace('=,', '=')
      : flag,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

async function main() {
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 1);
  const jsonDir = process.env.LIGHTHOUSE_JSON;
  if (jsonDir) fs.mkdirSync(jsonDir, { recursive: true });
  // With the sample pictures: home opens with the newest story's picture, as the office's will.
  const { base, dataDir, stop } = await startSampleServer(200, { pictures: true });
  const ro = new Database(path.join(dataDir, 'iom-albania.sqlite'), { readonly: true });
  const slug = (locale: string) =>
    (ro.prepare("SELECT slug FROM news_translations WHERE locale = ? AND title LIKE '[%' ORDER BY id LIMIT 1 OFFSET 10").get(locale) as { slug: string }).slug;
  const pages = ['/', '/sq', ...locales.map((l) => localizedPath(newsHref(), l)), ...locales.map((l) => localizedPath(articleHref(slug(l)), l))];
  ro.close();
  const browser = await chromiumExecutable();
  const chrome = await chromeLauncher.launch({
    chromePath: browser.path,
    envVars: browser.env,
    ignoreDefaultFlags: true,
    chromeFlags: [...launcherFlags(), '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const times = runs > 1 ? ` (median of ${runs} runs)` : '';
    console.log(`\nLighthouse ${new Date().toISOString().slice(0, 10)} (mobile preset)${times}\n`);
    console.log('| page | performance | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|');
    for (const p of pages) {
      const status = (await fetch(base + p)).status; // rendered once, then cached
      if (status !== 200) throw new Error(`${p} answered ${status}`);
    }
    // Rounds taken turn about, as the bench does: a minute when the shared
    // machine is busy then weighs on every page alike, not on one.
    const all = new Map<string, number[][]>(pages.map((p) => [p, []]));
    for (let run = 0; run < runs; run++) {
      for (const p of pages) {
        const result = await lighthouse(base + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        all.get(p)!.push(CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100)));
        if (jsonDir && result) {
          const name = `${p === '/' ? 'home' : p.slice(1).replaceAll('/', '_').slice(0, 40)}-${run + 1}.json`;
          fs.writeFileSync(path.join(jsonDir, name), typeof result.report === 'string' ? result.report : JSON.stringify(result.lhr));
        }
      }
    }
    for (const p of pages) {
      const scores = CATEGORIES.map((_, i) => median(all.get(p)!.map((s) => s[i]!)));
      const each = runs > 1 ? `  (performance: ${all.get(p)!.map((s) => s[0]).join(', ')})` : '';
      console.log(`| ${p.length > 40 ? `${p.slice(0, 37)}…` : p} | ${scores.join(' | ')} |${each}`);
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
