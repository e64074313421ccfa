import { getDb } from '@/db';
import { serveMedia } from '@/db/media/serve';
import { env } from '@/lib/env';

/**
 * Public files of the media library: /media/<hash>-<width>.<ext> for image
 * variants, /media/<hash>.pdf for documents. Only names the database lists
 * are served (db/media/serve.ts); everything else is 404. The proxy does not
 * run here (its matcher skips addresses with a dot).
 */
type Context = { params: Promise<{ path: string[] }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return serveMedia(getDb(), env().dataDir, path, request);
}

export const HEAD = GET;
