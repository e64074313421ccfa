/**
 * Body HTML from the database. It is sanitized when it is written (seed
 * import, editor saves), so what is stored is exactly what renders.
 */
export function RichText({ html, className = '' }: { html: string; className?: string }) {
  return (
    <div
      className={`prose prose-lg max-w-none prose-a:text-iom-blue prose-headings:text-ink ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
