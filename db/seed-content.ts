/**
 * The page tree the site starts from: the menu of the office's current site
 * (see db/seed-data/), with both languages' titles and addresses from
 * DESIGN.md. Text the seed file does not have is written here as short,
 * honest placeholders and flagged `placeholder`, so the editor area (and the
 * public page) can say it is not yet the office's own text. Albanian follows
 * docs/glossary.md; addresses were fixed at the first import and stay, even
 * where the title changed since (`kontakt` for "Na kontaktoni").
 */

export type SeedTranslation = {
  title: string;
  menuTitle?: string;
  path?: string;
  summary: string;
  /** Paragraphs of plain text; becomes <p> elements. */
  body?: string[];
  placeholder: boolean;
};

export type SeedPage = {
  key: string;
  kind?: 'page' | 'link';
  externalUrl?: string;
  en: SeedTranslation;
  sq: SeedTranslation;
  children?: SeedPage[];
};

/**
 * Paragraphs an earlier version of this seed added at the end of each
 * placeholder body. The public page now says so itself, in one quiet line at
 * the end (messages Page.placeholder); db/seed.ts takes these out of a
 * database that imported them, where staff have not written yet.
 */
export const FORMER_PLACEHOLDER_PARAGRAPHS = [
  'IOM Albania is preparing the text of this page. Until it is published, the latest news shows what the office is doing.',
  'IOM Shqipëri po e përgatit tekstin e kësaj faqeje. Deri në publikimin e tij, lajmet më të fundit tregojnë se çfarë po bën zyra.',
] as const;

/** An area page whose text is still to come: summary in both languages, the body its summary, flagged placeholder. */
function area(key: string, en: [string, string, string], sq: [string, string, string]): SeedPage {
  return {
    key,
    en: { title: en[0], path: en[1], summary: en[2], body: [en[2]], placeholder: true },
    sq: { title: sq[0], path: sq[1], summary: sq[2], body: [sq[2]], placeholder: true },
  };
}

/**
 * `seedText` holds the texts found in the seed file by section title
 * ('Who We Are', 'Our Work'); where one is present the English page uses it
 * as is and is not a placeholder.
 */
