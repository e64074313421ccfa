import { preload } from 'react-dom';
import type { PublicImage } from '@/db/media/public';

/** Wide enough for the article column (65–75 characters) on a large screen, the full width on a phone. */
export const DEFAULT_SIZES = '(min-width: 48rem) 48rem, 100vw';

type Props = {
  /** From heroForPublic() / publicImage(): already in the page's language, null-checked by the caller. */
  image: PublicImage;
  /** How wide the image is shown, for the browser's choice among the variants. */
  sizes?: string;
  /** The page's first large image: loaded at once with high priority (and preloaded); otherwise lazily. */
  priority?: boolean;
  className?: string;
  /** Show the caption and credit under the image, in a <figure>, when there are any. */
  withCaption?: boolean;
};

/**
 * An image of the media library on a public page: every WebP variant in
 * `srcset`, width and height set from the stored dimensions (no layout shift
 * while it loads), alt text of the page's language (empty when decorative).
 */
export function ResponsiveImage({ image, sizes = DEFAULT_SIZES, priority = false, className = '', withCaption = true }: Props) {
  if (priority) preload(image.src, { as: 'image', imageSrcSet: image.srcSet, imageSizes: sizes, fetchPriority: 'high' });
  const img = (
    <img
      src={image.src}
      srcSet={image.srcSet}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding={priority ? undefined : 'async'}
      className={`h-auto max-w-full ${className}`}
    />
  );
  if (!withCaption || (!image.caption && !image.credit)) return img;
  return (
    <figure>
      {img}
      <figcaption className="mt-2 text-sm text-muted">
        {image.caption}
        {image.caption && image.credit ? ' ' : null}
        {image.credit ? <span className="whitespace-nowrap">{image.credit}</span> : null}
      </figcaption>
    </figure>
  );
}
