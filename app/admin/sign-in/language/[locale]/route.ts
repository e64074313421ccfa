import { type NextRequest, NextResponse } from 'next/server';
import { isLocale } from '@/i18n/routing';
import { ADMIN_LOCALE_COOKIE, ADMIN_LOCALE_COOKIE_OPTIONS } from '@/lib/admin-locale';
import { adminReturnPath } from '@/lib/params';

/**
 * The sign-in page's English | Shqip links: remembers the language in this
 * browser and shows the sign-in page again in it. Open to anyone (it is how
 * a person who cannot read the page yet makes it readable); it touches no
 * account — a user who never chose a language keeps this one at sign-in.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const next = adminReturnPath(request.nextUrl.searchParams.get('next'));
  // A relative address: behind a proxy or on 127.0.0.1, Next's idea of the host may not be the reader's.
  const back = next === '/admin' ? '/admin/sign-in' : `/admin/sign-in?next=${encodeURIComponent(next)}`;
  const response = new NextResponse(null, { status: 303, headers: { Location: back, 'Cache-Control': 'private, no-store' } });
  if (isLocale(locale)) response.cookies.set(ADMIN_LOCALE_COOKIE, locale, ADMIN_LOCALE_COOKIE_OPTIONS);
  return response;
}
