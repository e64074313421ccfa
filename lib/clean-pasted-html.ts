/**
 * Tidies HTML pasted from Word or Google Docs before the rich text editor
 * parses it (Tiptap's `transformPastedHTML`). The editor's schema then drops
 * what the site does not allow; this removes what the schema would otherwise
 * misread:
 *
 * - Google Docs wraps a copied fragment in
 *   `<b style="font-weight:normal" id="docs-internal-guid-…">`, which must not
 *   make everything bold;
 * - Word's `<o:p>` (and other `x:tag` elements), conditional comments, the
 *   bullet and number glyphs of its list paragraphs (`mso-list:Ignore`, or
 *   the bare "·", "o", "§" glyphs some versions write), and its list
 *   paragraphs themselves, which become real lists; paragraphs that start
 *   with a typed bullet ("· ", "• ", "o" and a tab) become a list too;
 * - a table's first row, when all its text is bold and it has no header
 *   cells, becomes the header row (Word marks a header row only with bold);
 * - empty paragraphs and stray line breaks used as spacing;
 * - `<h1>` becomes `<h2>` and `<h5>`/`<h6>` become `<h4>`, as the server's
 *   sanitizer does;
 * - every attribute but href, start and style (classes, ids, event handlers).
 *
 * Browser only (DOMParser); returns the HTML unchanged elsewhere.
 */
const KEPT_ATTRIBUTES = new Set(['href', 'style', 'start']);

export function cleanPastedHtml(html: string): string {
  if (typeof DOMParser === 'undefined') return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;

  removeComments(doc, body);

  for (const b of Array.from(body.querySelectorAll<HTMLElement>('b[id^="docs-internal-guid"], b, strong'))) {
    if (b.id.startsWith('docs-internal-guid') || /^(normal|[1-4]00)$/.test(b.style.fontWeight)) unwrap(b);
  }

  // Word's namespaced elements: <o:p>&nbsp;</o:p>, <v:shape>, <w:sdt>…
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (el.tagName.includes(':') && el.isConnected) {
      if (el.tagName.toLowerCase() === 'w:sdt') unwrap(el);
      else el.remove();
    }
  }

  convertWordLists(doc, body);
  convertTypedBullets(doc, body);
  markHeaderRows(doc, body);
  for (const el of Array.from(body.querySelectorAll('[style*="mso-list"]'))) {
    if (/mso-list:\s*ignore/i.test(el.getAttribute('style') ?? '')) el.remove();
  }

  renameAll(doc, body, 'h1', 'h2');
  renameAll(doc, body, 'h5', 'h4');
  renameAll(doc, body, 'h6', 'h4');

  for (const p of Array.from(body.querySelectorAll('p, h2, h3, h4, li'))) {
    if (!p.textContent?.replace(/[\s\u00a0]+/g, '') && !p.querySelector('img')) p.remove();
  }
  // Docs separates paragraphs with bare <br>s outside any block.
  for (const br of Array.from(body.querySelectorAll('br'))) {
    if (br.parentElement === body) br.remove();
  }
  // Only what the editor's parse rules read: link targets, list starts, and styles (Docs marks bold and italic with them).
  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) if (!KEPT_ATTRIBUTES.has(name)) el.removeAttribute(name);
  }
  return body.innerHTML;
}

function removeComments(doc: Document, root: Node) {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const c of comments) c.parentNode?.removeChild(c);
}

function unwrap(el: Element) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function renameAll(doc: Document, root: Element, from: string, to: string) {
  for (const el of Array.from(root.querySelectorAll(from))) {
    const next = doc.createElement(to);
    while (el.firstChild) next.appendChild(el.firstChild);
    el.replaceWith(next);
  }
}

function isWordListParagraph(el: Element): boolean {
  if (el.tagName !== 'P') return false;
  return /mso-list:\s*l\d/i.test(el.getAttribute('style') ?? '') || /^MsoListParagraph/i.test(el.getAttribute('class') ?? '');
}

function wordListId(el: Element): string | null {
  return /mso-list:\s*(l\d+)/i.exec(el.getAttribute('style') ?? '')?.[1]?.toLowerCase() ?? null;
}

