import zlib from 'node:zlib';

/**
 * The PDF stream filters a reader applies to text it parses (PDF 32000-1,
 * 7.4), so that lib/media/pdf.ts sees what a reader sees: FlateDecode,
 * LZWDecode, ASCIIHexDecode, ASCII85Decode and RunLengthDecode, in chains,
 * with the PNG and TIFF predictors of /DecodeParms. Image codecs (DCT, JPX,
 * CCITT, JBIG2) are not decoded: what they hold is pixels, never PDF objects.
 */

export class FilterLimitError extends Error {}
export class UnsupportedFilterError extends Error {}

/** The filters whose output can be PDF syntax, by full and abbreviated name. */
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

export type DecodeParms = { predictor: number; colors: number; bitsPerComponent: number; columns: number; earlyChange: number };

export type FilterStep = { filter: string; parms: DecodeParms };

const DEFAULT_PARMS: DecodeParms = { predictor: 1, colors: 1, bitsPerComponent: 8, columns: 1, earlyChange: 1 };

function parseParms(text: string | undefined): DecodeParms {
  if (!text) return DEFAULT_PARMS;
  const num = (key: string, fallback: number) => {
    const m = new RegExp(`/${key}\\s+(\\d+)`).exec(text);
    return m ? Number(m[1]) : fallback;
  };
  return {
    predictor: num('Predictor', 1),
    colors: num('Colors', 1),
    bitsPerComponent: num('BitsPerComponent', 8),
    columns: num('Columns', 1),
    earlyChange: num('EarlyChange', 1),
  };
}

/**
 * The filter chain of a stream's dictionary, in the order a reader applies
 * it: [] for none; null when the stream holds an image codec's pixels.
 * Unknown filter names throw UnsupportedFilterError.
 */
export function filterChain(dict: string): FilterStep[] | null {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/.exec(dict)?.[1];
  if (!filter) return [];
  const names = [...filter.matchAll(/\/([^\s/<>[\]()]+)/g)].map((m) => m[1]!);
  // /DecodeParms: one dictionary, or an array with one entry (a dictionary or null) per filter.
  const parmsText = /\/DecodeParms\s*(\[(?:[^[\]]|<<[^>]*>>)*\]|<<(?:[^<>]|<<[^>]*>>)*>>)/.exec(dict)?.[1];
  let parms: (string | undefined)[] = [];
  if (parmsText?.startsWith('[')) parms = [...parmsText.slice(1, -1).matchAll(/<<[^>]*>>|null/g)].map((m) => (m[0] === 'null' ? undefined : m[0]));
  else if (parmsText) parms = [parmsText];
  const steps: FilterStep[] = [];
  for (const [i, name] of names.entries()) {
    if (IMAGE_FILTERS.has(name)) return null;
    const kind = TEXT_FILTERS[name];
    if (!kind) throw new UnsupportedFilterError(name);
    steps.push({ filter: kind, parms: parseParms(parms[i]) });
  }
  return steps;
}

/** Collects output up to `limit` bytes. */
class Output {
  private chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  length = 0;
  constructor(private readonly limit: number) {}
  push(byte: number): void {
    if (this.used === this.current.length) {
      this.chunks.push(this.current);
      this.current = Buffer.allocUnsafe(this.current.length * 2);
      this.used = 0;
    }
    this.current[this.used++] = byte;
    if (++this.length > this.limit) throw new FilterLimitError();
  }
  pushAll(bytes: Uint8Array): void {
    for (const b of bytes) this.push(b);
  }
  buffer(): Buffer {
    return Buffer.concat([...this.chunks, this.current.subarray(0, this.used)]);
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

export function asciiHexDecode(data: Uint8Array, limit: number): Buffer {
  const out = new Output(limit);
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break; // '>' ends the data
    if (isSpace(c)) continue;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) throw new Error('not hex');
    if (high < 0) high = digit;
    else {
      out.push(high * 16 + digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return out.buffer();
}

export function ascii85Decode(data: Uint8Array, limit: number): Buffer {
  const out = new Output(limit);
  const group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    if (value > 0xffffffff) throw new Error('ascii85 group too large');
    for (let i = 0; i < count - 1; i++) out.push((value >>> (24 - 8 * i)) & 0xff);
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // '~>' ends the data
    if (isSpace(c)) continue;
    if (c === 0x7a && group.length === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) throw new Error('not ascii85');
    group.push(c - 0x21);
    if (group.length === 5) {
      flush(5);
      group.length = 0;
    }
  }
  if (group.length === 1) throw new Error('ascii85 stray character');
  if (group.length > 0) flush(group.length);
  return out.buffer();
}

export function runLengthDecode(data: Uint8Array, limit: number): Buffer {
  const out = new Output(limit);
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

export function lzwDecode(data: Uint8Array, limit: number, earlyChange = 1): Buffer {
  const out = new Output(limit);
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
      if (code < table.length && code !== 256 && code !== 257) entry = table[code]!;
      else if (code === table.length && previous) entry = Uint8Array.of(...previous, previous[0]!);
      else throw new Error('bad LZW code');
      out.pushAll(entry);
      if (previous && table.length < 4096) table.push(Uint8Array.of(...previous, entry[0]!));
      previous = entry;
      const next = table.length + earlyChange;
      width = next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9;
    }
  }
  return out.buffer();
}

/** Undoes a PNG (10–15) or TIFF (2) predictor; 1 means none. */
export function unpredict(data: Buffer, parms: DecodeParms): Buffer {
  const { predictor, colors, bitsPerComponent, columns } = parms;
  if (predictor <= 1) return data;
  const bitsPerPixel = colors * bitsPerComponent;
  const bpp = Math.max(1, Math.ceil(bitsPerPixel / 8));
  const rowLength = Math.ceil((columns * bitsPerPixel) / 8);
  if (!(rowLength > 0) || rowLength > 1 << 20) throw new UnsupportedFilterError('predictor columns');
  if (predictor === 2) {
    if (bitsPerComponent !== 8) throw new UnsupportedFilterError('TIFF predictor bits');
    const out = Buffer.from(data);
    for (let row = 0; row < out.length; row += rowLength) {
      for (let i = row + bpp; i < Math.min(row + rowLength, out.length); i++) out[i] = (out[i]! + out[i - bpp]!) & 0xff;
    }
    return out;
  }
  if (predictor < 10 || predictor > 15) throw new UnsupportedFilterError('predictor');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
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
      } else throw new Error('bad PNG row filter');
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

/** Applies a stream's filter chain. Throws FilterLimitError past `limit` bytes, other errors for damaged data. */
export function decodeStream(data: Buffer, chain: FilterStep[], limit: number): Buffer {
  let bytes = data;
  for (const { filter, parms } of chain) {
    if (filter === 'flate') {
      try {
        bytes = zlib.inflateSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: limit });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FilterLimitError();
        throw error;
      }
      bytes = unpredict(bytes, parms);
    } else if (filter === 'lzw') bytes = unpredict(lzwDecode(bytes, limit, parms.earlyChange), parms);
    else if (filter === 'hex') bytes = asciiHexDecode(bytes, limit);
    else if (filter === 'a85') bytes = ascii85Decode(bytes, limit);
    else bytes = runLengthDecode(bytes, limit);
  }
  return bytes;
}
