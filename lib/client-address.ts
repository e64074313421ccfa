/**
 * The client's address for throttling and the audit log.
 *
 * Next.js fills `X-Forwarded-For` with the socket's address only when the
 * request has none, so a client could name any address it likes. Unless
 * TRUST_PROXY says a reverse proxy in front sets the header, instrumentation.ts
 * removes the client's own header before Next sees the request; what is left
 * is the socket's address. With TRUST_PROXY=1 the first (client) entry of the
 * proxy's header is used.
 */
export function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? '');
}

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : 'unknown';
}
