/**
 * Body HTML from the database. It is sanitized when it is written (seed
 * import, editor saves), so what is stored is exactly what renders. A table
 * (always a bare `<table>`: the sanitizer keeps no attributes on it) goes in
 * a box that scrolls sideways on narrow screens; the box can take keyboard
 * focus, so it can also be scrolled without a mouse.
 */
export function RichText({ html, className = '' }: { html: string; className?: string }) {
  const withTables = html.replace(/<table>/g, '<div class="table-scroll" tabindex="0"><table>').replace(/<\/table>/g, '</table></div>');
  return (
    <div
      className={`prose prose-lg max-w-none prose-a:text-iom-blue prose-headings:text-ink ${className}`}
      dangerouslySetInnerHTML={{ __html: withTables }}
    />
  );
}
