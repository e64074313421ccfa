import type { Locale } from '@/i18n/routing';
import { hasMediaContact, type MediaContact } from '@/lib/media-contact';
import { siteSettingsForPublic } from './site';

/**
 * The media contact a press release shows: its own (set in the editor's
 * shared fields, news_items.media_contact_*), else the office's usual one.
 * Other kinds of news show none.
 */
export function pressReleaseContact(article: { kind: string; mediaContact: MediaContact }, locale: Locale): MediaContact | null {
  if (article.kind !== 'press_release') return null;
  return hasMediaContact(article.mediaContact) ? article.mediaContact : officeMediaContact(locale);
}

/**
 * The office's usual media contact, from the site settings (edited by
 * administrators at /admin/settings; a save there revalidates every public
 * page, so the press releases follow). None when the settings have none.
 */
export function officeMediaContact(locale: Locale): MediaContact | null {
  const { media } = siteSettingsForPublic(locale);
  const contact: MediaContact = { name: media.name || null, phone: media.phone?.number ?? null, email: media.email || null };
  return hasMediaContact(contact) ? contact : null;
}
