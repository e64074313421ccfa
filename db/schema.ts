import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { DOCUMENT_LANGUAGES, NEWS_KINDS, PUBLICATION_STATUSES, type PublicationStatus, VACANCY_GRADES } from '../lib/vocabulary';

export { DOCUMENT_LANGUAGES, NEWS_KINDS, PUBLICATION_STATUSES, type PublicationStatus, VACANCY_GRADES };

/** Times are stored as UTC milliseconds since the epoch. */
const timestamp = (name?: string) =>
  name ? integer(name, { mode: 'timestamp_ms' }) : integer({ mode: 'timestamp_ms' });
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const LOCALES = ['en', 'sq'] as const;
export const PAGE_KINDS = ['page', 'link'] as const;

/** The translated content types, by their name in revisions, media uses and the audit log (db/content/translated.ts). */
export const CONTENT_ENTITIES = ['news', 'page', 'vacancy'] as const;
export type ContentEntity = (typeof CONTENT_ENTITIES)[number];

export const pages = sqliteTable(
  'pages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    parentId: integer().references((): AnySQLiteColumn => pages.id, { onDelete: 'restrict' }),
    position: integer().notNull().default(0),
    kind: text({ enum: PAGE_KINDS }).notNull().default('page'),
    /** For kind = 'link': where the menu item points (e.g. iom.int). */
    externalUrl: text(),
    /** Stable name for pages the code refers to (e.g. 'our-work' for theme lists). */
    key: text(),
    /** The page's hero image (media library); a used image cannot be deleted. */
    heroMediaId: integer().references((): AnySQLiteColumn => media.id, { onDelete: 'restrict' }),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
    deletedAt: timestamp(),
  },
  (t) => [
    index('pages_parent_position_idx').on(t.parentId, t.position),
    uniqueIndex('pages_key_unique').on(t.key),
    check('pages_link_has_url', sql`${t.kind} <> 'link' OR ${t.externalUrl} IS NOT NULL`),
  ],
);

export const pageTranslations = sqliteTable(
  'page_translations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pageId: integer()
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    locale: text({ enum: LOCALES }).notNull(),
    /** Full path below the locale root, without slashes at either end: 'who-we-are', 'governance'. */
    path: text(),
    title: text().notNull(),
    /** Short title for the menu; falls back to the title. */
    menuTitle: text(),
    summary: text().notNull().default(''),
    /** Sanitized HTML. */
    body: text().notNull().default(''),
    seoTitle: text(),
    seoDescription: text(),
    status: text({ enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp(),
    /** True while the text is the seed's placeholder, not the office's own words. */
    isPlaceholder: integer({ mode: 'boolean' }).notNull().default(false),
    /** Fingerprint of the other locale's text when this one was last confirmed. */
    sourceFingerprint: text(),
    /**
     * Fingerprint of this translation's own text (lib/text-fingerprint.ts),
     * kept by triggers on every write of title, summary or body (migration
     * 0008), so finding stale translations compares two columns.
     */
    textFingerprint: text(),
    /** The other locale's version at that moment, to show what changed since. */
    sourceVersion: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
  },
  (t) => [
    uniqueIndex('page_translations_page_locale_unique').on(t.pageId, t.locale),
    uniqueIndex('page_translations_locale_path_unique').on(t.locale, t.path),
  ],
);

export const newsItems = sqliteTable('news_items', {
  id: integer().primaryKey({ autoIncrement: true }),
  kind: text({ enum: NEWS_KINDS }).notNull().default('news'),
  /** Who created it (null for the seed, or once that user is gone). */
  authorId: integer().references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
  /** Version of the shared fields (kind, themes), for refusing stale saves of them. */
  version: integer().notNull().default(1),
  /** The article's hero image (media library); a used image cannot be deleted. */
  heroMediaId: integer().references((): AnySQLiteColumn => media.id, { onDelete: 'restrict' }),
  /**
   * A press release's contact for journalists, when it is not the office's
   * usual one (db/queries/media-contact.ts picks which is shown). The same in
   * both languages; null when not set.
   */
  mediaContactName: text(),
  mediaContactPhone: text(),
  mediaContactEmail: text(),
  createdAt: timestamp().notNull().default(now),
  updatedAt: timestamp().notNull().default(now),
  deletedAt: timestamp(),
});

export const newsTranslations = sqliteTable(
  'news_translations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    newsItemId: integer()
      .notNull()
      .references(() => newsItems.id, { onDelete: 'cascade' }),
    locale: text({ enum: LOCALES }).notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    /** Sanitized HTML. */
    body: text().notNull().default(''),
    /** Place and date as written above the body: 'Durrës, 9-10 prill 2019'. */
    dateline: text(),
    seoTitle: text(),
    seoDescription: text(),
    status: text({ enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp(),
    sourceFingerprint: text(),
    /** See page_translations.text_fingerprint. */
    textFingerprint: text(),
    sourceVersion: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
  },
  (t) => [
    uniqueIndex('news_translations_item_locale_unique').on(t.newsItemId, t.locale),
    uniqueIndex('news_translations_locale_slug_unique').on(t.locale, t.slug),
    index('news_translations_listing_idx').on(t.locale, t.status, t.publishedAt),
    // Covers the dashboard's counts (news-list.ts newsOverview): the row itself, with its long body, is not read.
    index('news_translations_overview_idx').on(t.newsItemId, t.locale, t.status, t.sourceFingerprint, t.textFingerprint),
  ],
);

/** Themes of a news item: the Our Work areas (pages) it belongs to. */
export const newsItemThemes = sqliteTable(
  'news_item_themes',
  {
    newsItemId: integer()
      .notNull()
      .references(() => newsItems.id, { onDelete: 'cascade' }),
    pageId: integer()
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.newsItemId, t.pageId] })],
);

