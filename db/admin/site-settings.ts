import 'server-only';
import { requireUser } from '@/lib/auth/session';
import type { SiteSettingsValues } from '@/lib/site-settings';
import { getDb } from '../index';
import { currentSiteSettings, saveSiteSettings as save, type SaveSettingsResult, type SiteSettings } from '../site-settings';
import { heroImageChoice, type HeroOption } from './media';

/**
 * The site settings for administrators (only): the form's values with the
 * chosen images as the image dialog shows them, and the save. Both check
 * the session's role; the save checks it again in its transaction
 * (db/site-settings.ts).
 */

export type SettingsForEditor = { settings: SiteSettings; images: { shareImage: HeroOption | null; logo: HeroOption | null } };

export async function siteSettingsForEditor(): Promise<SettingsForEditor> {
  await requireUser('admin');
  const settings = currentSiteSettings(getDb());
  const [shareImage, logo] = await Promise.all([heroImageChoice(settings.shareImageId), heroImageChoice(settings.logoId)]);
  return { settings, images: { shareImage, logo } };
}

export async function saveSiteSettings(input: SiteSettingsValues, baseVersion: number, ip: string | null): Promise<SaveSettingsResult> {
  const admin = await requireUser('admin');
  return save(getDb(), { userId: admin.id, ip }, input, baseVersion);
}