export function seedPages(seedText: Record<string, string>): SeedPage[] {
  const whoWeAre = seedText['Who We Are'];
  const ourWork = seedText['Our Work'];
  const firstSentence = (t: string) => t.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? t;

  return [
    {
      key: 'who-we-are',
      en: whoWeAre
        ? { title: 'Who We Are', path: 'who-we-are', summary: firstSentence(whoWeAre), body: [whoWeAre], placeholder: false }
        : { title: 'Who We Are', path: 'who-we-are', summary: 'About IOM and its office in Albania.', body: ['About IOM and its office in Albania.'], placeholder: true },
      sq: {
        title: 'Kush jemi',
        path: 'kush-jemi',
        summary:
          'Organizata Ndërkombëtare për Migracionin (IOM) është pjesë e sistemit të Kombeve të Bashkuara.',
        body: [
          'Organizata Ndërkombëtare për Migracionin (IOM) është pjesë e sistemit të Kombeve të Bashkuara, si organizata kryesore ndërqeveritare që promovon migracionin human dhe të rregullt në dobi të të gjithëve. IOM është e pranishme në Shqipëri që nga viti 1992.',
        ],
        // Our translation of the English seed text, until the office confirms it.
        placeholder: true,
      },
      children: [
        area(
          'iom-albania',
          ['About IOM in Albania', 'iom-albania', 'IOM has worked in Albania since 1992, with the Government, civil society and communities.'],
          ['IOM në Shqipëri', 'iom-ne-shqiperi', 'IOM punon në Shqipëri që nga viti 1992, me Qeverinë, shoqërinë civile dhe komunitetet.'],
        ),
        area(
          'contact',
          ['Contact', 'contact', 'How to reach the IOM office in Tirana.'],
          ['Na kontaktoni', 'kontakt', 'Si të kontaktoni zyrën e IOM-it në Tiranë.'],
        ),
      ],
    },
    {
      key: 'our-work',
      en: ourWork
        ? { title: 'Our Work', path: 'our-work', summary: firstSentence(ourWork), body: [ourWork], placeholder: false }
        : { title: 'Our Work', path: 'our-work', summary: 'What IOM does in Albania.', body: ['What IOM does in Albania.'], placeholder: true },
      sq: {
        title: 'Puna jonë',
        path: 'puna-jone',
        summary:
          'Si organizata kryesore ndërqeveritare për migracionin, IOM mbështet arritjen e Agjendës 2030.',
        body: [
          'Si organizata kryesore ndërqeveritare që promovon migracionin human dhe të rregullt, IOM luan një rol kyç në mbështetjen e arritjes së Agjendës 2030 nëpërmjet fushave të ndryshme të ndërhyrjes, të cilat lidhin ndihmën humanitare me zhvillimin e qëndrueshëm. IOM Shqipëri e kupton migracionin si një proces dhe si një gjendje njerëzore, që kërkon veprime dhe ndërhyrje lehtësuese në nivel shtetëror, komunitar dhe individual.',
        ],
        placeholder: true,
      },
      children: [
        area(
          'cross-cutting-global',
          ['Cross-cutting (Global)', 'cross-cutting-global', 'Themes that run through all of IOM’s work worldwide, such as gender, environment and data.'],
          ['Çështje ndërsektoriale (globale)', 'ceshtje-nderfushore-globale', 'Tema që përshkojnë gjithë punën e IOM-it në botë, si gjinia, mjedisi dhe të dhënat.'],
        ),
        area(
          'governance',
          ['Migration Governance', 'governance', 'Support to Albanian institutions in managing migration through sound policy, law and data.'],
          ['Qeverisja e migracionit', 'qeverisja-e-migracionit', 'Mbështetje për institucionet shqiptare në menaxhimin e migracionit përmes politikave, legjislacionit dhe të dhënave.'],
        ),
        area(
          'labour-and-migration',
          ['Labour and Migration', 'labour-and-migration', 'Safe and regular labour mobility that benefits migrants, their families and Albania.'],
          ['Puna dhe migracioni', 'puna-dhe-migracioni', 'Lëvizshmëri e sigurt dhe e rregullt e punës, në dobi të migrantëve, familjeve të tyre dhe Shqipërisë.'],
        ),
        area(
          'counter-human-trafficking',
          ['Counter Human Trafficking', 'counter-human-trafficking', 'Preventing trafficking in human beings, and protecting and assisting survivors.'],
          ['Kundër trafikimit të qenieve njerëzore', 'kunder-trafikimit-te-qenieve-njerezore', 'Parandalimi i trafikimit të qenieve njerëzore, si dhe mbrojtja dhe ndihma për të mbijetuarit.'],
        ),
        area(
          'migrant-protection-and-assistance',
          ['Migrant Protection and Assistance', 'migrant-protection-and-assistance', 'Protection and direct assistance for vulnerable migrants in Albania.'],
          ['Mbrojtja dhe ndihma për migrantët', 'mbrojtja-dhe-ndihma-per-migrantet', 'Mbrojtje dhe ndihmë e drejtpërdrejtë për migrantët vulnerabël në Shqipëri.'],
        ),
        area(
          'return-and-reintegration',
          ['Return and Reintegration', 'return-and-reintegration', 'Dignified voluntary return and sustainable reintegration of returnees.'],
          ['Kthimi dhe riintegrimi', 'kthimi-dhe-riintegrimi', 'Kthim vullnetar me dinjitet dhe riintegrim i qëndrueshëm i të kthyerve.'],
        ),
      ],
    },
    area(
      'data-and-resources',
      ['Data and Resources', 'data-and-resources', 'Reports, publications and data on migration in Albania.'],
      ['Të dhëna dhe burime', 'te-dhena-dhe-burime', 'Raporte, botime dhe të dhëna për migracionin në Shqipëri.'],
    ),
    area(
      'take-action',
      ['Take Action', 'take-action', 'Ways to support, partner with or work for IOM in Albania.'],
      ['Angazhohuni', 'angazhohu', 'Mënyra për të mbështetur IOM-in në Shqipëri, për të bashkëpunuar ose për të punuar me të.'],
    ),
    area(
      '2030-agenda',
      ['2030 Agenda', '2030-agenda', 'How migration contributes to the Sustainable Development Goals in Albania.'],
      ['Agjenda 2030', 'agjenda-2030', 'Si kontribuon migracioni në Objektivat e Zhvillimit të Qëndrueshëm në Shqipëri.'],
    ),
    {
      key: 'iom-global',
      kind: 'link',
      externalUrl: 'https://www.iom.int',
      en: { title: 'IOM Global', summary: 'The International Organization for Migration worldwide.', placeholder: false },
      sq: { title: 'IOM Global', summary: 'Organizata Ndërkombëtare për Migracionin në botë.', placeholder: false },
    },
  ];
}

/** Our Work areas the seed article belongs to (page keys). */
export const SEED_ARTICLE_THEMES = ['counter-human-trafficking', 'migrant-protection-and-assistance'];

/** The office's real English address of the seed article (DESIGN.md). */
export const SEED_ARTICLE_EN_SLUG =
  'iom-trains-judges-and-prosecutors-western-balkans-countries-deal-more-effectively-migrant-issues';

/**
 * The Albanian address of the seed article, as the first imports made it
 * from the scraped title; it stays although the title's typo is corrected
 * since (db/seed.ts SOURCE_CORRECTIONS).
 */
export const SEED_ARTICLE_SQ_SLUG = 'iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te';
