import './globals.css';

// Reached only for addresses outside the localized site (the proxy sends
// every page address to app/[locale]); the localized 404 is app/[locale]/not-found.tsx.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="p-8">
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p className="mt-4">
          <a href="/">IOM Albania</a> · <a href="/sq" lang="sq">IOM Shqipëri</a>
        </p>
      </body>
    </html>
  );
}
