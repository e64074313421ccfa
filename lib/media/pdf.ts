import { Budget, DamagedStreamError, decodeStream, FilterLimitError, filterChain, parseDictionary, UnsupportedFilterError } from './pdf-filters';

/**
 * Checks of an uploaded PDF before it is stored. PDFs are kept byte for byte
 * (a report's layout must not change), so what can run inside one is refused
 * instead: any name of an action that runs script or other programs.
 *
 * The PDF's names are read from the file as it is and from every stream
 * decoded as a reader would (object streams included, where a producer can
 * hide an action): Flate, LZW, ASCIIHex, ASCII85 and RunLength, in chains,
 * with predictors (lib/media/pdf-filters.ts); `#xx` escapes in names decoded.
 * The stream's own dictionary is parsed (its top level: a name in a nested
 * dictionary cannot pass for the stream's). A stream whose dictionary or
 * filters the check cannot read (an indirect /Filter, an unknown filter, an
 * unusual predictor, a chain of more than four) or that decodes past the
 * limits makes the PDF refused as too complex; a filtered stream that cannot
 * be decoded at all, as damaged.
 *
 * Limits: encrypted PDFs are refused because their streams cannot be read
 * without the key. This is a filter against accidents and careless files, not
 * a guarantee: public readers open PDFs in the browser's sandboxed viewer.
 */

/** Names whose presence makes a PDF refused. */
export const ACTIVE_NAMES = ['JS', 'JavaScript', 'AA', 'Launch', 'RichMedia', 'XFA'] as const;

export type PdfProblem = 'activeContent' | 'encrypted' | 'damaged' | 'tooComplex';
export type PdfCheck = { ok: true } | { ok: false; problem: PdfProblem; names?: string[] };

const PER_STREAM_LIMIT = 32 * 1024 * 1024;
const TOTAL_DECODE_LIMIT = 160 * 1024 * 1024;

const NAME = /\/([^\s/<>[\](){}%]+)/g;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function namesIn(text: string, wanted: ReadonlySet<string>, into: Set<string>): void {
  for (const m of text.matchAll(NAME)) {
    const name = decodeName(m[1]!);
    if (wanted.has(name)) into.add(name);
  }
}

const ACTIVE = new Set<string>(ACTIVE_NAMES);
const ENCRYPT = new Set(['Encrypt']);

/** How far before "stream" its dictionary may begin; one that begins further back is refused as too complex. */
const DICTIONARY_WINDOW = 16 * 1024;

/** Each stream's raw data with the text from its object's "N G obj" to its "stream" (null when not found nearby). */
function* streams(bytes: Buffer): Generator<{ dict: string | null; data: Buffer }> {
  let from = 0;
  for (;;) {
    const at = bytes.indexOf('stream', from, 'latin1');
    if (at < 0) return;
    from = at + 6;
    if (at >= 3 && bytes.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a && bytes[start - 1] !== 0x0d) continue;
    if (bytes[start] === 0x0a) start++;
    const end = bytes.indexOf('endstream', start, 'latin1');
    if (end < 0) return;
    from = end + 9;
    const head = bytes.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
    const header = [...head.matchAll(/\d+\s+\d+\s+obj\b/g)].at(-1);
    yield { dict: header ? head.slice(header.index + header[0].length) : null, data: bytes.subarray(start, end) };
  }
}

export function checkPdf(input: Uint8Array): PdfCheck {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.toString('latin1', 0, 5) !== '%PDF-') return { ok: false, problem: 'damaged' };
  // A complete PDF ends with %%EOF (a little trailing junk is common).
  if (!bytes.toString('latin1', Math.max(0, bytes.length - 2048)).includes('%%EOF')) return { ok: false, problem: 'damaged' };

  const text = bytes.toString('latin1');
  const encrypted = new Set<string>();
  namesIn(text, ENCRYPT, encrypted);
  if (encrypted.size > 0) return { ok: false, problem: 'encrypted' };

  const found = new Set<string>();
  namesIn(text, ACTIVE, found);
  const budget = new Budget(TOTAL_DECODE_LIMIT);
  for (const { dict, data } of streams(bytes)) {
    try {
      if (dict === null) throw new UnsupportedFilterError('no object header before the stream');
      const entries = parseDictionary(dict);
      // Pixels are never read as PDF objects (an object stream is, whatever else it claims).
      if (entries.get('Subtype') === '/Image' && entries.get('Type') !== '/ObjStm') continue;
      const chain = filterChain(entries);
      if (!chain || chain.length === 0) continue; // image codecs; unfiltered streams were read with the file
      namesIn(decodeStream(data, chain, budget, PER_STREAM_LIMIT).toString('latin1'), ACTIVE, found);
    } catch (error) {
      if (error instanceof DamagedStreamError) return { ok: false, problem: 'damaged' };
      if (error instanceof FilterLimitError || error instanceof UnsupportedFilterError) return { ok: false, problem: 'tooComplex' };
      throw error;
    }
  }
  return found.size > 0 ? { ok: false, problem: 'activeContent', names: [...found].sort() } : { ok: true };
}
