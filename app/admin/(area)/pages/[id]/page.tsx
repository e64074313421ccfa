import { getTranslations } from 'next-intl/server';
import { heroImageChoice, publicationOptions } from '@/db/admin/media';
import { pageForEditor } from '@/db/admin/pages';
import { pageEditorTranslations } from '../editor-data';
import { PageEditor } from '../PageEditor';
import { trashPageAction } from '../admin-actions';
import { EditorFrame } from '@/components/admin/EditorFrame';
import { editorItem, editorMetadata, type EditorRouteProps } from '@/app/admin/editor-route';
import { TrashButton } from '@/components/admin/TrashButton';

export const generateMetadata = editorMetadata('Admin.pages');

export default async function EditPagePage({ params, searchParams }: EditorRouteProps) {
  const { me, item } = await editorItem('pages', params, pageForEditor);
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.pages' });
  const created = (await searchParams).created === '1';
  const { page, translations } = item;
  const title = translations[me.preferredLocale]?.title ?? translations.en?.title ?? translations.sq?.title ?? t('untitled');
  return (
    <EditorFrame
      back={{ href: '/admin/pages', label: t('backToList') }}
      title={title}
      about={page.kind === 'link' ? t('kindLink') : t('kindPage')}
      created={created ? (page.kind === 'link' ? t('createdLink') : t('created')) : null}
      trash={
        me.role !== 'admin' ? null : page.key !== null ? (
          <p className="text-sm text-muted">{t('trashProtected')}</p>
        ) : (
          <TrashButton id={page.id} idName="pageId" help={t('trashHelp')} trashAction={trashPageAction} />
        )
      }
    >
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
    </EditorFrame>
  );
}
