/** Which links the rich text editor accepts (components/admin/RichTextEditor.tsx). Pure, for the browser and tests. */

/** What a link may point to: the web and email addresses an editor can enter. */
const EDITOR_LINK = /^(?:https?:\/\/[^\s/?#]+\S*|mailto:[^\s@]+@[^\s@]+)$/i;

/**
 * Hrefs the editor keeps. Besides what an editor can enter it keeps what the
 * server's sanitizer already let through (tel: and same-site /paths), so that
 * editing old text never drops its links; and it accepts the bare "www.…" and
 * "name@domain" that Tiptap's autolink checks before adding https:// or mailto:.
 */
export function isKeptHref(url: string): boolean {
  const href = url.trim();
  return (
    EDITOR_LINK.test(href) ||
    /^tel:[+\d][\d\s().-]*$/i.test(href) ||
    /^\/(?![/\\])\S*$/.test(href) ||
    /^www\.[^\s/?#]+\.\S+$/i.test(href) ||
    /^[^\s@:/]+@[^\s@:/]+\.[a-z]{2,}$/i.test(href)
  );
}

/** The address typed in the link form, completed (https://, mailto:) and checked; null when it is not usable. */
export function normalizeLinkInput(input: string): string | null {
  let href = input.trim();
  if (!href) return null;
  if (/^[^\s@:/]+@[^\s@:/]+\.[a-z]{2,}$/i.test(href)) href = `mailto:${href}`;
  else if (/^www\./i.test(href)) href = `https://${href}`;
  if (!EDITOR_LINK.test(href)) return null;
  try {
    const url = new URL(href);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? href : null;
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? href : null;
  } catch {
    return null;
  }
}
