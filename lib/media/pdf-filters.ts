import zlib from 'node:zlib';

/**
 * What lib/media/pdf.ts needs to read a PDF stream as a reader does (PDF
 * 32000-1, 7.3.7 and 7.4): the top level of its dictionary, and the filters a
 * reader applies to text it parses — FlateDecode, LZWDecode, ASCIIHexDecode,
 * ASCII85Decode and RunLengthDecode, in chains of up to four, with the PNG
 * and TIFF predictors of /DecodeParms. Image codecs (DCT, JPX, CCITT, JBIG2)
 * are not decoded: what they hold is pixels, never PDF objects.
 *
 * Everything is bounded: one Budget of output bytes covers every step of
 * every stream of a file, failed ones included.
 *
 * Scope, frozen: this file decodes streams so that the upload check can read
 * the PDF objects inside them, and nothing more. It will not grow into a PDF
 * parser or renderer: no image codecs, no crypt filter (encrypted files are
 * refused), no fonts, no text extraction, no repairing of damaged files, no
 * filters or predictors beyond those above. A file it cannot read is refused
 * as too complex, never guessed at.
 * Kept by hand: the npm libraries that decode these filters do so inside a
 * whole-document model (parse, repair, edit or render a PDF), meant for files
 * one trusts; we found none that decodes a raw stream with its predictor on
 * its own under one output budget for the whole file, which is what refusing
 * decompression bombs needs. Taking one on for a few filters would put far
 * more code on the upload path than these bounded lines, which
 * tests/unit/media.test.ts holds against hand-made streams of each filter
 * and predictor.
 */

/** Past the budget: the file is refused as too complex to check. */
export class FilterLimitError extends Error {}
/** Something a reader could decode but this code does not: refused as too complex. */
export class UnsupportedFilterError extends Error {}
/** Data a filter cannot decode. */
export class DamagedStreamError extends Error {}

export class Budget {
  constructor(public remaining: number) {}
  charge(bytes: number): void {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new FilterLimitError();
  }
}

// ---------------------------------------------------------------------------
// Dictionaries

function decodeNameEscapes(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const DELIMITER = /[\s()<>[\]{}/%]/;

/** Reads one PDF value starting at `i` (after whitespace); returns where it ends. Throws on what it cannot read. */
function skipValue(text: string, start: number): number {
  let i = start;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const c = text[i];
  if (c === undefined) throw new UnsupportedFilterError('dictionary cut short');
  if (c === '(') {
    let depth = 0;
    for (; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) return i + 1;
    }
    throw new UnsupportedFilterError('string cut short');
  }
  if (c === '<' && text[i + 1] === '<') {
    i += 2;
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text.startsWith('>>', i)) return i + 2;
      i = skipValue(text, i);
    }
  }
  if (c === '<') {
    const end = text.indexOf('>', i);
    if (end < 0) throw new UnsupportedFilterError('hex string cut short');
    return end + 1;
  }
  if (c === '[') {
    i++;
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text[i] === ']') return i + 1;
      i = skipValue(text, i);
    }
  }
  if (c === '/') {
    i++;
    while (i < text.length && !DELIMITER.test(text[i]!)) i++;
    return i;
  }
  if (/[0-9+\-.a-z]/i.test(c)) {
    while (i < text.length && !DELIMITER.test(text[i]!)) i++;
    // An indirect reference "12 0 R" is read as one value.
    const ref = /^\s+\d+\s+R(?=[\s()<>[\]{}/%]|$)/.exec(text.slice(i, i + 24));
    return ref ? i + ref[0].length : i;
  }
  throw new UnsupportedFilterError(`unexpected ${c}`);
}

/**
 * The top-level entries of the dictionary that starts at the first "<<" of
 * `text`: name (its #xx escapes decoded) → the value's text as written.
 * Nested dictionaries stay inside their entry's value, so a name inside
 * one cannot pass for the stream's own.
 */
export function parseDictionary(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  let i = text.indexOf('<<');
  if (i < 0) throw new UnsupportedFilterError('no dictionary');
  i += 2;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('>>', i)) return entries;
    if (text[i] !== '/') throw new UnsupportedFilterError('key expected');
    const keyEnd = skipValue(text, i);
    const key = decodeNameEscapes(text.slice(i + 1, keyEnd));
    const valueEnd = skipValue(text, keyEnd);
    entries.set(key, text.slice(keyEnd, valueEnd).trim());
    i = valueEnd;
  }
}

// ---------------------------------------------------------------------------
// Filter chains

const TEXT_FILTERS: Record<string, 'flate' | 'lzw' | 'hex' | 'a85' | 'rl'> = {
  FlateDecode: 'flate',
  Fl: 'flate',
  LZWDecode: 'lzw',
  LZW: 'lzw',
  ASCIIHexDecode: 'hex',
  AHx: 'hex',
  ASCII85Decode: 'a85',
  A85: 'a85',
  RunLengthDecode: 'rl',
  RL: 'rl',
};
const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode']);
const MAX_CHAIN = 4;