/**
 * A vacancy (Take Action): what both languages share. Its open or closed
 * state is derived from `closesAt` whenever it is read (no job turns it).
 */
export const vacancies = sqliteTable(
  'vacancies',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The office's reference: 'CON 2025-07'; one vacancy per reference. */
    reference: text().notNull(),
    dutyStation: text().notNull().default(''),
    unit: text().notNull().default(''),
    grade: text({ enum: VACANCY_GRADES }).notNull(),
    /** Type of appointment ('Special short-term', 'Consultancy'). */
    appointmentType: text().notNull().default(''),
    /** Its length ('6 months, with possibility of extension'). */
    appointmentLength: text().notNull().default(''),
    /** Estimated start ('As soon as possible', 'September 2025'). */
    estimatedStart: text().notNull().default(''),
    /** Closing date and time, stored in UTC, entered and shown in Tirana time. */
    closesAt: timestamp().notNull(),
    project: text().notNull().default(''),
    donor: text().notNull().default(''),
    /** How to apply: a link to the application, or an e-mail address (one of them at least to publish). */
    applyUrl: text(),
    applyEmail: text(),
    /** Who created it (null once that user is gone). */
    authorId: integer().references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    /** Version of the shared fields, for refusing stale saves of them. */
    version: integer().notNull().default(1),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
    deletedAt: timestamp(),
  },
  (t) => [uniqueIndex('vacancies_reference_unique').on(t.reference), index('vacancies_closes_at_idx').on(t.closesAt)],
);

/** One language of a vacancy: the columns every translation has (db/content/translated.ts TranslationRow) and its slug. */
export const vacancyTranslations = sqliteTable(
  'vacancy_translations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vacancyId: integer()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    locale: text({ enum: LOCALES }).notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    /** Sanitized HTML. */
    body: text().notNull().default(''),
    seoTitle: text(),
    seoDescription: text(),
    status: text({ enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp(),
    sourceFingerprint: text(),
    /** See page_translations.text_fingerprint. */
    textFingerprint: text(),
    sourceVersion: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
  },
  (t) => [
    uniqueIndex('vacancy_translations_item_locale_unique').on(t.vacancyId, t.locale),
    uniqueIndex('vacancy_translations_locale_slug_unique').on(t.locale, t.slug),
    index('vacancy_translations_listing_idx').on(t.locale, t.status, t.publishedAt),
  ],
);

/** Old public path -> new public path, per locale; written when a published address changes. */
export const redirects = sqliteTable(
  'redirects',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    locale: text({ enum: LOCALES }).notNull(),
    fromPath: text().notNull(),
    toPath: text().notNull(),
    createdAt: timestamp().notNull().default(now),
  },
  (t) => [uniqueIndex('redirects_locale_from_unique').on(t.locale, t.fromPath)],
);

/** Which seed files have been imported, so an import runs once. */
export const seedImports = sqliteTable('seed_imports', {
  name: text().primaryKey(),
  importedAt: timestamp().notNull().default(now),
});

