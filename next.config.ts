import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { BASE_HEADERS, publicContentSecurityPolicy } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Rendered pages are cached in this process's memory only. The default
  // would also write them under .next/, which every server started from the
  // same build shares — a server with another DATA_DIR (a test, a second
  // instance) would then serve pages rendered from someone else's database.
  // 32 MB holds a couple of hundred pages (home, lists, recent articles and
  // popular searches), least recently used first out; it is held outside
  // V8's capped heap (lib/cli/next-start.mjs), so it counts on its own.
  cacheMaxMemorySize: 32 * 1024 * 1024,
  // How long a CDN may keep serving a page while it fetches a fresh one.
  expireTime: 24 * 60 * 60,
  experimental: {
    isrFlushToDisk: false,
    // The root layout is app/[locale]/layout.tsx; the 404 page for addresses
    // that lead nowhere is app/global-not-found.tsx (see proxy.ts).
    globalNotFound: true,
    // forbidden() answers 403 in the editor area.
    authInterrupts: true,
    // A long article with its markup; the editor refuses more than 400,000 characters of body.
    serverActions: { bodySizeLimit: '2mb' },
  },
  serverExternalPackages: ['better-sqlite3'],
  async headers() {
    return [
      { source: '/:path*', headers: BASE_HEADERS },
      // The editor area gets its own, nonce-based policy from proxy.ts.
      { source: '/((?!admin(?:/|$)).*)', headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy() }] },
    ];
  },
};

export default withNextIntl(nextConfig);