export type DecodeParms = { predictor: number; colors: number; bitsPerComponent: number; columns: number; earlyChange: number };
export type FilterStep = { filter: 'flate' | 'lzw' | 'hex' | 'a85' | 'rl'; parms: DecodeParms };

const DEFAULT_PARMS: DecodeParms = { predictor: 1, colors: 1, bitsPerComponent: 8, columns: 1, earlyChange: 1 };

function parseParms(value: string | null): DecodeParms {
  if (value === null || value === 'null') return DEFAULT_PARMS;
  if (!value.startsWith('<<')) throw new UnsupportedFilterError('decode parameters');
  const entries = parseDictionary(value);
  const num = (key: string, fallback: number) => {
    const raw = entries.get(key);
    if (raw === undefined) return fallback;
    if (!/^\d{1,7}$/.test(raw)) throw new UnsupportedFilterError(`/${key} ${raw}`);
    return Number(raw);
  };
  return {
    predictor: num('Predictor', 1),
    colors: num('Colors', 1),
    bitsPerComponent: num('BitsPerComponent', 8),
    columns: num('Columns', 1),
    earlyChange: num('EarlyChange', 1),
  };
}

/** The elements of an array value "[ … ]" as written. */
function arrayElements(value: string): string[] {
  const elements: string[] = [];
  let i = 1;
  for (;;) {
    while (i < value.length && /\s/.test(value[i]!)) i++;
    if (value[i] === ']') return elements;
    const end = skipValue(value, i);
    elements.push(value.slice(i, end));
    i = end;
  }
}

/**
 * The filter chain of a stream's dictionary entries, in the order a reader
 * applies it: [] for none, null when the stream holds an image codec's
 * pixels. Throws UnsupportedFilterError for what a reader might decode
 * differently: an unknown filter, a chain longer than four, an indirect
 * /Filter or /DecodeParms, values that are not what the specification allows.
 */
export function filterChain(entries: Map<string, string>): FilterStep[] | null {
  const filter = entries.get('Filter') ?? entries.get('F');
  if (filter === undefined) return [];
  let names: string[];
  if (filter.startsWith('/')) names = [filter];
  else if (filter.startsWith('[')) names = arrayElements(filter);
  else throw new UnsupportedFilterError(`/Filter ${filter}`);
  if (names.some((n) => !n.startsWith('/'))) throw new UnsupportedFilterError(`/Filter ${filter}`);
  names = names.map((n) => decodeNameEscapes(n.slice(1)));
  if (names.length > MAX_CHAIN) throw new UnsupportedFilterError('chain too long');

  const rawParms = entries.get('DecodeParms') ?? entries.get('DP');
  let parms: (string | null)[] = [];
  if (rawParms?.startsWith('[')) parms = arrayElements(rawParms);
  else if (rawParms !== undefined) parms = [rawParms];

  const steps: FilterStep[] = [];
  for (const [i, name] of names.entries()) {
    if (IMAGE_FILTERS.has(name)) return null;
    const kind = TEXT_FILTERS[name];
    if (!kind) throw new UnsupportedFilterError(name);
    steps.push({ filter: kind, parms: parseParms(parms[i] ?? null) });
  }
  return steps;
}

// ---------------------------------------------------------------------------
// Decoders. Lenient where readers are (pdf.js skips what it cannot read in
// the ASCII filters); what cannot be decoded at all throws DamagedStreamError.

/** Collects output, charging the budget as it grows. */
class Output {
  private chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(16 * 1024);
  private used = 0;
  constructor(private readonly budget: Budget) {}
  push(byte: number): void {
    if (this.used === this.current.length) {
      this.budget.charge(this.used);
      this.chunks.push(this.current);
      this.current = Buffer.allocUnsafe(Math.min(this.current.length * 2, 4 * 1024 * 1024));
      this.used = 0;
    }
    this.current[this.used++] = byte;
  }
  pushAll(bytes: Uint8Array): void {
    for (const b of bytes) this.push(b);
  }
  buffer(): Buffer {
    this.budget.charge(this.used);
    return Buffer.concat([...this.chunks, this.current.subarray(0, this.used)]);
  }
}

