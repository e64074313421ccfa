import type { Locale } from '@/i18n/routing';

const NUMBER_LOCALE: Record<Locale, string> = { en: 'en-GB', sq: 'sq-AL' };

/** A file size as people read it: "820 KB", "2.4 MB" (in Albanian "2,4 MB"). */
export function formatBytes(bytes: number, locale: Locale): string {
  const format = (n: number) => new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}
