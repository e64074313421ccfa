import 'server-only';
import type { getTranslations } from 'next-intl/server';
import type { MediaUse } from '@/db/media/usages';
import type { Locale } from '@/i18n/routing';

export type MediaMessages = Awaited<ReturnType<typeof getTranslations<'Admin.media'>>>;

/** "News: Training for judges (main image)", with a link to where it is edited when there is one. */
export function describeUse(use: MediaUse, locale: Locale, t: MediaMessages): { text: string; href: string | null } {
  const title = use.titles[locale] ?? use.titles[locale === 'en' ? 'sq' : 'en'] ?? t('untitled');
  const notes = [t(`roles.${use.role}`), use.locale ? t(`languages.${use.locale}`) : null, use.trashed ? t('inTrash') : null].filter(Boolean).join(', ');
  if (use.entityType === 'settings') return { text: `${t('settingsItem')} (${notes})`, href: '/admin/settings' };
  const kind = use.entityType === 'news' ? t('newsItem', { title }) : use.entityType === 'vacancy' ? t('vacancyItem', { title }) : t('pageItem', { title });
  // The page editor has no address of its own yet; news items and vacancies are edited at /admin/<segment>/<id>.
  const segment = use.entityType === 'news' ? 'news' : use.entityType === 'vacancy' ? 'vacancies' : null;
  return { text: `${kind} (${notes})`, href: segment ? `/admin/${segment}/${use.entityId}` : null };
}