export function asciiHexDecode(data: Uint8Array, budget: Budget): Buffer {
  const out = new Output(budget);
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break; // '>' ends the data
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) continue; // white space, and anything else, as pdf.js does
    if (high < 0) high = digit;
    else {
      out.push(high * 16 + digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return out.buffer();
}

export function ascii85Decode(data: Uint8Array, budget: Budget): Buffer {
  const out = new Output(budget);
  const group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    for (let i = 0; i < count - 1; i++) out.push(Math.floor(value / 2 ** (24 - 8 * i)) & 0xff);
  };
  for (const c of data) {
    if (c === 0x7e) break; // '~>' ends the data
    if (c === 0x7a && group.length === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue; // white space, and anything else
    group.push(c - 0x21);
    if (group.length === 5) {
      flush(5);
      group.length = 0;
    }
  }
  if (group.length > 1) flush(group.length);
  return out.buffer();
}

export function runLengthDecode(data: Uint8Array, budget: Budget): Buffer {
  const out = new Output(budget);
  let i = 0;
  while (i < data.length) {
    const length = data[i++]!;
    if (length === 128) break;
    if (length < 128) {
      out.pushAll(data.subarray(i, i + length + 1));
      i += length + 1;
    } else {
      const byte = data[i++];
      if (byte === undefined) break;
      for (let k = 0; k < 257 - length; k++) out.push(byte);
    }
  }
  return out.buffer();
}

export function lzwDecode(data: Uint8Array, budget: Budget, earlyChange = 1): Buffer {
  const out = new Output(budget);
  let table: Uint8Array[] = [];
  const reset = () => {
    table = Array.from({ length: 258 }, (_, i) => Uint8Array.of(i & 0xff));
  };
  reset();
  let width = 9;
  let previous: Uint8Array | null = null;
  let bits = 0;
  let bitCount = 0;
  for (const byte of data) {
    bits = ((bits << 8) | byte) >>> 0;
    bitCount += 8;
    while (bitCount >= width) {
      const code = (bits >>> (bitCount - width)) & ((1 << width) - 1);
      bitCount -= width;
      bits &= (1 << bitCount) - 1;
      if (code === 256) {
        reset();
        width = 9;
        previous = null;
        continue;
      }
      if (code === 257) return out.buffer();
      let entry: Uint8Array;
      if (code < table.length) entry = table[code]!;
      else if (previous) entry = Uint8Array.of(...previous, previous[0]!); // KwKwK (pdf.js reads any later code so too)
      else throw new DamagedStreamError('LZW code before any entry');
      out.pushAll(entry);
      if (previous && table.length < 4096) table.push(Uint8Array.of(...previous, entry[0]!));
      previous = entry;
      const next = table.length + earlyChange;
      width = next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9;
    }
  }
  return out.buffer();
}

/** Undoes a PNG (10–15) or TIFF (2) predictor; 1 means none. A last, partial row is decoded too. */
export function unpredict(data: Buffer, parms: DecodeParms, budget: Budget): Buffer {
  const { predictor, colors, bitsPerComponent, columns } = parms;
  if (predictor <= 1) return data;
  if (![1, 2, 4, 8, 16].includes(bitsPerComponent) || colors < 1 || colors > 32 || columns < 1) throw new UnsupportedFilterError('predictor parameters');
  const bitsPerPixel = colors * bitsPerComponent;
  const bpp = Math.max(1, Math.ceil(bitsPerPixel / 8));
  const rowLength = Math.ceil((columns * bitsPerPixel) / 8);
  if (predictor === 2) {
    if (bitsPerComponent !== 8) throw new UnsupportedFilterError('TIFF predictor with other than 8 bits');
    budget.charge(data.length);
    const out = Buffer.from(data);
    for (let row = 0; row < out.length; row += rowLength) {
      for (let i = row + bpp; i < Math.min(row + rowLength, out.length); i++) out[i] = (out[i]! + out[i - bpp]!) & 0xff;
    }
    return out;
  }
  if (predictor < 10 || predictor > 15) throw new UnsupportedFilterError('predictor');
  const rows = Math.ceil(data.length / (rowLength + 1));
  budget.charge(rows * rowLength);
  const out = Buffer.alloc(rows * rowLength);
  let written = 0;
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    const length = Math.min(rowLength, data.length - src);
    for (let i = 0; i < length; i++) {
      const x = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value: number;
      if (type === 0) value = x;
      else if (type === 1) value = x + left;
      else if (type === 2) value = x + up;
      else if (type === 3) value = x + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new DamagedStreamError('PNG row filter');
      out[dst + i] = value & 0xff;
    }
    written = dst + Math.max(0, length);
  }
  return out.subarray(0, written);
}

function inflate(data: Buffer, budget: Budget, perStream: number): Buffer {
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, Math.min(perStream, budget.remaining)) };
  let out: Buffer;
  try {
    out = zlib.inflateSync(data, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FilterLimitError();
    // Readers forgive a wrong checksum at the end: read it without one.
    try {
      out = zlib.inflateSync(data.subarray(0, Math.max(0, data.length - 4)), options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FilterLimitError();
      throw new DamagedStreamError('Flate');
    }
  }
  budget.charge(out.length);
  return out;
}

/** Applies a stream's filter chain within the budget (and `perStream` bytes for one step). */
export function decodeStream(data: Buffer, chain: FilterStep[], budget: Budget, perStream: number): Buffer {
  let bytes = data;
  for (const { filter, parms } of chain) {
    if (filter === 'flate') bytes = unpredict(inflate(bytes, budget, perStream), parms, budget);
    else if (filter === 'lzw') bytes = unpredict(lzwDecode(bytes, budget, parms.earlyChange), parms, budget);
    else if (filter === 'hex') bytes = asciiHexDecode(bytes, budget);
    else if (filter === 'a85') bytes = ascii85Decode(bytes, budget);
    else bytes = runLengthDecode(bytes, budget);
    if (bytes.length > perStream) throw new FilterLimitError();
  }
  return bytes;
}
