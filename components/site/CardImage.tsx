import type { PublicImage } from '@/db/media/public';
import { ResponsiveImage } from './ResponsiveImage';

/** A card's share of a grid row: one column on phones, two from 40rem, three from 64rem (max-w-6xl page). */
export const CARD_SIZES = '(min-width: 64rem) 23rem, (min-width: 40rem) 50vw, 100vw';

/**
 * The picture at the top of a card, cut to 3:2 so a row of cards lines up;
 * an item without one gets a calm panel with its label instead (never an
 * empty frame). Lazy unless it is the page's first large image.
 */
export function CardImage({ image, label, priority = false, sizes = CARD_SIZES }: { image: PublicImage | null; label: string; priority?: boolean; sizes?: string }) {
  if (image) {
    return <ResponsiveImage image={image} sizes={sizes} priority={priority} withCaption={false} className="aspect-[3/2] w-full object-cover" />;
  }
  return (
    <div aria-hidden="true" data-testid="card-panel" className="flex aspect-[4/1] w-full items-end bg-iom-mist p-4 sm:aspect-[3/2]">
      <span className="text-xl leading-tight font-bold text-iom-blue">{label}</span>
    </div>
  );
}
