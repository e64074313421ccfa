import { getTranslations } from 'next-intl/server';
import { JsonLd } from '@/components/site/JsonLd';
import { siteSettingsForPublic } from '@/db/queries/site';
import type { Locale } from '@/i18n/routing';
import { organizationLd } from '@/lib/structured-data';
import { ContactDetails, SocialLinks } from './ContactDetails';

/**
 * What the contact page shows after its own text (which staff edit as any
 * page): the office's contact details, the media contact and the social
 * accounts from the site settings, each section only when it has something,
 * and the Organization JSON-LD with them.
 */
export async function ContactPageDetails({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Contact' });
  const settings = siteSettingsForPublic(locale);
  const { address, phones, email, openingHours, mapUrl, media } = settings;
  const hasDetails = Boolean(address || phones.length > 0 || email || openingHours || mapUrl);
  const hasMedia = Boolean(media.name || media.phone || media.email);
  return (
    <>
      <JsonLd data={organizationLd(locale, settings)} />
      {hasDetails ? (
        <section aria-labelledby="contact-office" className="mt-10">
          <h2 id="contact-office" className="text-2xl font-bold">
            {t('details')}
          </h2>
          <div className="mt-4">
            <ContactDetails locale={locale} settings={settings} />
          </div>
        </section>
      ) : null}
      {hasMedia ? (
        <section aria-labelledby="contact-media" className="mt-10" data-testid="media-contact">
          <h2 id="contact-media" className="text-2xl font-bold">
            {t('media')}
          </h2>
          <p className="mt-4">
            {media.name ? <span className="block font-semibold">{media.name}</span> : null}
            {media.phone ? (
              <span className="block">
                {t('phone')}:{' '}
                <a href={media.phone.href} className="inline-flex min-h-6 items-center">
                  {media.phone.number}
                </a>
              </span>
            ) : null}
            {media.email ? (
              <span className="block">
                {t('email')}:{' '}
                <a href={`mailto:${media.email}`} className="inline-flex min-h-6 items-center break-all">
                  {media.email}
                </a>
              </span>
            ) : null}
          </p>
        </section>
      ) : null}
      <div className="mt-10">
        <SocialLinks locale={locale} settings={settings} heading={t('follow')} />
      </div>
    </>
  );
}
