import { mediaFileResponse } from '@/db/queries/media';

/**
 * Public files of the media library: /media/<hash>-<width>.<ext> for image
 * variants, /media/<hash>.pdf for documents. Only names the database lists
 * are served (db/queries/media.ts, db/media/serve.ts); everything else is 404. The proxy does not
 * run here (its matcher skips addresses with a dot).
 */
type Context = { params: Promise<{ path: string[] }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return mediaFileResponse(path, request);
}

export const HEAD = GET;
