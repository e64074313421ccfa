import { trustProxy } from './client-address';

/**
 * Whether a request that changes something was sent by one of our own pages:
 * its Origin names this host. Browsers send Origin with every POST; a form
 * or script on another site cannot forge it. Behind a trusted reverse proxy
 * the public host is in X-Forwarded-Host. (lib/request-guard.ts asks it
 * for every POST to the editor area; route handlers that accept a POST ask
 * for themselves.)
 */
export function isSameOrigin(headers: Pick<Headers, 'get'>): boolean {
  if (headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = headers.get('origin');
  const host = (trustProxy() && headers.get('x-forwarded-host')) || headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
