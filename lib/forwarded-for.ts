import http from 'node:http';

/**
 * Unless TRUST_PROXY is set, removes any X-Forwarded-For a client sends
 * before Next.js sees the request; Next then records the socket's address
 * (see lib/client-address.ts), so throttling and the audit log cannot be fed
 * a made-up address.
 */
export function dropClientForwardedFor(): void {
  const emit = http.Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') delete (args[0] as http.IncomingMessage).headers['x-forwarded-for'];
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
