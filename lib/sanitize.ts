import sanitizeHtml from 'sanitize-html';
import { isForeignImage, RICH_TEXT_IMAGE_ATTRIBUTES } from './media/rich-text';

/**
 * The allow-list for rich text (news and page bodies): headings 2–4,
 * paragraphs, bold, italic, links, lists, quotes, line breaks, simple
 * tables (rows of header and data cells: no attributes, so no merged cells,
 * sizes or styles) and images of our media library — and nothing else. An <img> is kept only when its
 * src and srcset are our own variants (`/media/<hash>-<width>.<ext>`) and it
 * carries no other attributes than those lib/media/rich-text.ts lists (any
 * other attribute is removed; a foreign, data: or missing src drops the
 * image). Run on the server on every save, so what is stored is what renders.
 * Pasted Word and Google Docs markup (classes, styles, spans, <o:p>, comments)
 * comes out as clean paragraphs.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: [...RICH_TEXT_IMAGE_ATTRIBUTES] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Word and Docs: <b>/<i> become the semantic tags; an <h1> (the page has its own) becomes <h2>.
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    tfoot: 'tbody',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: { ...attribs, ...(external ? { rel: 'noopener noreferrer' } : {}) } };
    },
  },
  exclusiveFilter: (frame) => isForeignImage(frame) || ((frame.tag === 'p' || frame.tag === 'li') && !frame.text.trim() && !frame.mediaChildren.length),
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'xml'],
  disallowedTagsMode: 'discard',
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS)
    .replace(/&nbsp;/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
