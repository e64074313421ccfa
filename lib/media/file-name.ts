/**
 * The name a file was uploaded with, made safe to show and to offer as a
 * download name. It is never used to build a path on disk (stored files are
 * named from their content hash).
 *
 * Kept: letters of any script (ë, ç, Cyrillic, Arabic…), digits, spaces,
 * punctuation. Removed: any folder part (`../../etc/`, `C:\\Users\\…`),
 * control characters, invisible and text-direction characters (which can
 * make `gpj.exe` look like `exe.jpg`), leading dots.
 */
/** In characters (code points). */
export const MAX_FILE_NAME_LENGTH = 180;

// C0 and C1 controls, DEL, zero-width and direction marks, line/paragraph separators, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export function cleanFileName(raw: string, fallback = 'file'): string {
  // The last part of any path, with either separator.
  const base = raw.split(/[/\\]/).at(-1) ?? '';
  let name = base.normalize('NFC').replace(/\s/g, ' ').replace(INVISIBLE, '').replace(/ +/g, ' ').trim().replace(/^[.\s]+/, '').trim();
  const chars = Array.from(name);
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    // Counted and cut in whole characters, never inside a surrogate pair.
    name = Array.from(name.slice(0, name.length - ext.length)).slice(0, MAX_FILE_NAME_LENGTH - ext.length).join('').trimEnd() + ext;
  }
  return name || fallback;
}

/** The name with the extension the file really has (a PDF named `report.exe` downloads as `report.exe.pdf`). */
export function withExtension(name: string, ext: string): string {
  return name.toLowerCase().endsWith(`.${ext}`) ? name : `${name}.${ext}`;
}

/**
 * A Content-Disposition value with the real (Unicode) name in RFC 8187
 * `filename*` and a plain-ASCII stand-in in `filename` for old clients.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
