export const SLUG_MAX_LENGTH = 80;

/**
 * A URL slug from a title in English or Albanian: letters folded to ASCII
 * (ë→e, ç→c and every other diacritic dropped), lower case, words joined by
 * hyphens, at most `max` characters and never cut inside a word.
 */
export function slugify(title: string, max = SLUG_MAX_LENGTH): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      if (!slug) slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug;
}

/** True for a well-formed slug or path segment: a-z, 0-9 and single inner hyphens. */
export function isValidSlug(value: string, max = SLUG_MAX_LENGTH): boolean {
  return value.length > 0 && value.length <= max && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
