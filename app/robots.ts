import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/seo';

// SITE_URL is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
