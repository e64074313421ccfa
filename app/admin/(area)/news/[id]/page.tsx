import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { heroImageChoice } from '@/db/admin/media';
import { newsForEditor, newsThemeOptions } from '@/db/admin/news';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/params';
import { formatTiranaDateTime } from '@/lib/dates';
import { editorTranslations } from '../editor-data';
import { NewsEditor } from '../NewsEditor';
import { trashNewsAction } from '../actions';
import { TrashButton } from '@/components/admin/TrashButton';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.editor' });
  return { title: t('editTitle', { id: (await params).id.slice(0, 20) }) };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const me = await requireUserForPage(undefined, `/admin/news/${encodeURIComponent(raw)}`);
  const id = parseIdParam(raw);
  const item = id === null ? null : await newsForEditor(id);
  if (!item || item.deletedAt) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.editor' });
  const sp = await searchParams;
  const created = sp.created === 'en' || sp.created === 'sq' ? sp.created : null;
  const title = item.translations[me.preferredLocale]?.title ?? item.translations.en?.title ?? item.translations.sq?.title ?? '';
  return (
    <>
      <p>
        <Link href="/admin/news">← {t('backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-1 text-sm text-muted">
        {t('createdBy', { name: item.authorName ?? '—', date: formatTiranaDateTime(item.createdAt) })}
      </p>
      {created ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {t('created')}
        </p>
      ) : null}
      <NewsEditor
        userId={me.id}
        itemId={item.id}
        shared={{ kind: item.kind, themes: item.themes, heroMediaId: item.heroMediaId, version: item.version }}
        themeOptions={await newsThemeOptions(me.preferredLocale)}
        heroImage={await heroImageChoice(item.heroMediaId)}
        translations={await editorTranslations(item, me.preferredLocale)}
        initialLocale={created ?? me.preferredLocale}
        createdLocale={created}
      />
      <div className="mt-12 border-t border-gray-300 pt-6">
        <TrashButton id={item.id} idName="itemId" help={t('trashHelp')} trashAction={trashNewsAction} />
      </div>
    </>
  );
}
