import { NO_MEDIA_CONTACT } from '@/lib/media-contact';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { newsThemeOptions } from '@/db/admin/news';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';

import { NewsEditor } from '../NewsEditor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.editor' });
  return { title: t('newTitle') };
}

export default async function NewArticlePage() {
  const me = await requireUserForPage(undefined, '/admin/news/new');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.editor' });
  return (
    <>
      <p>
        <Link href="/admin/news">← {t('backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('newTitle')}</h1>
      <p className="mt-2 text-muted">{t('newIntro')}</p>
      <NewsEditor
        userId={me.id}
        itemId={null}
        shared={{ kind: 'news', themes: [], heroMediaId: null, mediaContact: NO_MEDIA_CONTACT, version: 1 }}
        themeOptions={await newsThemeOptions(me.preferredLocale)}
        heroImage={null}
        translations={{}}
        initialLocale={me.preferredLocale}
        createdLocale={null}
      />
    </>
  );
}
