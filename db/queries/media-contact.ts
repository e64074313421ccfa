import type { Locale } from '@/i18n/routing';
import { hasMediaContact, type MediaContact } from '@/lib/media-contact';

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
 * The office's usual media contact, from the site settings — THE ONE PLACE
 * where that default plugs in. Site settings (issue 19, point 3: a
 * `site_settings` media contact, edited by administrators in both languages)
 * are being built beside this; until they land there is no default, and a
 * press release without its own contact shows no contact block.
 * When they land: read the settings' media contact for `locale` here (and
 * revalidate the press releases when it changes).
 */
export function officeMediaContact(locale: Locale): MediaContact | null {
  void locale;
  return null;
}
