/**
 * Security headers. Public pages are cached and shared, so their
 * Content-Security-Policy cannot carry a per-response nonce: it allows inline
 * scripts (Next's page data) but never eval, plugins, a foreign <base>,
 * foreign form targets or framing. The editor area, rendered per request,
 * gets a strict nonce-based script policy from proxy.ts.
 */
const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export function publicContentSecurityPolicy(): string {
  return [...COMMON_DIRECTIVES, "script-src 'self' 'unsafe-inline'"].join('; ');
}

export function adminContentSecurityPolicy(nonce: string): string {
  return [...COMMON_DIRECTIVES, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`].join('; ');
}

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/** Headers every response carries (next.config.ts). */
export const BASE_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
];
