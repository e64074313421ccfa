import zlib from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/**
 * Test files for the media library, made here (no binary fixtures): photos
 * with EXIF GPS, crafted headers, PDFs with and without script.
 */

export const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '41/1 19/1 4567/100', GPSLongitudeRef: 'E', GPSLongitude: '19/1 49/1 1234/100' };
export const SECRET_XMP_NAME = 'Arta Survivor-Witness';
export const CAMERA_SERIAL = 'SN-0042-7731';

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${SECRET_XMP_NAME}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

/** A noisy picture (so encoders have real work), `width` × `height` as stored (before orientation); noise in 8-pixel blocks, quick to make. */
export async function picture(width: number, height: number): Promise<Sharp> {
  const noise = { type: 'gaussian' as const, mean: 128, sigma: 30 };
  const small = await sharp({ create: { width: Math.ceil(width / 8), height: Math.ceil(height / 8), channels: 3, background: '#336699', noise } }).png().toBuffer();
  return sharp(await sharp(small).resize(width, height, { kernel: 'nearest', fit: 'fill' }).png({ compressionLevel: 1 }).toBuffer());
}

/** A JPEG as a phone writes it: EXIF orientation 6 (turn 90° clockwise), GPS position, camera serial, XMP author. */
export async function phonePhoto(width = 2000, height = 1500): Promise<Buffer> {
  return (await picture(width, height))
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'PhoneMaker', Model: 'Model X', Artist: SECRET_XMP_NAME }, IFD2: { BodySerialNumber: CAMERA_SERIAL }, IFD3: GPS })
    .withXmp(XMP)
    .toBuffer();
}

type IfdEntry = { type: number; count: number; value: number; short: number };

/** The tags of EXIF's IFD0 and its GPS IFD (minimal TIFF reader, enough to prove what is there). */
export function readExif(exif: Buffer): { ifd0: number[]; orientation?: number; gps: number[] | null } {
  const b = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const le = b.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const read = (o: number) => {
    const tags = new Map<number, IfdEntry>();
    const n = u16(o);
    for (let i = 0; i < n; i++) {
      const e = o + 2 + i * 12;
      tags.set(u16(e), { type: u16(e + 2), count: u32(e + 4), value: u32(e + 8), short: u16(e + 8) });
    }
    return tags;
  };
  const ifd0 = read(u32(4));
  const gpsPointer = ifd0.get(0x8825);
  return { ifd0: [...ifd0.keys()], orientation: ifd0.get(0x0112)?.short, gps: gpsPointer ? [...read(gpsPointer.value).keys()] : null };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid PNG header claiming `width` × `height` RGB pixels, with only a few rows of data: a decompression bomb's front. */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal PDF with the given objects' bodies (offsets are not checked by our scan, and readers repair them). */
export function pdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  objects.forEach((body, i) => {
    parts.push(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1'));
  });
  parts.push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n0\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const PAGE_OBJECTS = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'];

export const cleanPdf = () => pdf(PAGE_OBJECTS);

/** A stream object compressed with FlateDecode. */
export function flateStream(dict: string, content: string): Buffer {
  const data = zlib.deflateSync(Buffer.from(content, 'latin1'));
  return Buffer.concat([Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

export const pdfWithOpenActionScript = () =>
  pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', PAGE_OBJECTS[1]!, PAGE_OBJECTS[2]!, '<< /S /JavaScript /JS (app.alert\\("hi"\\)) >>']);

/** The script hidden in a compressed object stream, its name escaped (#4A = J). */
export const pdfWithHiddenScript = () =>
  pdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    PAGE_OBJECTS[1]!,
    PAGE_OBJECTS[2]!,
    flateStream('/Type /ObjStm /N 1 /First 4', '5 0 << /S /#4AavaScript /#4AS (this.exportDataObject\\({cName: "x"}\\)) >>'),
  ]);

/** PDF's LZW (EarlyChange 1), with the code width growing when a reader's table does (as pdf.js reads it). */
export function lzwEncode(input: Buffer): Buffer {
  const codes: [number, number][] = [];
  let table = new Map<string, number>();
  const reset = () => {
    table = new Map(Array.from({ length: 256 }, (_, i) => [String.fromCharCode(i), i]));
  };
  reset();
  let next = 258;
  let emitted = 0;
  // The reader adds an entry for every code but the first after a clear, so its table lags ours by one.
  const width = () => {
    const readerSize = 258 + Math.max(0, emitted - 1) + 1;
    return readerSize >= 2048 ? 12 : readerSize >= 1024 ? 11 : readerSize >= 512 ? 10 : 9;
  };
  codes.push([256, 9]);
  let w = '';
  for (const byte of input) {
    const c = String.fromCharCode(byte);
    if (table.has(w + c)) {
      w += c;
      continue;
    }
    codes.push([table.get(w)!, width()]);
    emitted++;
    if (next < 4000) table.set(w + c, next++);
    w = c;
  }
  if (w) {
    codes.push([table.get(w)!, width()]);
    emitted++;
  }
  codes.push([257, width()]);
  let bits = 0n;
  let count = 0;
  for (const [code, size] of codes) {
    bits = (bits << BigInt(size)) | BigInt(code);
    count += size;
  }
  const pad = (8 - (count % 8)) % 8;
  bits <<= BigInt(pad);
  const hex = bits.toString(16).padStart(((count + pad) / 8) * 2, '0');
  return Buffer.from(hex, 'hex');
}

export function ascii85Encode(input: Buffer): Buffer {
  let out = '';
  for (let i = 0; i < input.length; i += 4) {
    const chunk = input.subarray(i, i + 4);
    const padded = Buffer.concat([chunk, Buffer.alloc(4 - chunk.length)]);
    let value = padded.readUInt32BE(0);
    if (value === 0 && chunk.length === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode((value % 85) + 33));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, chunk.length + 1).join('');
  }
  return Buffer.from(`${out}~>`, 'latin1');
}

/** Rows of `columns` bytes, each with PNG's "Up" filter, as a producer's predictor 12 writes them. */
export function pngUpRows(input: Buffer, columns: number): Buffer {
  const rows: Buffer[] = [];
  for (let i = 0; i < input.length; i += columns) {
    const row = Buffer.concat([input.subarray(i, i + columns), Buffer.alloc(Math.max(0, i + columns - input.length))]);
    const above = i >= columns ? Buffer.concat([input.subarray(i - columns, i)]) : Buffer.alloc(columns);
    rows.push(Buffer.concat([Buffer.of(2), Buffer.from(row.map((b, k) => (b - above[k]!) & 0xff))]));
  }
  return Buffer.concat(rows);
}

/** A stream object whose content is written through `filters` (named in the order a reader decodes them). */
export function filteredStream(dict: string, content: string, filters: { name: string; encode: (b: Buffer) => Buffer; parms?: string }[]): Buffer {
  let data: Buffer = Buffer.from(content, 'latin1');
  for (const f of [...filters].reverse()) data = f.encode(data);
  const names = filters.map((f) => `/${f.name}`).join(' ');
  const parms = filters.some((f) => f.parms) ? ` /DecodeParms [${filters.map((f) => f.parms ?? 'null').join(' ')}]` : '';
  return Buffer.concat([Buffer.from(`<< ${dict} /Filter [${names}]${parms} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}
