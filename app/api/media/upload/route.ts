import { getTranslations } from 'next-intl/server';
import { uploadMedia } from '@/db/admin/media';
import { AuthorizationError, requireUser } from '@/lib/auth/session';
import { clientAddress } from '@/lib/client-address';
import { namedAsPdf } from '@/lib/media/limits';
import { UPLOAD_LIMITS } from '@/lib/media/prepare';
import { isSameOrigin } from '@/lib/same-origin';

/**
 * Upload of one file to the media library, from the library page (one
 * request per file, so the browser can show each one's progress). The body
 * is the file's bytes; its name is in X-File-Name (URI-encoded). The type is
 * decided from the bytes (lib/media/prepare.ts), never from the name or the
 * Content-Type.
 *
 * Under /api, outside the proxy: the proxy would buffer (and cut at 10 MB)
 * every body it sees. So this handler does the proxy's cross-site check
 * itself, then the session check, and reads at most 40 MB.
 */

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };
const MAX_BYTES = Math.max(UPLOAD_LIMITS.imageBytes, UPLOAD_LIMITS.documentBytes);

const STATUS: Record<string, number> = { unsupportedType: 415, notPdf: 415, imageTooLarge: 413, documentTooLarge: 413, tooLarge: 413, failed: 500 };

export type UploadAnswer =
  | { ok: true; id: number; kind: 'image' | 'document'; status: 'created' | 'duplicate' | 'restored' }
  | { ok: false; error: string; message: string };

/** The body, or null once it passes `limit` bytes (the rest is not read). */
async function readBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function fileNameFrom(headers: Headers): string {
  const raw = headers.get('x-file-name') ?? '';
  try {
    return decodeURIComponent(raw).slice(0, 1000);
  } catch {
    return '';
  }
}

async function refuseUnauthorized(error: unknown): Promise<Response> {
  if (error instanceof AuthorizationError) {
    return Response.json({ ok: false, error: error.status === 401 ? 'unauthorized' : 'forbidden' }, { status: error.status, headers: NO_STORE });
  }
  throw error;
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) {
    return new Response('Forbidden: cross-site request', { status: 403, headers: NO_STORE });
  }
  let locale: 'en' | 'sq';
  try {
    locale = (await requireUser()).preferredLocale;
  } catch (error) {
    return refuseUnauthorized(error);
  }
  const t = await getTranslations({ locale, namespace: 'Admin.media.errors' });
  const answer = (body: UploadAnswer, status = 200) => Response.json(body, { status, headers: NO_STORE });
  const refuse = (error: keyof typeof STATUS | string) =>
    answer({ ok: false, error, message: t(error as 'failed') }, STATUS[error] ?? 422);

  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BYTES) return refuse('tooLarge');
  const bytes = await readBody(request.body, MAX_BYTES);
  if (bytes === null) return refuse('tooLarge');

  try {
    const fileName = fileNameFrom(request.headers);
    const result = await uploadMedia({ bytes, fileName }, clientAddress(request.headers));
    // Named .pdf but not PDF bytes: say exactly that, not "this kind of file".
    if (!result.ok) return refuse(result.error === 'unsupportedType' && namedAsPdf({ name: fileName }) ? 'notPdf' : result.error);
    return answer({ ok: true, id: result.id, kind: result.kind, status: result.status }, result.status === 'created' ? 201 : 200);
  } catch (error) {
    return refuseUnauthorized(error);
  }
}

/** Nothing to read here; the anonymous are still told so first. */
export async function GET(): Promise<Response> {
  try {
    await requireUser();
  } catch (error) {
    return refuseUnauthorized(error);
  }
  return new Response('Method Not Allowed', { status: 405, headers: { ...NO_STORE, Allow: 'POST' } });
}
