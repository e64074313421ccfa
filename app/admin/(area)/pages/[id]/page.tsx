import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { heroImageChoice, publicationOptions } from '@/db/admin/media';
import { pageForEditor } from '@/db/admin/pages';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/params';
import { pageEditorTranslations } from '../editor-data';
import { PageEditor } from '../PageEditor';
import { trashPageAction } from '../admin-actions';
import { TrashButton } from '@/components/admin/TrashButton';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.pages' });
  return { title: t('editTitle', { id: (await params).id.slice(0, 20) }) };
}

export default async function EditPagePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const me = await requireUserForPage(undefined, `/admin/pages/${encodeURIComponent(raw)}`);
  const id = parseIdParam(raw);
  const item = id === null ? null : await pageForEditor(id);
  if (!item) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.pages' });
  const created = (await searchParams).created === '1';
  const { page, translations } = item;
  const title = translations[me.preferredLocale]?.title ?? translations.en?.title ?? translations.sq?.title ?? t('untitled');
  return (
    <>
      <p>
        <Link href="/admin/pages">← {t('backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-1 text-sm text-muted">{page.kind === 'link' ? t('kindLink') : t('kindPage')}</p>
      {created ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {page.kind === 'link' ? t('createdLink') : t('created')}
        </p>
      ) : null}
      {page.kind === 'link' ? <p className="mt-2 text-muted">{t('linkIntro')}</p> : null}
      <PageEditor
        userId={me.id}
        pageId={page.id}
        kind={page.kind}
        externalUrl={page.externalUrl}
        heroMediaId={page.heroMediaId}
        heroImage={page.kind === 'page' ? await heroImageChoice(page.heroMediaId) : null}
        publications={page.kind === 'page' ? await publicationOptions(page.id, me.preferredLocale) : []}
        uiLocale={me.preferredLocale}
        translations={await pageEditorTranslations(item, me.preferredLocale)}
        initialLocale={me.preferredLocale}
      />
      {me.role === 'admin' ? (
        <div className="mt-12 border-t border-gray-300 pt-6">
          {page.key !== null ? <p className="text-sm text-muted">{t('trashProtected')}</p> : <TrashButton id={page.id} idName="pageId" help={t('trashHelp')} trashAction={trashPageAction} />}
        </div>
      ) : null}
    </>
  );
}
