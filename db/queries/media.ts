import 'server-only';
import { cache } from 'react';
import type { Locale } from '@/i18n/routing';
import { env } from '@/lib/env';
import { getDb } from '../index';
import { type PublicDocument, type PublicImage, publicDocument, publicImage } from '../media/public';
import * as serve from '../media/serve';

export type { PublicDocument, PublicImage };

/**
 * The hero image of a news item or page for a public page in `locale`, or
 * null: no hero, the file is in the trash, or it has no alt text in that
 * language and is not marked decorative (an image is never published in a
 * language without its alt text). Feed it to <ResponsiveImage priority />
 * and to Open Graph (`og`).
 */
export const heroForPublic = cache((mediaId: number | null | undefined, locale: Locale): PublicImage | null =>
  mediaId ? publicImage(getDb(), mediaId, locale) : null,
);

/** A PDF for a public list of publications (title in `locale`, size, language, date), or null. */
export const documentForPublic = cache((mediaId: number, locale: Locale): PublicDocument | null => publicDocument(getDb(), mediaId, locale));

/**
 * The answer to GET /media/<name>: a file of the media library that is not in
 * the trash, by a name the database lists (db/media/serve.ts), else 404.
 */
export function mediaFileResponse(segments: readonly string[], request: Request): Promise<Response> {
  return serve.mediaFileResponse(getDb(), env().dataDir, segments, request);
}
