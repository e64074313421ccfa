import localFont from 'next/font/local';

/**
 * Noto Sans, self-hosted from @fontsource-variable/noto-sans (no request to a
 * font service at build or run time). The Latin file covers Albanian: ë, ç,
 * Ë, Ç. Both weights in one variable file.
 */
export const notoSans = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-wght-normal.woff2', style: 'normal' },
    { path: '../node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-wght-italic.woff2', style: 'italic' },
  ],
  weight: '100 900',
  display: 'swap',
  variable: '--font-noto-sans',
  fallback: ['system-ui', 'Segoe UI', 'Arial', 'sans-serif'],
});
