import fs from 'node:fs';
import { Readable } from 'node:stream';
import { contentDisposition } from '@/lib/media/file-name';
import { storedPath } from '@/lib/media/storage';
import { logError } from '@/lib/log';
import type { Queryable } from '../client';
import { servedFile } from './public';

/**
 * The answer to GET /media/<name>: a stored file the database lists (and
 * not in the trash), else 404. The address's name is only ever compared
 * with names from the database; it never reaches the file system unless it
 * is exactly one of them. Names are content hashes, so a file never changes:
 * browsers and CDNs may keep it for a year.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

export async function mediaFileResponse(db: Queryable, dataDir: string, segments: readonly string[], request: Request): Promise<Response> {
  if (segments.length !== 1) return notFound();
  const file = servedFile(db, segments[0]!);
  if (!file) return notFound();
  const filePath = storedPath(dataDir, file.name);
  let size: number;
  try {
    const stat = await fs.promises.stat(filePath);
    if (!stat.isFile()) return notFound();
    size = stat.size;
  } catch {
    logError('media file missing', { name: file.name });
    return notFound();
  }
  const etag = `"${file.name}"`;
  const headers = new Headers({
    'Content-Type': file.mime,
    'Cache-Control': IMMUTABLE,
    'X-Content-Type-Options': 'nosniff',
    ETag: etag,
  });
  if (file.downloadName) {
    // Shown in the browser's PDF viewer, saved under its real name.
    headers.set('Content-Disposition', contentDisposition('inline', file.downloadName));
  }
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((m) => m.trim() === etag || m.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(size));
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const stream = Readable.toWeb(fs.createReadStream(filePath)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}
