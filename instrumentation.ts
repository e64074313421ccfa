/**
 * Runs once when the server starts:
 * - unless TRUST_PROXY is set, drops any X-Forwarded-For a client sends (see
 *   lib/forwarded-for.ts), so throttling cannot be dodged by naming an address;
 * - looks at every POST before Next.js reads its body (lib/request-guard.ts):
 *   none to public addresses, none from another site to the editor area, no
 *   body past the size and nesting limits (smaller without a session);
 * - opens the database in DATA_DIR, applies the committed migrations and
 *   imports the seed into an empty database, so the first request finds
 *   everything ready (and a broken database stops the start, not a visitor);
 *   with no user yet, prints the one-time first-administrator address;
 * - with a CDN configured (lib/cdn/targets.ts), starts sending its purges
 *   (lib/cdn/deliver.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { trustProxy } = await import('./lib/client-address');
    if (!trustProxy()) (await import('./lib/forwarded-for')).dropClientForwardedFor();
    const { hasLiveSession } = await import('./lib/auth/session-cookie');
    (await import('./lib/request-guard')).guardPostRequests(hasLiveSession);
    const { initDatabase } = await import('./db/init');
    initDatabase();
    // With a CDN configured, its purges are sent from the outbox (a bad
    // configuration stops the start); one queued for later (a scheduled
    // item's) makes Next's own cache drop the pages first.
    const { getDb } = await import('./db');
    const { deliverAndPrune } = await import('./db/cdn-delivery');
    const { expireNextCache } = await import('./lib/next-cache');
    (await import('./lib/cdn/deliver')).startPurgeDelivery(() => deliverAndPrune(getDb(), { expireOrigin: expireNextCache }));
  }
}

/**
 * Every error while handling a request: one JSON line with a request id (the
 * reverse proxy's X-Request-Id when there is one), the route and the digest
 * that the error page shows — no headers, cookies or bodies.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  const { logError } = await import('./lib/log');
  const header = request.headers['x-request-id'];
  const requestId = (typeof header === 'string' && /^[\w-]{1,100}$/.test(header) ? header : null) ?? crypto.randomUUID();
  const err = error instanceof Error ? error : new Error(String(error));
  logError('request failed', {
    requestId,
    method: request.method,
    path: request.path.split('?')[0]?.slice(0, 300),
    route: context.routePath,
    kind: context.routeType,
    error: err.name,
    message: err.message.slice(0, 500),
    digest: (err as Error & { digest?: string }).digest,
  });
}
