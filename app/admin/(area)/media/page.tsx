import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/admin/button-class';
import { mediaList } from '@/db/admin/media';
import type { MediaFilter, MediaItem } from '@/db/media/library';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';
import { mediaUrl } from '@/lib/media/files';
import { formatBytes } from '@/lib/media/format';
import { parsePageNumber } from '@/lib/params';
import { MediaUploader } from './MediaUploader';
import { describeUse, type MediaMessages } from './uses';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.media' });
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const TYPES = ['image', 'document', 'trash'] as const;

function Thumbnail({ item }: { item: MediaItem }) {
  const small = item.variants[0];
  if (item.kind === 'image' && small?.files.webp) {
    // The file name next to it says what it is: the thumbnail itself is decorative here.
    return <img src={mediaUrl(small.files.webp)} width={small.width} height={small.height} alt="" loading="lazy" className="aspect-[4/3] w-full bg-gray-100 object-contain" />;
  }
  return (
    <div aria-hidden="true" className="flex aspect-[4/3] w-full items-center justify-center bg-gray-100 text-3xl font-bold text-muted">
      PDF
    </div>
  );
}

function AltStatus({ item, t }: { item: MediaItem; t: MediaMessages }) {
  if (item.kind !== 'image') return null;
  const notes = (['en', 'sq'] as const).flatMap((locale) => {
    const texts = item.texts[locale];
    if (texts?.decorative) return [t('decorativeIn', { language: t(`languages.${locale}`) })];
    if (!texts?.alt) return [t('altMissing', { language: t(`languages.${locale}`) })];
    return [];
  });
  const alt = item.texts.en?.alt ?? item.texts.sq?.alt;
  return (
    <>
      {alt ? <p className="text-sm">{alt}</p> : null}
      {notes.map((n) => (
        <p key={n} className="text-sm font-semibold text-red-800">
          {n}
        </p>
      ))}
    </>
  );
}

export default async function MediaLibraryPage({ searchParams }: { searchParams: Search }) {
  const me = await requireUserForPage(undefined, '/admin/media');
  const locale = me.preferredLocale;
  const t = await getTranslations({ locale, namespace: 'Admin.media' });
  const sp = await searchParams;
  const type = typeof sp.type === 'string' && (TYPES as readonly string[]).includes(sp.type) ? (sp.type as (typeof TYPES)[number]) : undefined;
  const q = typeof sp.q === 'string' ? sp.q.slice(0, 100) : '';
  const filter: MediaFilter = {
    q: q || undefined,
    kind: type === 'image' || type === 'document' ? type : undefined,
    trash: type === 'trash',
    page: parsePageNumber(typeof sp.page === 'string' ? sp.page : null) ?? 1,
  };
  const { items, total, page, pageCount } = await mediaList(filter);
  const query = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...(type ? { type } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl text-muted">{t('intro')}</p>
      {sp.deleted === '1' ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t('deleted')}
        </p>
      ) : null}
      {type === 'trash' ? null : <MediaUploader />}

      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" role="search" aria-label={t('filter')}>
        <div>
          <label htmlFor="media-q" className="block font-semibold">
            {t('search')}
          </label>
          <input id="media-q" name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 rounded border border-gray-500 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="media-type" className="block font-semibold">
            {t('type')}
          </label>
          <select id="media-type" name="type" defaultValue={type ?? ''} className="mt-1 rounded border border-gray-500 px-3 py-2">
            <option value="">{t('types.all')}</option>
            <option value="image">{t('types.image')}</option>
            <option value="document">{t('types.document')}</option>
            <option value="trash">{t('types.trash')}</option>
          </select>
        </div>
        <button type="submit" className={buttonClass()}>
          {t('filter')}
        </button>
      </form>

      <h2 className="mb-4 text-xl font-bold">
        {type ? t(`types.${type}`) : t('types.all')} <span className="text-base font-normal text-muted">({t('count', { count: total })})</span>
      </h2>
      {items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" data-testid="media-grid">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col overflow-hidden rounded border border-gray-200 bg-white" data-testid={`media-${item.id}`}>
              <Thumbnail item={item} />
              <div className="flex flex-1 flex-col gap-1 p-3">
                <h3 className="font-semibold break-all">
                  <Link href={`/admin/media/${item.id}`} className="text-iom-blue underline">
                    {item.fileName}
                  </Link>
                </h3>
                <p className="text-sm text-muted">
                  {t(`kinds.${item.kind}`)} · {formatBytes(item.size, locale)}
                  {item.width && item.height ? ` · ${item.width} × ${item.height}` : ''} · {formatTiranaDateTime(item.createdAt)}
                </p>
                <AltStatus item={item} t={t} />
                <div className="mt-1 text-sm">
                  {item.usages.length === 0 ? (
                    <p className="text-muted">{t('notUsed')}</p>
                  ) : (
                    <>
                      <p className="font-semibold">{t('usedIn')}</p>
                      <ul className="list-disc pl-5">
                        {item.usages.map((use) => {
                          const { text, href } = describeUse(use, locale, t);
                          return <li key={`${use.entityType}-${use.entityId}-${use.locale}-${use.role}`}>{href ? <Link href={href} className="text-iom-blue underline">{text}</Link> : text}</li>;
                        })}
                      </ul>
                    </>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t('page', { page, pageCount })} className="mt-6 flex items-center gap-4">
          {page > 1 ? <Link href={query(page - 1)} className="text-iom-blue underline">{t('previous')}</Link> : null}
          <span>{t('page', { page, pageCount })}</span>
          {page < pageCount ? <Link href={query(page + 1)} className="text-iom-blue underline">{t('next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