/** Word's list paragraphs, with their glyph in a `mso-list:Ignore` span, become <ul>/<ol> items (nesting flattened). */
function convertWordLists(doc: Document, body: HTMLElement) {
  for (const first of Array.from(body.querySelectorAll('p'))) {
    if (!first.isConnected || !isWordListParagraph(first)) continue;
    // One run per Word list: it ends where another list (its own lN id, or a "…CxSpFirst" paragraph) begins.
    const listId = wordListId(first);
    const run: Element[] = [first];
    for (let el = nextElement(first); el && isWordListParagraph(el); el = nextElement(el)) {
      if (/CxSpFirst/i.test(el.getAttribute('class') ?? '') || wordListId(el) !== listId) break;
      run.push(el);
    }
    const ignored = (p: Element) => Array.from(p.querySelectorAll('[style*="mso-list"]')).filter((g) => /mso-list:\s*ignore/i.test(g.getAttribute('style') ?? ''));
    // The glyph is in a mso-list:Ignore span, or (some Word versions) bare at the start of the text.
    const marker = ignored(first)[0]?.textContent ?? first.textContent ?? '';
    const ordered = ORDERED_MARKER.test(marker.replace(/\u00a0/g, ' '));
    const list = doc.createElement(ordered ? 'ol' : 'ul');
    first.before(list);
    for (const p of run) {
      const glyphs = ignored(p);
      for (const glyph of glyphs) glyph.remove();
      const li = doc.createElement('li');
      while (p.firstChild) li.appendChild(p.firstChild);
      if (glyphs.length === 0) stripLeading(li, ordered ? ORDERED_MARKER : BULLET_GLYPH);
      list.appendChild(li);
      p.remove();
    }
  }
}

/** A bullet glyph as Word writes it (Symbol "·", Courier "o", Wingdings "§" or their private-use codes) or as typed, with the space after it. */
const BULLET_GLYPH = /^[\s\u00a0]*(?:[·•▪◦§\u2013\uf0b7\uf0a7\uf0d8]|o(?=[\s\u00a0]))[\s\u00a0]+/;
const ORDERED_MARKER = /^[\s\u00a0]*(?:\d+|[a-z]|[ivxlcdm]+)[.)][\s\u00a0]+/i;
/** A typed bullet at the start of an ordinary paragraph: "o" counts only before a tab or no-break space (Word's padding), never before a plain space. */
const TYPED_BULLET = /^[\s\u00a0]*(?:[·•▪◦\uf0b7]|o(?=[\t\u00a0]))[\s\u00a0]+/;

/** Removes the text at the start of `el` that `pattern` matches, across the text nodes it spans. */
function stripLeading(el: Element, pattern: RegExp) {
  let left = pattern.exec(el.textContent ?? '')?.[0].length ?? 0;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && left > 0; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    node.textContent = text.slice(Math.min(left, text.length));
    left -= text.length;
  }
}

/** Runs of paragraphs that start with a typed bullet become a <ul>, without the bullets. */
function convertTypedBullets(doc: Document, body: HTMLElement) {
  for (const first of Array.from(body.querySelectorAll('p'))) {
    if (!first.isConnected || !TYPED_BULLET.test(first.textContent ?? '')) continue;
    const run: Element[] = [first];
    for (let el = nextElement(first); el?.tagName === 'P' && TYPED_BULLET.test(el.textContent ?? ''); el = nextElement(el)) run.push(el);
    const list = doc.createElement('ul');
    first.before(list);
    for (const p of run) {
      const li = doc.createElement('li');
      while (p.firstChild) li.appendChild(p.firstChild);
      stripLeading(li, TYPED_BULLET);
      list.appendChild(li);
      p.remove();
    }
  }
}

/** A table without header cells whose first row is all bold: that row's cells become <th>. */
function markHeaderRows(doc: Document, body: HTMLElement) {
  for (const table of Array.from(body.querySelectorAll('table'))) {
    if (table.querySelector('th')) continue;
    const cells = Array.from(table.querySelector('tr')?.children ?? []);
    const bold = (cell: Element) => {
      const text = cell.textContent?.replace(/[\s\u00a0]+/g, '') ?? '';
      const strong = Array.from(cell.querySelectorAll('b, strong'), (b) => b.textContent ?? '').join('').replace(/[\s\u00a0]+/g, '');
      return text === strong;
    };
    if (cells.length === 0 || !cells.some((c) => c.textContent?.trim()) || !cells.every(bold)) continue;
    for (const cell of cells) {
      const th = doc.createElement('th');
      while (cell.firstChild) th.appendChild(cell.firstChild);
      // A header cell is bold already.
      for (const b of Array.from(th.querySelectorAll('b, strong'))) unwrap(b);
      cell.replaceWith(th);
    }
  }
}

function nextElement(el: Element): Element | null {
  for (let node = el.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE) return node as Element;
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return null;
  }
  return null;
}
