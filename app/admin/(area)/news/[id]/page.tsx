import { getTranslations } from 'next-intl/server';
import { heroImageChoice } from '@/db/admin/media';
import { newsForEditor, newsThemeOptions } from '@/db/admin/news';
import { formatTiranaDateTime } from '@/lib/dates';
import { editorTranslations } from '../editor-data';
import { NewsEditor } from '../NewsEditor';
import { trashNewsAction } from '../actions';
import { EditorFrame } from '@/components/admin/EditorFrame';
import { editorItem, editorMetadata, type EditorRouteProps } from '@/app/admin/editor-route';
import { TrashButton } from '@/components/admin/TrashButton';

export const generateMetadata = editorMetadata('Admin.editor');

export default async function EditArticlePage({ params, searchParams }: EditorRouteProps) {
  // An article in the trash is not edited (it is restored from the trash first).
  const { me, item } = await editorItem('news', params, async (id) => {
    const found = await newsForEditor(id);
    return found?.deletedAt ? null : found;
  });
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.editor' });
  const sp = await searchParams;
  const created = sp.created === 'en' || sp.created === 'sq' ? sp.created : null;
  const title = item.translations[me.preferredLocale]?.title ?? item.translations.en?.title ?? item.translations.sq?.title ?? '';
  return (
    <EditorFrame
      back={{ href: '/admin/news', label: t('backToList') }}
      title={title}
      about={t('createdBy', { name: item.authorName ?? '—', date: formatTiranaDateTime(item.createdAt) })}
      created={created ? t('created') : null}
      trash={<TrashButton id={item.id} idName="itemId" help={t('trashHelp')} trashAction={trashNewsAction} />}
    >
      <NewsEditor
        userId={me.id}
        itemId={item.id}
        shared={{ kind: item.kind, themes: item.themes, heroMediaId: item.heroMediaId, mediaContact: item.mediaContact, version: item.version }}
        themeOptions={await newsThemeOptions(me.preferredLocale)}
        heroImage={await heroImageChoice(item.heroMediaId)}
        translations={await editorTranslations(item, me.preferredLocale)}
        initialLocale={created ?? me.preferredLocale}
        createdLocale={created}
      />
    </EditorFrame>
  );
}
