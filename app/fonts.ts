import localFont from 'next/font/local';

/**
 * Noto Sans, self-hosted from @fontsource-variable/noto-sans (no request to a
 * font service at build or run time). The Latin files cover Albanian: ë, ç,
 * Ë, Ç. Every weight in one variable file per style.
 *
 * The upright file is preloaded (every page's text needs it); the italic one
 * is a family of its own, not preloaded, used only by italic text
 * (theme.css), so a page without italics never downloads its 40 kB.
 */
export const notoSans = localFont({
  src: '../node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-wght-normal.woff2',
  style: 'normal',
  weight: '100 900',
  display: 'swap',
  variable: '--font-noto-sans',
  fallback: ['system-ui', 'Segoe UI', 'Arial', 'sans-serif'],
});

export const notoSansItalic = localFont({
  src: '../node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-wght-italic.woff2',
  style: 'italic',
  weight: '100 900',
  display: 'swap',
  preload: false,
  variable: '--font-noto-sans-italic',
  fallback: ['system-ui', 'Segoe UI', 'Arial', 'sans-serif'],
});

/** For the <html> element of each root layout. */
export const fontVariables = `${notoSans.variable} ${notoSansItalic.variable}`;
