import { getTranslations } from 'next-intl/server';
import { localizedPath } from '@/i18n/paths';
import type { Locale } from '@/i18n/routing';
import { searchHref } from '@/lib/hrefs';
import { MAX_QUERY_LENGTH } from '@/lib/search-query';

/** A plain GET form to /search (/sq/kerko): works without JavaScript. */
export async function SearchForm({ locale, defaultValue = '', id, compact = false }: { locale: Locale; defaultValue?: string; id: string; compact?: boolean }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  return (
    <form role="search" action={localizedPath(searchHref(), locale)} method="get" className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('placeholder')}
        className={`min-w-0 flex-1 rounded border px-3 py-2 text-ink ${compact ? 'border-white bg-white' : 'border-gray-500'}`}
      />
      <button type="submit" className={`rounded px-4 py-2 font-semibold ${compact ? 'bg-white text-iom-blue' : 'bg-iom-blue text-white'}`}>
        {t('submit')}
      </button>
    </form>
  );
}
