import { getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import { JsonLd } from '@/components/site/JsonLd';
import type { Alternate } from '@/components/site/LanguageSwitcher';
import { PageShell } from '@/components/site/PageShell';
import { RichText } from '@/components/site/RichText';
import { SiteLink } from '@/components/site/SiteLink';
import type { PublicVacancy, VacancySummary } from '@/db/queries/vacancies';
import { feedPath } from '@/i18n/paths';
import { type Locale, otherLocale, ROUTES } from '@/i18n/routing';
import { formatDate, formatTiranaDateTime, isoDate } from '@/lib/dates';
import { vacanciesHref, vacancyHref } from '@/lib/hrefs';
import { localizedUrl } from '@/lib/seo';
import { jobPostingLd } from '@/lib/structured-data';

type Messages = Awaited<ReturnType<typeof getTranslations<'Vacancies'>>>;

const HOUR = 3_600_000;

/** "Closes in 3 days" / "Mbyllet për 3 ditë", or "Closed on 9 December 2026", from `now`. */
function closingLabel(t: Messages, locale: Locale, v: { closesAt: Date; state: 'open' | 'closed' }, now: Date): string {
  if (v.state === 'closed') return t('closedOn', { date: formatDate(v.closesAt, locale) });
  const left = v.closesAt.getTime() - now.getTime();
  return t('closesIn', { days: Math.floor(left / (24 * HOUR)), hours: Math.floor(left / HOUR) });
}

function gradeLabel(t: Messages, grade: string): string {
  return grade === 'consultant' || grade === 'intern' ? t(`grades.${grade}`) : grade;
}

/** The vacancy list: the open ones first, closing soonest first, then the closed ones. */
export async function VacancyListView({ locale, items, now }: { locale: Locale; items: VacancySummary[]; now: Date }) {
  const t = await getTranslations({ locale, namespace: 'Vacancies' });
  const open = items.filter((v) => v.state === 'open');
  const closed = items.filter((v) => v.state === 'closed');
  const list = (group: VacancySummary[], testId: string) => (
    <ul className="mt-4 space-y-6" data-testid={testId}>
      {group.map((v) => (
        <li key={v.id} className="border-b border-gray-200 pb-4" data-testid="vacancy-item">
          <h3 className="text-xl font-bold">
            <SiteLink locale={locale} href={vacancyHref(v.slug)}>
              {v.title}
            </SiteLink>
          </h3>
          <p className="mt-1 text-muted">
            {v.reference} · {gradeLabel(t, v.grade)} · {v.dutyStation}
          </p>
          <p className={`mt-1 font-semibold ${v.state === 'open' ? 'text-ink' : 'text-muted'}`} data-testid="vacancy-closing">
            <time dateTime={isoDate(v.closesAt)}>{closingLabel(t, locale, v, now)}</time>
          </p>
          {v.summary ? <p className="mt-2">{v.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: vacanciesHref }}>
      <Breadcrumbs locale={locale} trail={[]} current={t('title')} currentHref={vacanciesHref} />
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {items.length === 0 ? <p className="mt-6">{t('empty')}</p> : null}
      {items.length > 0 ? (
        <section aria-labelledby="open-vacancies" className="mt-6">
          <h2 id="open-vacancies" className="text-2xl font-bold">
            {t('open')}
          </h2>
          {open.length > 0 ? list(open, 'open-vacancies') : <p className="mt-4">{t('noneOpen')}</p>}
        </section>
      ) : null}
      {closed.length > 0 ? (
        <section aria-labelledby="closed-vacancies" className="mt-10">
          <h2 id="closed-vacancies" className="text-2xl font-bold">
            {t('closedHeading')}
          </h2>
          {list(closed, 'closed-vacancies')}
        </section>
      ) : null}
      <p className="mt-10">
        <a href={feedPath(locale, ROUTES.vacancies)} type="application/rss+xml">
          {t('feed')}
        </a>
      </p>
    </PageShell>
  );
}

/** A vacancy's page, open or closed (still readable, its state said at the top); staff previews render the same. */
export async function VacancyView({ locale, vacancy, now }: { locale: Locale; vacancy: PublicVacancy; now: Date }) {
  const t = await getTranslations({ locale, namespace: 'Vacancies' });
  const other = otherLocale(locale);
  const otherSlug = vacancy.alternates[other];
  const alternate: Alternate = otherSlug ? { kind: 'found', href: vacancyHref(otherSlug) } : { kind: 'missing', what: 'page', fallback: vacanciesHref };
  const closes = formatTiranaDateTime(vacancy.closesAt).split(' ');
  const rows: [string, string][] = [
    [t('reference'), vacancy.reference],
    [t('dutyStation'), vacancy.dutyStation],
    [t('unit'), vacancy.unit],
    [t('grade'), gradeLabel(t, vacancy.grade)],
    [t('appointmentType'), vacancy.appointmentType],
    [t('appointmentLength'), vacancy.appointmentLength],
    [t('estimatedStart'), vacancy.estimatedStart],
    [t('project'), vacancy.project],
    [t('donor'), vacancy.donor],
  ];
  return (
    <PageShell locale={locale} alternate={alternate}>
      <Breadcrumbs locale={locale} trail={[{ label: t('title'), href: vacanciesHref }]} current={vacancy.title} currentHref={vacancyHref(vacancy.slug)} />
      {vacancy.state === 'open' ? (
        <JsonLd
          data={jobPostingLd({
            url: localizedUrl(vacancyHref(vacancy.slug), locale),
            title: vacancy.title,
            description: vacancy.body || vacancy.summary,
            datePosted: vacancy.publishedAt,
            validThrough: vacancy.closesAt,
            dutyStation: vacancy.dutyStation,
            grade: vacancy.grade,
            reference: vacancy.reference,
          })}
        />
      ) : null}
      <article className="measure">
        <h1 className="text-2xl leading-tight font-bold sm:text-4xl">{vacancy.title}</h1>
        {vacancy.state === 'closed' ? (
          <p role="note" className="mt-4 rounded border-l-4 border-gray-600 bg-gray-50 px-4 py-3 font-semibold" data-testid="vacancy-closed">
            {t('closedNotice', { date: formatDate(vacancy.closesAt, locale) })}
          </p>
        ) : (
          <p className="mt-4 font-semibold" data-testid="vacancy-closing">
            <time dateTime={isoDate(vacancy.closesAt)}>{closingLabel(t, locale, vacancy, now)}</time>
          </p>
        )}
        <section aria-labelledby="vacancy-details" className="mt-6">
          <h2 id="vacancy-details" className="sr-only">
            {t('details')}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2" data-testid="vacancy-fields">
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-semibold">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            <dt className="font-semibold">{t('deadline')}</dt>
            <dd>
              <time dateTime={isoDate(vacancy.closesAt)}>{t('deadlineValue', { date: formatDate(vacancy.closesAt, locale), time: closes[1] ?? '' })}</time>
            </dd>
          </dl>
        </section>
        <RichText html={vacancy.body} className="mt-8" />
        {vacancy.terms.length > 0 ? (
          <section aria-labelledby="vacancy-terms" className="mt-8">
            <h2 id="vacancy-terms" className="text-xl font-bold">
              {t('terms')}
            </h2>
            <ul className="mt-2 list-disc pl-6">
              {vacancy.terms.map((d) => (
                <li key={d.url}>
                  <a href={d.url}>{d.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {vacancy.state === 'open' && (vacancy.applyUrl || vacancy.applyEmail) ? (
          <section aria-labelledby="vacancy-apply" className="mt-8">
            <h2 id="vacancy-apply" className="text-xl font-bold">
              {t('howToApply')}
            </h2>
            {vacancy.applyUrl ? (
              <p className="mt-2">
                <a href={vacancy.applyUrl} className="font-semibold" rel="noopener">
                  {t('applyOnline')}
                </a>
              </p>
            ) : null}
            {vacancy.applyEmail ? (
              <p className="mt-2">
                {t('applyByEmail')} <a href={`mailto:${vacancy.applyEmail}`} className="underline">{vacancy.applyEmail}</a>
              </p>
            ) : null}
          </section>
        ) : null}
        <p className="mt-10">
          <SiteLink locale={locale} href={vacanciesHref} className="font-semibold">
            ← {t('backToList')}
          </SiteLink>
        </p>
      </article>
    </PageShell>
  );
}
