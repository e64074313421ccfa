import { notFound } from 'next/navigation';
import { isLocale, type Locale } from '@/i18n/routing';

/** The [locale] segment, already checked by the layout; anything else is a 404. */
export function parseLocaleParam(value: string): Locale {
  if (!isLocale(value)) notFound();
  return value;
}

/** Longest path or slug we look up; anything longer cannot exist. */
export const MAX_PATH_LENGTH = 300;

/** A page number from `?page=`: a whole number from 1 up, else null. */
export function parsePageNumber(value: string | string[] | null | undefined): number | null {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) return null;
  return Number(value);
}

/** Set by proxy.ts on editor-area requests: the path asked for (see requireUserForPage). */
export const ADMIN_PATH_HEADER = 'x-iom-admin-path';

/**
 * An address inside the editor area to return to — '/admin' or a path below
 * it, without a query, never the sign-in page — else '/admin' (no open redirect).
 */
export function adminReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[\w\-/]*)?$/.test(value) && !value.startsWith('/admin/sign-in') ? value : '/admin';
}

/** A row id from an address or query (`/admin/news/12`, `?rev=3`): a whole number from 1 up, else null. */
export function parseIdParam(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
}

/** A language from an editor-area address (`…/history/sq`), else null (the public [locale] segment uses parseLocaleParam). */
export function localeOrNull(value: unknown): Locale | null {
  return isLocale(value) ? value : null;
}
