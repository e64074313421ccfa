import { getTranslations } from 'next-intl/server';
import { type NextRequest, NextResponse } from 'next/server';
import { locales } from '@/i18n/routing';
import { env } from '@/lib/env';
import { LOCALE_COOKIE, switchTarget } from '@/lib/locale-switch';

// Answered for every request, never cached: it sets a cookie.
export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * GET /api/locale?to=sq&next=/sq/lajme — the language switcher's links (and
 * every other link into the other language) lead here: the choice is
 * remembered in the locale cookie, on this redirect that no cache may store,
 * and the reader goes on to `next` (a public address of this site in that
 * language, else its home: lib/locale-switch.ts). A plain link and a 303, so
 * it works without JavaScript.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const target = switchTarget(params.get('to'), params.get('next'));
  if (!target) {
    const lines = await Promise.all(locales.map(async (locale) => (await getTranslations({ locale, namespace: 'Switcher' }))('unknownLanguage')));
    return new NextResponse(`${lines.join('\n')}\n`, { status: 400, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  // A relative Location: the reader stays on the host they asked (RFC 9110 allows it).
  const response = new NextResponse(null, { status: 303, headers: { ...PRIVATE, Location: target.location } });
  response.cookies.set(LOCALE_COOKIE, target.locale, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: env().siteUrl.startsWith('https://'),
    maxAge: 60 * 60 * 24 * 365,
  });
  return response;
}
