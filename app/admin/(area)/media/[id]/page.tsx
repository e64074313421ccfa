import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { mediaItem } from '@/db/admin/media';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';
import { documentName, largestFile, mediaUrl } from '@/lib/media/files';
import { formatBytes } from '@/lib/media/format';
import { MediaTextsForm, MediaTrashForms } from '../MediaForms';
import { describeUse } from '../uses';

type Props = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.media' });
  return { title: `${t('title')} · ${(await params).id.slice(0, 20)}` };
}

export default async function MediaItemPage({ params }: Props) {
  const { id: raw } = await params;
  const me = await requireUserForPage(undefined, `/admin/media/${encodeURIComponent(raw.slice(0, 20))}`);
  const locale = me.preferredLocale;
  const t = await getTranslations({ locale, namespace: 'Admin.media' });
  const id = parseId(raw);
  const item = id ? await mediaItem(id) : null;
  if (!item) notFound();

  const preview = item.kind === 'image' ? largestFile(item.variants.filter((v) => v.width <= 1024), 'webp') : null;
  const fileUrl = item.kind === 'document' ? mediaUrl(documentName(item.hash)) : preview ? mediaUrl(preview.file) : null;
  const facts: [string, string][] = [
    [t('kind'), `${t(`kinds.${item.kind}`)} (${item.mime})`],
    [t('size'), formatBytes(item.size, locale)],
    ...(item.width && item.height ? [[t('dimensions'), t('dimensionsValue', { width: item.width, height: item.height })] as [string, string]] : []),
    [t('uploadedBy'), item.createdByName ?? t('unknownUser')],
    [t('uploadedAt'), formatTiranaDateTime(item.createdAt)],
  ];

  return (
    <>
      <p className="mb-4">
        <Link href="/admin/media" className="text-iom-blue underline">
          {t('backToLibrary')}
        </Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold break-all">{item.fileName}</h1>
      {item.deletedAt ? (
        <p role="status" className="mb-6 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 font-semibold">
          {t('trashNotice')}
        </p>
      ) : null}
      <div className="mb-8 grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div>
          {preview ? (
            <img
              src={mediaUrl(preview.file)}
              width={preview.variant.width}
              height={preview.variant.height}
              alt={item.texts[locale]?.alt ?? ''}
              className="h-auto max-h-[28rem] w-full rounded border border-gray-200 bg-gray-100 object-contain"
              data-testid="media-preview"
            />
          ) : (
            <div aria-hidden="true" className="flex aspect-[4/3] items-center justify-center rounded bg-gray-100 text-5xl font-bold text-muted">
              PDF
            </div>
          )}
        </div>
        <section aria-labelledby="details-title">
          <h2 id="details-title" className="mb-2 text-xl font-bold">
            {t('details')}
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {facts.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="font-semibold">{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            {fileUrl && !item.deletedAt ? (
              <div className="contents">
                <dt className="font-semibold">{t('address')}</dt>
                <dd className="break-all">
                  <a href={fileUrl} className="text-iom-blue underline" data-testid="media-url">
                    {fileUrl}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
          <h2 className="mt-6 mb-2 text-xl font-bold">{t('usedIn')}</h2>
          {item.usages.length === 0 ? (
            <p className="text-muted">{t('notUsed')}</p>
          ) : (
            <ul className="list-disc pl-5" data-testid="media-usages">
              {item.usages.map((use) => {
                const { text, href } = describeUse(use, locale, t);
                return (
                  <li key={`${use.entityType}-${use.entityId}-${use.locale}-${use.role}`}>
                    {href ? (
                      <Link href={href} className="text-iom-blue underline">
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
      {item.deletedAt ? null : (
        <MediaTextsForm id={item.id} kind={item.kind} version={item.version} language={item.language} texts={item.texts} />
      )}
      <div className="mt-8">
        <MediaTrashForms id={item.id} trashed={item.deletedAt !== null} canDelete={me.role === 'admin'} />
      </div>
    </>
  );
}
