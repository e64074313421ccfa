/**
 * The client's address for throttling and the audit log.
 *
 * Next.js fills `X-Forwarded-For` with the socket's address only when the
 * request has none, so a client could name any address it likes. Unless
 * TRUST_PROXY says a reverse proxy in front sets the header, instrumentation.ts
 * removes the client's own header before Next sees the request; what is left
 * is the socket's address. With TRUST_PROXY=1 the *last* entry is used: the
 * address our reverse proxy saw connecting to it. Earlier entries were written
 * by the client (or proxies we do not know) and can say anything. The app's
 * own port must then be reachable only through that proxy.
 */
export function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? '');
}

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 64) : 'unknown';
}
