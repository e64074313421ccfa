import { diffArrays, diffWordsWithSpace } from 'diff';
import { Parser } from 'htmlparser2';

/**
 * Readable differences between two versions of a text, for revisions and
 * stale translations. Pure (no DOM, no React): it runs on the server and in
 * the browser alike.
 *
 * Bodies are compared as readable lines (`htmlToLines`), not as HTML, so an
 * editor sees words that changed rather than tags. Formatting alone (a word
 * made bold) is therefore not shown as a change.
 */

export type ChunkKind = 'same' | 'added' | 'removed';

export type Chunk = { kind: ChunkKind; text: string };

export type FieldDiff = {
  /** The field's name, as passed in `fields`. */
  field: string;
  chunks: Chunk[];
  /** False when both versions read the same. */
  changed: boolean;
};

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'div', 'section', 'article', 'table', 'tr', 'td', 'th']);
const SKIP_CONTENT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title']);
const HEADING_PREFIX: Record<string, string> = { h1: '## ', h2: '## ', h3: '### ', h4: '#### ', h5: '#### ', h6: '#### ' };

function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Stored (sanitized) body HTML as readable lines: one per paragraph, heading,
 * list item or quoted paragraph; a line break inside a block starts a new
 * line. Headings start with "## " (h2), "### " (h3), "#### " (h4); list items
 * with "• " (ordered lists too, so that removing one item does not renumber
 * and "change" all those after it), indented by two spaces per nesting level;
 * quoted lines with "> ". A link reads "text (url)", or the address alone when
 * it is its own text. Entities are decoded and white space collapsed; empty
 * lines are dropped.
 */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  let linePrefix: string | null = null;
  let heading: string | null = null;
  let listDepth = 0;
  let pendingItem = false;
  let quoteDepth = 0;
  const links: { href: string | null; start: number }[] = [];

  const prefix = (): string => {
    if (linePrefix !== null) return linePrefix;
    let p = '> '.repeat(quoteDepth);
    if (pendingItem) {
      p += `${'  '.repeat(Math.max(0, listDepth - 1))}• `;
      pendingItem = false;
    } else if (listDepth > 0) {
      p += '  '.repeat(listDepth);
    }
    if (heading) p += HEADING_PREFIX[heading] ?? '';
    linePrefix = p;
    return p;
  };

  const flush = () => {
    const text = normalizeSpace(current);
    if (text) lines.push(`${prefix()}${text}`);
    current = '';
    linePrefix = null;
  };

  // strong, em, span…: only their text counts. A block starts or ends a line.
  const block = (name: string, closing: boolean) => {
    flush();
    if (name in HEADING_PREFIX) {
      heading = closing ? null : name;
    } else if (name === 'ul' || name === 'ol') {
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
      pendingItem = false;
    } else if (name === 'li') {
      pendingItem = !closing;
    } else if (name === 'blockquote') {
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
    }
  };

  // htmlparser2 reads the HTML as sanitize-html (which wrote it) did: entities decoded in text and
  // attributes, comments and CDATA apart, void and implied tags closed, "<" that starts no tag kept as text.
  let skipDepth = 0;
  const parser = new Parser({
    ontext(text) {
      if (!skipDepth) current += text;
    },
    onopentag(name, attribs) {
      if (SKIP_CONTENT_TAGS.has(name)) skipDepth++;
      if (skipDepth) return;
      if (name === 'br') {
        // The first line of the block keeps its marker; following lines are plain continuations.
        flush();
      } else if (name === 'a') {
        links.push({ href: attribs.href ?? null, start: current.length });
      } else if (BLOCK_TAGS.has(name)) {
        block(name, false);
      }
    },
    onclosetag(name) {
      if (SKIP_CONTENT_TAGS.has(name)) {
        skipDepth = Math.max(0, skipDepth - 1);
        return;
      }
      if (skipDepth) return;
      if (name === 'a') {
        const link = links.pop();
        if (link?.href) {
          const text = normalizeSpace(current.slice(link.start));
          const href = link.href.trim();
          const bare = href.replace(/^mailto:/i, '');
          if (text !== href && text !== bare) current += text ? ` (${href})` : href;
        }
      } else if (BLOCK_TAGS.has(name)) {
        block(name, true);
      }
    },
  });
  parser.end(html);
  flush();
  return lines;
}

function toLines(text: string): string[] {
  return text === '' ? [] : text.split(/\r\n|\r|\n/);
}

