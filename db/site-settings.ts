import { eq } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import {
  checkSiteSettings,
  EMPTY_SETTINGS,
  parsePhones,
  type SettingsFieldErrors,
  type SiteSettingsValues,
  SOCIAL_FIELDS,
  SOCIAL_NETWORKS,
  type SocialNetwork,
  telHref,
} from '@/lib/site-settings';
import { type Actor, isActiveAdmin } from './auth/actor';
import { recordAudit } from './auth/audit-log';
import { queuePurge } from './cdn-outbox';
import type { DB, Queryable } from './client';
import { type ImageFiles, imageFiles, publicImage } from './media/public';
import { heroImageStatus } from './media/usages';
import { siteSettings } from './schema';

/**
 * The site settings (lib/site-settings.ts has their rules): read by every
 * public page, saved by an administrator. A save carries the version its
 * form was opened at and is refused when someone saved in between (the
 * newer values come back to be shown beside the form's); it is audit-logged
 * and queues the purge of every public page (their footer shows the
 * settings) in its own transaction.
 */

export type SiteSettings = SiteSettingsValues & { version: number; updatedAt: Date | null };

const ROW = 1;

/** The settings now; every field empty (version 0) before the first save. */
export function currentSiteSettings(q: Queryable): SiteSettings {
  const row = q.select().from(siteSettings).where(eq(siteSettings.id, ROW)).get();
  if (!row) return { ...EMPTY_SETTINGS, version: 0, updatedAt: null };
  const { id: _id, updatedBy: _by, phones, ...values } = row;
  return { ...values, phones: parsePhones(phones) };
}

export type SaveSettingsResult =
  | { ok: true; version: number }
  | { ok: false; error: 'invalid'; fieldErrors: SettingsFieldErrors }
  | { ok: false; error: 'stale'; current: SiteSettings }
  | { ok: false; error: 'forbidden' };

/** The fields whose value differs, for the audit log (names only, never values). */
function changedFields(before: SiteSettingsValues, after: SiteSettingsValues): string[] {
  return (Object.keys(after) as (keyof SiteSettingsValues)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Saves the settings as an active administrator, from the version `baseVersion` the form was opened at. */
export function saveSiteSettings(db: DB, actor: Actor, input: SiteSettingsValues, baseVersion: number, now = new Date()): SaveSettingsResult {
  const checked = checkSiteSettings(input);
  const fieldErrors: SettingsFieldErrors = checked.ok ? {} : { ...checked.errors };
  for (const field of ['shareImageId', 'logoId'] as const) {
    const id = input[field];
    if (id === null) continue;
    const state = heroImageStatus(db, id);
    if (state !== 'ok') fieldErrors[field] = state === 'notFound' ? 'imageNotFound' : 'notImage';
  }
  if (!checked.ok || Object.keys(fieldErrors).length > 0) return { ok: false, error: 'invalid', fieldErrors };
  const value = checked.value;
  return db.transaction(
    (tx): SaveSettingsResult => {
      if (!isActiveAdmin(tx, actor)) return { ok: false, error: 'forbidden' };
      const current = currentSiteSettings(tx);
      if (current.version !== baseVersion) return { ok: false, error: 'stale', current };
      const version = current.version + 1;
      const row = { ...value, phones: JSON.stringify(value.phones), version, updatedBy: actor.userId, updatedAt: now };
      tx.insert(siteSettings)
        .values({ id: ROW, ...row })
        .onConflictDoUpdate({ target: siteSettings.id, set: row })
        .run();
      recordAudit(tx, {
        userId: actor.userId,
        action: 'settings.update',
        entityType: 'settings',
        details: { version, changed: changedFields(current, value).join(',') },
        ip: actor.ip,
      });
      // The footer of every public page shows them: the CDN drops everything.
      queuePurge(tx, { paths: [], menu: true }, now);
      return { ok: true, version };
    },
    { behavior: 'immediate' },
  );
}

/** A phone number as shown (as typed) and dialled (`tel:` with E.164). */
export type PublicPhone = { number: string; href: string; label: string };

/** What the public pages show of the settings in one language: empty texts and lists are simply not shown. */
export type PublicSiteSettings = {
  address: string;
  openingHours: string;
  email: string;
  phones: PublicPhone[];
  media: { name: string; phone: PublicPhone | null; email: string };
  mapUrl: string;
  social: { network: SocialNetwork; url: string }[];
  /** For og:image where an item has none (its alt text in this language, or empty). */
  shareImage: (ImageFiles['og'] & { alt: string }) | null;
  /** The logo's files; its alt text is the office's name (messages Site.logoAlt). */
  logo: Pick<ImageFiles, 'src' | 'srcSet' | 'width' | 'height'> | null;
};

const phone = (number: string, label: string): PublicPhone | null => {
  const href = telHref(number);
  return href ? { number, href, label } : null;
};

export function publicSiteSettings(q: Queryable, locale: Locale): PublicSiteSettings {
  const s = currentSiteSettings(q);
  const share = s.shareImageId === null ? null : imageFiles(q, s.shareImageId);
  const logo = s.logoId === null ? null : imageFiles(q, s.logoId);
  return {
    address: locale === 'sq' ? s.addressSq : s.addressEn,
    openingHours: locale === 'sq' ? s.openingHoursSq : s.openingHoursEn,
    email: s.email,
    phones: s.phones.flatMap((p) => phone(p.number, locale === 'sq' ? p.labelSq : p.labelEn) ?? []),
    media: { name: s.mediaName, phone: s.mediaPhone ? phone(s.mediaPhone, '') : null, email: s.mediaEmail },
    mapUrl: s.mapUrl,
    social: SOCIAL_NETWORKS.flatMap((network) => (s[SOCIAL_FIELDS[network]] ? [{ network, url: s[SOCIAL_FIELDS[network]] }] : [])),
    shareImage: share && s.shareImageId !== null ? { ...share.og, alt: publicImage(q, s.shareImageId, locale)?.alt ?? '' } : null,
    logo: logo && { src: logo.src, srcSet: logo.srcSet, width: logo.width, height: logo.height },
  };
}
