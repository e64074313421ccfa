import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { CopyLinkButton } from './CopyLinkButton';

/**
 * Where a reader may share the page, as plain links: no third-party script,
 * no widget, nothing loads from those sites until the reader follows a link.
 */
export function shareTargets(url: string, title: string): { key: 'email' | 'whatsapp' | 'facebook' | 'x' | 'linkedin'; href: string }[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { key: 'email', href: `mailto:?subject=${text}&body=${u}` },
    { key: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { key: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: 'x', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { key: 'linkedin', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
}

export async function ShareLinks({ locale, url, title }: { locale: Locale; url: string; title: string }) {
  const t = await getTranslations({ locale, namespace: 'Share' });
  return (
    <section aria-labelledby="share" data-testid="share">
      <h2 id="share" className="text-base font-bold">
        {t('title')}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {shareTargets(url, title).map(({ key, href }) => (
          <li key={key}>
            <a
              href={href}
              rel="noopener noreferrer"
              target={key === 'email' ? undefined : '_blank'}
              className="inline-flex min-h-11 items-center rounded border border-iom-blue px-3 text-sm font-semibold no-underline hover:bg-iom-mist"
            >
              {t(key)}
              {key === 'email' ? null : <span className="sr-only"> {t('newWindow')}</span>}
            </a>
          </li>
        ))}
        <CopyLinkButton url={url} label={t('copy')} done={t('copied')} />
      </ul>
    </section>
  );
}
