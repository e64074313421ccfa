import { getTranslations } from 'next-intl/server';
import type { PublicSiteSettings } from '@/db/queries/site';
import type { Locale } from '@/i18n/routing';

/** Lines of a multi-line setting (an address), with line breaks between them. */
function Lines({ text }: { text: string }) {
  return text.split('\n').map((line, i) => (
    <span key={i} className="block">
      {line}
    </span>
  ));
}

/** A link as a target of at least 24 × 24 px, even on one short line (WCAG 2.5.8). */
const TARGET = 'inline-flex min-h-6 min-w-6 items-center';

/**
 * The office's address, phones (`tel:` in E.164), email (`mailto:`),
 * opening hours and map link, from the site settings; a field left empty is
 * not shown at all. The footer shows it on every page, the contact page
 * after its text. `linkClass` colours the links for the background.
 */
export async function ContactDetails({ locale, settings, linkClass = '' }: { locale: Locale; settings: PublicSiteSettings; linkClass?: string }) {
  const t = await getTranslations({ locale, namespace: 'Contact' });
  const { address, phones, email, openingHours, mapUrl } = settings;
  return (
    <div className="space-y-3" data-testid="contact-details">
      {address || phones.length > 0 || email ? (
        <address className="space-y-2 not-italic">
          {address ? (
            <p data-testid="contact-address">
              <span className="sr-only">{t('address')}: </span>
              <Lines text={address} />
            </p>
          ) : null}
          {phones.length > 0 ? (
            <ul aria-label={t('phone')}>
              {phones.map((p) => (
                <li key={p.href + p.label}>
                  {p.label ? `${p.label}: ` : <span className="sr-only">{t('phone')}: </span>}
                  <a href={p.href} className={`${TARGET} ${linkClass}`}>
                    {p.number}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {email ? (
            <p>
              {t('email')}:{' '}
              <a href={`mailto:${email}`} className={`${TARGET} break-all ${linkClass}`}>
                {email}
              </a>
            </p>
          ) : null}
        </address>
      ) : null}
      {openingHours ? (
        <p data-testid="contact-hours">
          <span className="font-semibold">{t('openingHours')}:</span> <Lines text={openingHours} />
        </p>
      ) : null}
      {mapUrl ? (
        <p>
          <a href={mapUrl} rel="noopener" className={`${TARGET} ${linkClass}`}>
            {t('map')}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** The office's social accounts as plain links with their names (no script, no tracking); nothing when none is set. */
export async function SocialLinks({ locale, settings, heading, linkClass = '' }: { locale: Locale; settings: PublicSiteSettings; heading: string; linkClass?: string }) {
  const t = await getTranslations({ locale, namespace: 'Footer.social' });
  if (settings.social.length === 0) return null;
  return (
    <nav aria-label={heading} data-testid="social-links">
      <h2 className="text-base font-bold">{heading}</h2>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {settings.social.map((s) => (
          <li key={s.network}>
            <a href={s.url} rel="noopener me" className={`${TARGET} ${linkClass}`}>
              {t(s.network)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
