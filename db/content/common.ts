import { and, eq } from 'drizzle-orm';
import { localizedPath } from '@/i18n/paths';
import { type Locale, ROUTES } from '@/i18n/routing';
import { htmlToText } from '@/lib/html';
import { textFingerprint } from '@/lib/text-fingerprint';
import type { Tx } from '../client';
import { type PublicationStatus, redirects } from '../schema';

/**
 * What news and pages share when staff write them: the text fingerprint
 * behind stale-translation warnings, the publication rules (each language on
 * its own: draft → published now or scheduled → unpublished), field limits,
 * and the redirect written when a published address moves.
 */

export const LIMITS = {
  title: 200,
  slug: 80,
  path: 200,
  summary: 600,
  dateline: 120,
  seoTitle: 120,
  seoDescription: 320,
  /** Sanitized HTML; a long report is ~100 kB. */
  body: 400_000,
} as const;

/** Lower-case words of a–z and 0–9 joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export { textFingerprint };

/**
 * A save of a language that was behind the other (stale) brings it up to
 * date: the pair is confirmed both ways, so the other is not then marked as
 * behind the new text — only the language that is behind is ever marked.
 * Returns what to write into the other's row, or null when nothing changes.
 */
export function catchUpConfirmation(
  before: { sourceFingerprint: string | null } | undefined,
  other: { title: string; summary: string; body: string } | undefined,
  saved: { title: string; summary: string; body: string },
  version: number,
): { sourceFingerprint: string; sourceVersion: number } | null {
  if (!before || !other || !isStale(before, other)) return null;
  return { sourceFingerprint: textFingerprint(saved), sourceVersion: version };
}

/** Whether the other language changed since this one was last confirmed against it. */
export function isStale(row: { sourceFingerprint: string | null }, other: { title: string; summary: string; body: string } | undefined): boolean {
  return Boolean(other && row.sourceFingerprint && row.sourceFingerprint !== textFingerprint(other));
}

/** Whether the public can see a translation now (same rule as queries/visibility.ts). */
export function isLive(row: { status: PublicationStatus; publishedAt: Date | null }, now: Date): boolean {
  return (row.status === 'published' || row.status === 'scheduled') && row.publishedAt !== null && row.publishedAt <= now;
}

export type PublicationRequest =
  | { action: 'keep' }
  | { action: 'publish' }
  | { action: 'schedule'; at: Date }
  | { action: 'unpublish' };

export type PublicationError = 'pastDate' | 'emptyBody' | 'notPublished';

/**
 * Why a field of a translation was refused (the message keys live with the
 * server actions: app/admin/(area)/field-messages.ts).
 * pathTakenTrash: the address belongs to a page in the trash, which keeps its addresses.
 * heroNoAlt: the main image has no alt text in this language (publishing refused).
 * bodyImageNoAlt: an image in the text has no alt text in this language, so it cannot be live.
 * bodyImageUnknown: an image in the text is no file of the library, or is in its trash.
 * closingPassed: a vacancy (or any item with a deadline) cannot go live at or after its closing time.
 * howToApplyMissing: a vacancy cannot go live without a link or an e-mail address to apply to.
 */
export type FieldErrorCode =
  | 'required'
  | 'tooLong'
  | 'slugInvalid'
  | 'slugTaken'
  | 'pathInvalid'
  | 'pathReserved'
  | 'pathTaken'
  | 'pathTakenTrash'
  | 'heroNoAlt'
  | 'bodyImageNoAlt'
  | 'bodyImageUnknown'
  | 'closingPassed'
  | 'howToApplyMissing'
  | PublicationError;

/** Every refused field of one language at once; `publishAt`, `form` and `hero` stand beside the text fields. */
export type FieldErrors<F extends string = string> = Partial<Record<F | 'publishAt' | 'form' | 'hero', FieldErrorCode>>;

/**
 * The one answer of every write of a translation whose fields are refused.
 * `unknownImages`: with fieldErrors.body 'bodyImageUnknown', the addresses of those images.
 */
export type InvalidFields<F extends string = string> = { ok: false; error: 'invalid'; fieldErrors: FieldErrors<F>; unknownImages?: string[] };

/** What confirming that one language is still right against the other answers, for every type. */
export type ConfirmResult = { ok: true } | { ok: false; error: 'notFound' };

/** The field a publication error belongs to. */
export function publicationErrorField(error: PublicationError): 'publishAt' | 'body' | 'form' {
  return error === 'pastDate' ? 'publishAt' : error === 'emptyBody' ? 'body' : 'form';
}

/**
 * The status and publication time a translation gets. Publishing keeps an
 * earlier publication time (a corrected article keeps its date) unless that
 * time is still in the future; scheduling needs a time after now.
 */
export function nextPublication(
  current: { status: PublicationStatus; publishedAt: Date | null } | undefined,
  request: PublicationRequest,
  body: string,
  now: Date,
): { status: PublicationStatus; publishedAt: Date | null } | { error: PublicationError } {
  const status = current?.status ?? 'draft';
  const publishedAt = current?.publishedAt ?? null;
  switch (request.action) {
    case 'keep':
      return { status, publishedAt };
    case 'publish':
      if (!htmlToText(body).trim()) return { error: 'emptyBody' };
      return { status: 'published', publishedAt: publishedAt && publishedAt <= now ? publishedAt : now };
    case 'schedule':
      if (!htmlToText(body).trim()) return { error: 'emptyBody' };
      if (!(request.at.getTime() > now.getTime())) return { error: 'pastDate' };
      return { status: 'scheduled', publishedAt: request.at };
    case 'unpublish':
      if (status !== 'published' && status !== 'scheduled') return { error: 'notPublished' };
      return { status: 'unpublished', publishedAt };
  }
}

/**
 * Points an old public address (and every redirect that led to it) at the new
 * one, without chains. Returns every address that now redirects to `to`: each
 * may sit in a cache with its old redirect, and must be revalidated.
 */
export function moveAddress(tx: Tx, locale: Locale, from: string, to: string): string[] {
  if (from === to) return [];
  tx.delete(redirects).where(and(eq(redirects.locale, locale), eq(redirects.fromPath, to))).run();
  tx.update(redirects).set({ toPath: to }).where(and(eq(redirects.locale, locale), eq(redirects.toPath, from))).run();
  tx.insert(redirects)
    .values({ locale, fromPath: from, toPath: to })
    .onConflictDoUpdate({ target: [redirects.locale, redirects.fromPath], set: { toPath: to } })
    .run();
  return tx
    .select({ from: redirects.fromPath })
    .from(redirects)
    .where(and(eq(redirects.locale, locale), eq(redirects.toPath, to)))
    .all()
    .map((r) => r.from);
}

/** The public root of a language: '/' or '/sq' (the routing's own addresses: i18n/paths.ts). */
export function localeRoot(locale: Locale): string {
  return localizedPath('/', locale);
}

/** The public address of a language's news list: '/news' or '/sq/lajme'. */
export function newsListPath(locale: Locale): string {
  return localizedPath(ROUTES.news, locale);
}

/** The public address of an article (as redirects store it): '/news/<slug>' or '/sq/lajme/<slug>'. */
export function articlePath(locale: Locale, slug: string): string {
  return `${newsListPath(locale)}/${slug}`;
}