export const ROLES = ['admin', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Stored lower-cased and trimmed; unique case-insensitively. */
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull().default('editor'),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    passwordHash: text().notNull(),
    /** Bumped on sign-out, password change or deactivation: older sessions stop working. */
    sessionVersion: integer().notNull().default(1),
    preferredLocale: text({ enum: LOCALES }).notNull().default('en'),
    /** False until the user picks a language: until then each sign-in keeps the sign-in page's language. */
    localeChosen: integer({ mode: 'boolean' }).notNull().default(false),
    /** TOTP secret, set once two-factor sign-in is confirmed; encrypted (lib/auth/secret-box.ts, `v1:…`). */
    totpSecret: text(),
    /** Secret being enrolled, until the first code confirms it; encrypted likewise. */
    totpPendingSecret: text(),
    /** The time step of the last code accepted: that step and earlier ones are refused (each code works once). */
    totpLastStep: integer(),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
    lastSignInAt: timestamp(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

/** One-time recovery codes for two-factor sign-in (hashed; used ones keep usedAt). */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp(),
    createdAt: timestamp().notNull().default(now),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Sign-in attempts, for throttling (kept in SQLite so a restart forgets nothing). */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Lower-cased email as typed (it may belong to no user). */
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: integer({ mode: 'boolean' }).notNull(),
    createdAt: timestamp().notNull().default(now),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.createdAt), index('login_attempts_ip_idx').on(t.ip, t.createdAt)],
);

/** The one-time address printed at start when there is no user yet. */
export const setupTokens = sqliteTable('setup_tokens', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** SHA-256 of the token; the token itself is only ever printed. */
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp().notNull(),
  usedAt: timestamp(),
  createdAt: timestamp().notNull().default(now),
});

/** Site-wide settings staff can change (e.g. 'require_two_factor'). */
export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp().notNull().default(now),
});

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Who did it; null for an anonymous actor (e.g. a failed sign-in). */
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** e.g. 'auth.sign_in', 'auth.sign_in_failed', 'user.create', 'user.role', 'page.publish'. */
    action: text().notNull(),
    entityType: text(),
    entityId: text(),
    /** Short JSON with details; never a password, hash or token. */
    details: text(),
    ip: text(),
    createdAt: timestamp().notNull().default(now),
  },
  (t) => [index('audit_events_created_idx').on(t.createdAt), index('audit_events_user_idx').on(t.userId, t.createdAt)],
);

/** Every save of a translation: who, when, and the full text as saved (JSON). Restoring makes a new one. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    entityType: text({ enum: CONTENT_ENTITIES }).notNull(),
    /** news_items.id or pages.id */
    entityId: integer().notNull(),
    locale: text({ enum: LOCALES }).notNull(),
    version: integer().notNull(),
    snapshot: text().notNull(),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp().notNull().default(now),
  },
  (t) => [uniqueIndex('revisions_entity_version_unique').on(t.entityType, t.entityId, t.locale, t.version)],
);

export const MEDIA_KINDS = ['image', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
/** Where a file is used besides a hero image (heroes are the hero_media_id columns). */
export const MEDIA_USAGE_ROLES = ['body', 'publication'] as const;
export type MediaUsageRole = (typeof MEDIA_USAGE_ROLES)[number];

/**
 * Images and PDFs of the media library. The files live in DATA_DIR/uploads
 * under names made from `hash` (never from the uploaded name); for images
 * only re-encoded variants are kept, never the uploaded bytes.
 */
export const media = sqliteTable(
  'media',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: MEDIA_KINDS }).notNull(),
    mime: text().notNull(),
    /** The name it was uploaded with, cleaned for display (and a PDF's download name). */
    fileName: text().notNull(),
    /** Bytes uploaded. */
    size: integer().notNull(),
    /** Images: pixels after auto-rotation (null for documents). */
    width: integer(),
    height: integer(),
    /** SHA-256 (hex) of the uploaded bytes: duplicates are recognized by it. */
    hash: text().notNull(),
    /** Images: JSON [{ width, height, files: { webp, jpeg|png|avif } }] by width; [] for documents. */
    variants: text().notNull().default('[]'),
    /** Documents: the language they are written in. */
    language: text({ enum: DOCUMENT_LANGUAGES }),
    /** Bumped on each edit of the texts, for refusing stale saves. */
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp().notNull().default(now),
    updatedAt: timestamp().notNull().default(now),
    /** In the trash: not served, not offered; restorable. */
    deletedAt: timestamp(),
  },
  (t) => [uniqueIndex('media_hash_unique').on(t.hash), index('media_created_idx').on(t.deletedAt, t.createdAt)],
);

