import http from 'node:http';
import { isSameOrigin } from './same-origin';

/**
 * What a POST may cost before Next.js sees it. Next buffers and decodes a
 * server action's body (busboy, then React's decodeReply: JSON.parse and a
 * recursive walk) before any of our code runs, and answers what goes wrong
 * there with 500 and a stack trace in the log. So every POST is looked at
 * here first, on the Node server's 'request' event:
 *
 * - Only the editor area (server actions) and the route handlers that take
 *   a POST (POST_ROUTES) accept one; a POST anywhere else — a public page,
 *   with or without a Next-Action header — gets 405.
 * - A POST to the editor area must come from this site (lib/same-origin.ts):
 *   with a Next-Action header or as a form posted without JavaScript
 *   ($ACTION_ID_… fields), otherwise 403.
 * - Its body is read here, bytes counted as they arrive (Content-Length or
 *   chunked alike): over the limit — ACTION_BODY_LIMIT with a live session,
 *   ANONYMOUS_BODY_LIMIT without — it is refused with 413, before Next
 *   parses anything; nested deeper than MAX_NESTING, 400. A server action
 *   called from a page (Next-Action header) must then carry a list of at
 *   most MAX_ARGUMENTS arguments (argumentListFits), else 400. Only then is
 *   the request handed to Next, its body replayed.
 *
 * Refusals are answered here, with no log line, and the connection closed.
 */

/**
 * The largest server-action body staff can send, with margin. Measured in
 * Chromium (docs/performance.md): one language of an article whose text is
 * at the 400,000-character limit (db/content/common.ts), saved after a
 * conflict — the form then also sends back the newer version it was shown —
 * is 866 kB; a long article (100,000 characters, images) 155 kB, 310 kB
 * after a conflict.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/**
 * Without a session only signing in and creating the first administrator are
 * open: about 1 kB (64 kB leaves room for whatever a browser lets be typed
 * into their fields; the forms answer over-long values with a message).
 */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
/** Deeper `[`/`{` nesting than any form sends (and whose decoding would cost more than the body's size says). */
export const MAX_NESTING = 256;
/**
 * Next's own bound on a server action's argument list (SERVER_ACTION_ARGS_LIMIT
 * in next/dist/server/app-render/action-handler.js): a longer one it refuses
 * after decoding it, with 500 and the error in the log.
 */
export const MAX_ARGUMENTS = 1000;
/** Route handlers that accept a POST (they check origin, session and size themselves). */
export const POST_ROUTES = ['/api/media/upload'];

const REFUSALS = {
  nested: [400, 'Bad request: nested too deeply'],
  arguments: [400, `Bad request: not a list of at most ${MAX_ARGUMENTS} arguments`],
  crossSite: [403, 'Forbidden: cross-site request'],
  method: [405, 'Method not allowed'],
  tooLarge: [413, 'Payload too large'],
} as const;
type Refusal = keyof typeof REFUSALS;

/** How much of a refused body is read (and dropped) so that the client, still sending, gets the answer. */
const DRAIN_BYTES = 2 * ACTION_BODY_LIMIT;
const DRAIN_MS = 5000;

/**
 * Answers a refused POST without reading its body into anything: the
 * status goes out at once, and the rest of the body is read and dropped
 * until it ends — at most DRAIN_BYTES or DRAIN_MS, then the connection is
 * closed. (Closing it while the client still sends would reset it, and the
 * client would report a broken connection instead of the answer.)
 */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
  if (res.headersSent) return;
  const [status, text] = REFUSALS[refusal];
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
    ...(status === 405 ? { Allow: 'GET, HEAD' } : {}),
  });
  res.flushHeaders();
  let dropped = 0;
  const finish = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end(text);
  };
  const timer = setTimeout(finish, DRAIN_MS);
  req.on('error', finish);
  if (req.complete) return finish();
  req.push = (chunk: Buffer | null) => {
    if (chunk === null || (dropped += chunk.length) > DRAIN_BYTES) finish();
    return true;
  };
}

/** The path Next's router will see, dot segments resolved; '' for one Next redirects ('//', '\'). */
export function requestPath(url = '/'): string {
  const raw = url.split('?', 1)[0]!;
  if (raw.includes('//') || raw.includes('\\')) return '';
  try {
    return new URL(raw, 'http://localhost').pathname;
  } catch {
    return '';
  }
}

function isEditorArea(path: string): boolean {
  return path === '/admin' || path.startsWith('/admin/');
}