function push(chunks: Chunk[], kind: ChunkKind, text: string) {
  if (!text) return;
  const last = chunks[chunks.length - 1];
  if (last && last.kind === kind) last.text += text;
  else chunks.push({ kind, text });
}

/** Word-level differences of two lines, or null when they share too little to be read as one changed line. */
function diffLinePair(before: string, after: string): Chunk[] | null {
  const parts = diffWordsWithSpace(before, after);
  let same = 0;
  for (const part of parts) if (!part.added && !part.removed) same += part.value.trim() ? part.value.length : 0;
  if (same < 0.4 * Math.max(before.length, after.length)) return null;
  const chunks: Chunk[] = [];
  for (const part of parts) push(chunks, part.added ? 'added' : part.removed ? 'removed' : 'same', part.value);
  return chunks;
}

/**
 * The differences between two texts, line by line (lines split at "\n"); a
 * changed line that still resembles its old self is compared word by word.
 * Chunks carry their line breaks, so joining the `text` of the `same` and
 * `added` chunks gives back `after` and joining `same` and `removed` gives
 * back `before`. Adjacent chunks of one kind are merged.
 */
export function diffTexts(before: string, after: string): Chunk[] {
  const a = toLines(before);
  const b = toLines(after);
  const chunks: Chunk[] = [];
  // Each line is emitted with the break that precedes it, except the first one of a text.
  let beforeStarted = false;
  let afterStarted = false;
  const sep = (kind: ChunkKind): string => {
    if (kind === 'same') {
      const s = beforeStarted && afterStarted ? '\n' : '';
      beforeStarted = afterStarted = true;
      return s;
    }
    if (kind === 'removed') {
      const s = beforeStarted ? '\n' : '';
      beforeStarted = true;
      return s;
    }
    const s = afterStarted ? '\n' : '';
    afterStarted = true;
    return s;
  };
  const line = (kind: ChunkKind, text: string) => {
    if (kind === 'same' && beforeStarted !== afterStarted) {
      // One side has lines the other lacks before this one: the break belongs to each side separately.
      if (beforeStarted) push(chunks, 'removed', '\n');
      if (afterStarted) push(chunks, 'added', '\n');
      beforeStarted = afterStarted = true;
      push(chunks, 'same', text);
      return;
    }
    push(chunks, kind, sep(kind) + text);
  };

  const parts = diffArrays(a, b);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    if (!part.added && !part.removed) {
      for (const l of part.value) line('same', l);
      continue;
    }
    if (part.added) {
      for (const l of part.value) line('added', l);
      continue;
    }
    // Removed lines, possibly followed by the lines that replaced them.
    const removed = part.value;
    const next = parts[i + 1];
    const added = next?.added ? next.value : [];
    if (next?.added) i++;
    let p = 0;
    for (const r of removed) {
      let match: { j: number; chunks: Chunk[] } | null = null;
      for (let j = p; j < added.length; j++) {
        const pair = diffLinePair(r, added[j] ?? '');
        if (pair) {
          match = { j, chunks: pair };
          break;
        }
      }
      if (!match) {
        line('removed', r);
        continue;
      }
      for (; p < match.j; p++) line('added', added[p] ?? '');
      p = match.j + 1;
      if (beforeStarted && afterStarted) push(chunks, 'same', '\n');
      else {
        if (beforeStarted) push(chunks, 'removed', '\n');
        if (afterStarted) push(chunks, 'added', '\n');
      }
      beforeStarted = afterStarted = true;
      for (const c of match.chunks) push(chunks, c.kind, c.text);
    }
    for (; p < added.length; p++) line('added', added[p] ?? '');
  }
  return chunks;
}

/**
 * Per-field differences between two versions of a record (title, slug,
 * summary, body…), in the order of `fields`. `null` and missing values read
 * as empty. Fields listed in `htmlFields` (by default `body`) are compared as
 * readable lines (`htmlToLines`).
 */
export function diffFields(
  before: Record<string, string | null | undefined>,
  after: Record<string, string | null | undefined>,
  fields: readonly string[],
  options: { htmlFields?: readonly string[] } = {},
): FieldDiff[] {
  const htmlFields = options.htmlFields ?? ['body'];
  return fields.map((field) => {
    const read = (value: string | null | undefined) => {
      const text = value ?? '';
      return htmlFields.includes(field) ? htmlToLines(text).join('\n') : text;
    };
    const chunks = diffTexts(read(before[field]), read(after[field]));
    return { field, chunks, changed: chunks.some((c) => c.kind !== 'same') };
  });
}
