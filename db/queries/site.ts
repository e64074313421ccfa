import 'server-only';
import { cache } from 'react';
import type { Locale } from '@/i18n/routing';
import { getDb } from '../index';
import { type PublicSiteSettings, publicSiteSettings } from '../site-settings';

export type { PublicSiteSettings };

/**
 * The site settings as the public pages show them in `locale` (footer,
 * header logo, contact page, JSON-LD, the default share image); read once
 * per render. A save revalidates every public page (lib/revalidate.ts).
 */
export const siteSettingsForPublic = cache((locale: Locale): PublicSiteSettings => publicSiteSettings(getDb(), locale));