/**
 * An upper bound of the `[`/`{` nesting of any JSON a body carries, counted
 * over its raw bytes: brackets inside strings count too (so it can only
 * overstate), and a closing one never takes the count below zero (so no
 * earlier field can hide a later field's depth). Linear, ~1 ms a MB.
 */
export class NestingMeter {
  depth = 0;
  max = 0;
  feed(chunk: Uint8Array): void {
    let { depth, max } = this;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x5b || byte === 0x7b) {
        if (++depth > max) max = depth;
      } else if ((byte === 0x5d || byte === 0x7d) && depth > 0) depth--;
    }
    this.depth = depth;
    this.max = max;
  }
}

/**
 * Whether the body of a server action called from a page (React's
 * encodeReply: the JSON text itself, or multipart with the JSON in field
 * `0`) carries what Next can apply the action to: a JSON array of at most
 * MAX_ARGUMENTS arguments. React never sends anything else; Next answers a
 * longer list, or a root that is not a list, with 500 before any action of
 * ours runs. The body is at most ACTION_BODY_LIMIT and nested at most
 * MAX_NESTING deep here, so parsing it is cheap.
 */
export async function argumentListFits(body: Buffer, contentType: string): Promise<boolean> {
  try {
    const root = contentType.startsWith('multipart/form-data')
      ? (await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()).get('0')
      : body.toString('utf8');
    if (typeof root !== 'string') return false;
    const list: unknown = JSON.parse(root);
    return Array.isArray(list) && list.length <= MAX_ARGUMENTS;
  } catch {
    return false;
  }
}

type HasSession = (cookie: string | undefined) => Promise<boolean>;

/**
 * Reads an editor-area POST's body before Next does (see above), then hands
 * the request to `pass` with the body replayed. The http parser delivers
 * the body through `req.push`; until the checks are done it goes to a list
 * here instead of the request's stream.
 */
function readThenPass(req: http.IncomingMessage, res: http.ServerResponse, hasSession: HasSession, pass: () => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > ACTION_BODY_LIMIT) return refuse(req, res, 'tooLarge');
  const chunks: Buffer[] = [];
  const meter = new NestingMeter();
  let size = 0;
  let ended = false;
  let refused = false;
  let session: boolean | undefined;
  const limit = () => (session === false ? ANONYMOUS_BODY_LIMIT : ACTION_BODY_LIMIT);
  const stop = (refusal: Refusal) => {
    refused = true;
    chunks.length = 0;
    refuse(req, res, refusal);
  };
  const decide = () => {
    if (refused || session === undefined) return;
    if (Math.max(size, declared) > limit()) return stop('tooLarge');
    if (!ended) return;
    if (meter.max > MAX_NESTING) return stop('nested');
    if (!req.headers['next-action']) return hand();
    const contentType = headerValue(req, 'content-type') ?? '';
    argumentListFits(Buffer.concat(chunks), contentType).then((fits) => (fits ? hand() : stop('arguments')));
  };
  const hand = () => {
    delete (req as { push?: unknown }).push;
    req.off('error', ignore);
    pass();
    for (const chunk of chunks) req.push(chunk);
    req.push(null);
  };
  const ignore = () => {};
  // A client that goes away mid-body: nothing to do (Next never saw the request).
  req.on('error', ignore);
  req.push = (chunk: Buffer | null) => {
    if (chunk === null) ended = true;
    else {
      size += chunk.length;
      if (size > ACTION_BODY_LIMIT) return stop('tooLarge'), true;
      meter.feed(chunk);
      chunks.push(chunk);
    }
    decide();
    return true;
  };
  hasSession(typeof req.headers.cookie === 'string' ? req.headers.cookie : undefined).then(
    (live) => {
      session = live;
      decide();
    },
    () => {
      session = false;
      decide();
    },
  );
}

/** Installs the checks above on every http server of this process (once, from instrumentation.ts). */
export function guardPostRequests(hasSession: HasSession): void {
  const emit = http.Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    if (req.method !== 'POST') return emit.call(this, event, ...args);
    const path = requestPath(req.url);
    if (POST_ROUTES.includes(path)) return emit.call(this, event, ...args);
    if (!isEditorArea(path)) {
      refuse(req, res, 'method');
      return true;
    }
    if (!isSameOrigin({ get: (name: string) => headerValue(req, name) })) {
      refuse(req, res, 'crossSite');
      return true;
    }
    readThenPass(req, res, hasSession, () => emit.call(this, event, ...args));
    return true;
  } as typeof http.Server.prototype.emit;
}

function headerValue(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