/** Per-language texts of a media item. */
export const mediaTranslations = sqliteTable(
  'media_translations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    mediaId: integer()
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    locale: text({ enum: LOCALES }).notNull(),
    /** Documents: the title shown in lists of publications. */
    title: text(),
    alt: text(),
    caption: text(),
    credit: text(),
    /** Images only: purely decorative, shown with an empty alt. */
    decorative: integer({ mode: 'boolean' }).notNull().default(false),
    updatedAt: timestamp().notNull().default(now),
  },
  (t) => [uniqueIndex('media_translations_media_locale_unique').on(t.mediaId, t.locale)],
);

/**
 * Where a file is used in a news item's or page's text (locale set) or list
 * of publications. Kept in step by the editors' save functions (setUsages);
 * removed by triggers when the item or translation is deleted for good.
 */
export const mediaUsages = sqliteTable(
  'media_usages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    mediaId: integer()
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
    entityType: text({ enum: CONTENT_ENTITIES }).notNull(),
    /** news_items.id or pages.id */
    entityId: integer().notNull(),
    /** The translation that uses it; null for a use shared by both languages. */
    locale: text({ enum: LOCALES }),
    role: text({ enum: MEDIA_USAGE_ROLES }).notNull(),
  },
  (t) => [index('media_usages_media_idx').on(t.mediaId), index('media_usages_entity_idx').on(t.entityType, t.entityId, t.locale)],
);

/**
 * The CDN purge outbox (lib/cdn/): one row per change the public sees and
 * per configured CDN, written in the change's own transaction, sent after
 * the commit and retried with backoff until the CDN takes it. `tags` are
 * lib/cache-tags.ts's, space-separated; `dueAt` is when it may next be sent
 * (a scheduled item's: its time); `claimedUntil` keeps two processes from
 * sending the same row at once.
 */
export const CDN_TARGETS = ['varnish', 'cloudflare', 'fastly'] as const;
export const cdnPurges = sqliteTable(
  'cdn_purges',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    target: text({ enum: CDN_TARGETS }).notNull(),
    tags: text().notNull(),
    createdAt: timestamp().notNull().default(now),
    dueAt: timestamp().notNull(),
    attempts: integer().notNull().default(0),
    claimedUntil: timestamp(),
    sentAt: timestamp(),
    lastError: text(),
  },
  (t) => [index('cdn_purges_pending').on(t.sentAt, t.dueAt)],
);

/**
 * The office's contact details, social accounts, default share image and
 * logo (db/site-settings.ts): one row (id 1), edited by administrators at
 * /admin/settings and shown in every public page's footer, on the contact
 * page and in the Organization JSON-LD. Texts that differ by language have a
 * column per language; an empty text is simply not shown. Until the first
 * save there is no row (every field empty, version 0).
 */
export const siteSettings = sqliteTable(
  'site_settings',
  {
    id: integer().primaryKey(),
    /** Bumped on each save, for refusing stale saves. */
    version: integer().notNull().default(1),
    addressEn: text().notNull().default(''),
    addressSq: text().notNull().default(''),
    openingHoursEn: text().notNull().default(''),
    openingHoursSq: text().notNull().default(''),
    email: text().notNull().default(''),
    /** JSON [{ number, labelEn, labelSq }] in the order shown; numbers as typed (E.164 is made from them, lib/site-settings.ts). */
    phones: text().notNull().default('[]'),
    mediaName: text().notNull().default(''),
    mediaPhone: text().notNull().default(''),
    mediaEmail: text().notNull().default(''),
    /** An https://www.openstreetmap.org/ address: a link, never an embedded map. */
    mapUrl: text().notNull().default(''),
    facebookUrl: text().notNull().default(''),
    xUrl: text().notNull().default(''),
    linkedinUrl: text().notNull().default(''),
    instagramUrl: text().notNull().default(''),
    youtubeUrl: text().notNull().default(''),
    /** For og:image where an item has none (public/og-default.png until set); a used image cannot be deleted. */
    shareImageId: integer().references((): AnySQLiteColumn => media.id, { onDelete: 'restrict' }),
    /** The office's logo in the header and JSON-LD (the text wordmark until set). */
    logoId: integer().references((): AnySQLiteColumn => media.id, { onDelete: 'restrict' }),
    updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp().notNull().default(now),
  },
  (t) => [check('site_settings_one_row', sql`${t.id} = 1`)],
);
