import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { cleanFileName, contentDisposition, withExtension } from '@/lib/media/file-name';
import { isMediaImageUrl, isMediaSrcset, mediaHashesIn, parseVariants, srcSetOf, STORED_NAME } from '@/lib/media/files';
import { checkPdf } from '@/lib/media/pdf';
import { richTextImageUrls } from '@/lib/media/rich-text';
import { sanitizeRichText } from '@/lib/sanitize';
import { ascii85Decode, Budget, lzwDecode } from '@/lib/media/pdf-filters';
import { variantWidths } from '@/lib/media/prepare';
import { sniffType } from '@/lib/media/sniff';
import { ascii85Encode, cleanPdf, filteredStream, flateStream, lzwEncode, pdf, pdfWithHiddenScript, pdfWithOpenActionScript, pngUpRows } from '../helpers/media';

// Images are really decoded and encoded here: on a busy 2-core machine (the whole suite at once) a test can take several seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const HASH = 'a'.repeat(64);

describe('the type of an upload', () => {
  it('is read from the first bytes', () => {
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffType(Buffer.from('\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf', 'latin1'))).toBe('avif');
    expect(sniffType(Buffer.from('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif', 'latin1'))).toBe('avif');
    expect(sniffType(Buffer.from('%PDF-1.7\n', 'latin1'))).toBe('pdf');
  });

  it('refuses everything else, whatever it is called', () => {
    expect(sniffType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull(); // Windows executable
    expect(sniffType(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).toBeNull();
    expect(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffType(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(sniffType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(sniffType(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1'))).toBeNull(); // HEIC
    expect(sniffType(Buffer.from('PK\x03\x04', 'latin1'))).toBeNull();
    expect(sniffType(Buffer.from(' %PDF-1.7', 'latin1'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });
});

describe('an uploaded file name', () => {
  it('loses any folder part, control and direction characters, keeps Unicode', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('..\\..\\Windows\\system32\\Raport vjetor 2024 – Shqipëri.pdf')).toBe('Raport vjetor 2024 – Shqipëri.pdf');
    expect(cleanFileName('Foto\u0000 nga\tDurrësi\n.jpg')).toBe('Foto nga Durrësi .jpg');
    // U+202E would show "photo‮gpj.exe" as "photoexe.jpg".
    expect(cleanFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('.htaccess')).toBe('htaccess');
    expect(cleanFileName('../..')).toBe('file');
    expect(cleanFileName('   ', 'image')).toBe('image');
    expect(cleanFileName('Çështje e nde\u0308rfushore.png')).toBe('Çështje e ndërfushore.png'); // NFC
  });

  it('is cut to a sane length, keeping the extension and whole characters', () => {
    const long = cleanFileName(`${'ë'.repeat(300)}.jpeg`);
    expect(Array.from(long).length).toBeLessThanOrEqual(180);
    expect(long.endsWith('ë.jpeg')).toBe(true);
    const emoji = cleanFileName(`${'😀'.repeat(200)}`);
    expect(Array.from(emoji)).toHaveLength(180);
    expect(emoji).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('is offered for download in RFC 8187 form, with an ASCII stand-in', () => {
    expect(contentDisposition('inline', 'Raport "vjetor"; Shqipëri.pdf')).toBe(
      `inline; filename="Raport _vjetor__ Shqiperi.pdf"; filename*=UTF-8''Raport%20%22vjetor%22%3B%20Shqip%C3%ABri.pdf`,
    );
    expect(withExtension('report.exe', 'pdf')).toBe('report.exe.pdf');
    expect(withExtension('Report.PDF', 'pdf')).toBe('Report.PDF');
  });
});

describe('stored names and addresses', () => {
  it('accept only our own names', () => {
    expect(STORED_NAME.test(`${HASH}-640.webp`)).toBe(true);
    expect(STORED_NAME.test(`${HASH}.pdf`)).toBe(true);
    for (const bad of [`../${HASH}.pdf`, `${HASH}-640.webp/..`, `${HASH}-0640.webp`, `${HASH}-640.svg`, `${HASH.toUpperCase()}.pdf`, `${HASH}.pdf\u0000.png`, 'passwd', '']) {
      expect(STORED_NAME.test(bad)).toBe(false);
    }
  });

  it('tell the sanitizer which images and srcsets are ours', () => {
    expect(isMediaImageUrl(`/media/${HASH}-1024.webp`)).toBe(true);
    expect(isMediaImageUrl(`https://evil.example/media/${HASH}-1024.webp`)).toBe(false);
    expect(isMediaImageUrl(`/media/${HASH}.pdf`)).toBe(false);
    expect(isMediaSrcset(`/media/${HASH}-320.webp 320w, /media/${HASH}-640.webp 640w`)).toBe(true);
    expect(isMediaSrcset(`/media/${HASH}-320.webp 320w, javascript:alert(1) 640w`)).toBe(false);
    expect(isMediaSrcset(`/media/${HASH}-320.webp 2x`)).toBe(false);
  });

  it('are found in HTML once each', () => {
    const other = 'b'.repeat(64);
    const html = `<p><img src="/media/${HASH}-640.webp" srcset="/media/${HASH}-320.webp 320w, /media/${HASH}-640.webp 640w"><a href="/media/${other}.pdf">Report</a></p>`;
    expect(mediaHashesIn(html).sort()).toEqual([HASH, other]);
    expect(mediaHashesIn('<p>/media/not-a-hash.webp</p>')).toEqual([]);
  });

  it('of the images in a sanitized text are listed, src and srcset alike, and never text that only looks like one', () => {
    const other = 'b'.repeat(64);
    const html = sanitizeRichText(
      `<p>/media/${other}-320.webp is mentioned</p><img alt="a > b" src="/media/${HASH}-640.webp" srcset="/media/${HASH}-320.webp 320w, /media/${other}-640.webp 640w"><img src='/media/${other}-320.jpg'>`,
    );
    expect(richTextImageUrls(html)).toEqual([`/media/${HASH}-640.webp`, `/media/${HASH}-320.webp`, `/media/${other}-640.webp`, `/media/${other}-320.jpg`]);
    expect(richTextImageUrls('<p>No image</p>')).toEqual([]);
  });

  it('make a srcset of the WebP variants', () => {
    const variants = parseVariants(JSON.stringify([{ width: 320, height: 240, files: { webp: `${HASH}-320.webp`, jpeg: `${HASH}-320.jpg` } }, { width: 640, height: 480, files: { webp: `${HASH}-640.webp` } }]));
    expect(srcSetOf(variants)).toBe(`/media/${HASH}-320.webp 320w, /media/${HASH}-640.webp 640w`);
    expect(parseVariants('not json')).toEqual([]);
  });
});

describe('variant widths', () => {
  it('are 320, 640, 1024 and 1600, never wider than the image', () => {
    expect(variantWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(variantWidths(1600)).toEqual([320, 640, 1024, 1600]);
    expect(variantWidths(800)).toEqual([320, 640, 800]);
    expect(variantWidths(640)).toEqual([320, 640]);
    expect(variantWidths(120)).toEqual([120]);
  });
});

describe('a PDF', () => {
  it('without script passes', () => {
    expect(checkPdf(cleanPdf())).toEqual({ ok: true });
  });

  it('with a script run on opening is refused', () => {
    expect(checkPdf(pdfWithOpenActionScript())).toEqual({ ok: false, problem: 'activeContent', names: ['JS', 'JavaScript'] });
  });

  it('with a script hidden in a compressed object stream, its names escaped, is refused', () => {
    expect(checkPdf(pdfWithHiddenScript())).toEqual({ ok: false, problem: 'activeContent', names: ['JS', 'JavaScript'] });
  });

  it('with additional actions or a launch action is refused', () => {
    expect(checkPdf(pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Page /AA << /O 3 0 R >> >>']))).toMatchObject({ problem: 'activeContent', names: ['AA'] });
    expect(checkPdf(pdf(['<< /Type /Catalog >>', '<< /S /Launch /F (cmd.exe) >>']))).toMatchObject({ problem: 'activeContent', names: ['Launch'] });
  });

  it('whose only OpenAction goes to a page passes', () => {
    expect(checkPdf(pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /FitH null] >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page >>']))).toEqual({ ok: true });
  });

  describe('with a script hidden under other filters than Flate', () => {
    const SCRIPT = '5 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>';
    const HARMLESS = 'BT /F1 12 Tf (Shqip\\353ri, 2019) Tj ET';
    // Long enough for LZW's codes to grow past 9, 10 and 11 bits before the script comes.
    const LONG = Array.from({ length: 2500 }, (_, i) => `${(i * 7919) % 104729} `).join('');
    const flate = { name: 'FlateDecode', encode: (b: Buffer) => zlib.deflateSync(b) };
    const cases = {
      ASCIIHex: [{ name: 'ASCIIHexDecode', encode: (b: Buffer) => Buffer.from(`${b.toString('hex')}>`) }],
      ASCII85: [{ name: 'A85', encode: ascii85Encode }],
      'ASCII85 then Flate': [{ name: 'ASCII85Decode', encode: ascii85Encode }, flate],
      LZW: [{ name: 'LZWDecode', encode: lzwEncode }],
      // Runs of one byte each, so that no name reads whole in the file.
      RunLength: [{ name: 'RunLengthDecode', encode: (b: Buffer) => Buffer.concat([...[...b].map((byte) => Buffer.of(0, byte)), Buffer.of(128)]) }],
      'Flate with the PNG predictor': [{ ...flate, encode: (b: Buffer) => zlib.deflateSync(pngUpRows(b, 16)), parms: '<< /Predictor 12 /Columns 16 >>' }],
    };
    for (const [name, filters] of Object.entries(cases)) {
      it(`${name}: refused, and the same stream without it passes`, () => {
        const withScript = pdf(['<< /Type /Catalog /Pages 2 0 R >>', filteredStream('/Type /ObjStm /N 1 /First 4', `${LONG}${SCRIPT}`, filters)]);
        expect(checkPdf(withScript)).toEqual({ ok: false, problem: 'activeContent', names: ['JS', 'JavaScript'] });
        // Nothing of the script shows in the file's own bytes.
        expect(withScript.toString('latin1')).not.toContain('JavaScript');
        expect(checkPdf(pdf(['<< /Type /Catalog /Pages 2 0 R >>', filteredStream('', `${LONG}${HARMLESS}`, filters)]))).toEqual({ ok: true });
      });
    }

    it('a predictor the check cannot undo: refused as too complex', () => {
      const odd = { ...flate, parms: '<< /Predictor 2 /BitsPerComponent 16 /Colors 3 /Columns 4 >>' };
      expect(checkPdf(pdf(['<< /Type /Catalog >>', filteredStream('', HARMLESS, [odd])]))).toEqual({ ok: false, problem: 'tooComplex' });
    });

    it('decodes the PDF specification’s own LZW example, and ASCII85 with a last partial group', () => {
      expect(lzwDecode(Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), new Budget(100)).toString('latin1')).toBe('-----A---B');
      expect(ascii85Decode(Buffer.from('9jqo^BlbD-BleB1DJ+*+F(f,q~>'), new Budget(100)).toString('latin1')).toBe('Man is distinguished');
      expect(ascii85Decode(ascii85Encode(Buffer.from('Shqipëri!', 'latin1')), new Budget(100)).toString('latin1')).toBe('Shqipëri!');
    });
  });

  describe('built to slip past the check', () => {
    const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
    const script = '5 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>';
    const hex = (b: Buffer) => Buffer.from(`${b.toString('hex')}>`);
    const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

    it('stray characters in an ASCIIHex stream, skipped as readers skip them', () => {
      const data = Buffer.concat([hex(Buffer.from(script, 'latin1')).subarray(0, 20), Buffer.from('x'), hex(Buffer.from(script, 'latin1')).subarray(20)]);
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /Filter /AHx', data)]))).toMatchObject({ problem: 'activeContent' });
    });

    it('escaped filter names, and a decoy /Type or /Subtype in a nested dictionary', () => {
      const deflated = zlib.deflateSync(Buffer.from(script, 'latin1'));
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /F#69lter /Fl#61teDecode', deflated)]))).toMatchObject({ problem: 'activeContent' });
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /Extra << /Type /XRef /Subtype /Image /Filter /AHx >> /Filter /FlateDecode', deflated)]))).toMatchObject({ problem: 'activeContent' });
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /Subtype /Image /Filter /FlateDecode', deflated)]))).toMatchObject({ problem: 'activeContent' });
    });

    it('a last, partial predictor row', () => {
      const data = zlib.deflateSync(Buffer.concat([Buffer.of(0), Buffer.from(script, 'latin1')]));
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 1000000 >>', data)]))).toMatchObject({ problem: 'activeContent' });
    });

    it('filters or parameters the check cannot read are refused as too complex', () => {
      const deflated = zlib.deflateSync(Buffer.from(script, 'latin1'));
      for (const dict of [
        '/Filter 3 0 R',
        '/Filter /FlateDecode /DecodeParms 3 0 R',
        '/Filter /NoSuchDecode',
        '/Filter [/AHx /AHx /AHx /AHx /FlateDecode]',
        `/Filter /FlateDecode /DecodeParms [${'<<>>'.repeat(400)}`,
      ]) {
        expect({ dict: dict.slice(0, 60), check: checkPdf(pdf([catalog, stream(`/Type /ObjStm ${dict}`, deflated)])) }).toEqual({ dict: dict.slice(0, 60), check: { ok: false, problem: 'tooComplex' } });
      }
    });

    it('a filtered stream that cannot be decoded is refused as damaged', () => {
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /Filter /FlateDecode', Buffer.from('not deflate data at all'))]))).toEqual({ ok: false, problem: 'damaged' });
    });

    it('a wrong checksum at the end of a Flate stream is forgiven, as readers do', () => {
      const deflated = zlib.deflateSync(Buffer.from(script, 'latin1'));
      deflated.writeUInt32BE(0, deflated.length - 4);
      expect(checkPdf(pdf([catalog, stream('/Type /ObjStm /Filter /FlateDecode', deflated)]))).toMatchObject({ problem: 'activeContent' });
    });

    it('many streams that expand a thousandfold share one budget', () => {
      const bomb = zlib.deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x41));
      const streams = Array.from({ length: 10 }, () => stream('/Filter /FlateDecode', bomb));
      expect(checkPdf(pdf([catalog, ...streams]))).toEqual({ ok: false, problem: 'tooComplex' });
    });
  });

  it('with harmless compressed content passes', () => {
    expect(checkPdf(pdf(['<< /Type /Catalog >>', flateStream('', 'BT /F1 12 Tf (Hello Shqiperi) Tj ET')]))).toEqual({ ok: true });
  });

  it('that is encrypted or cut short is refused', () => {
    const encrypted = Buffer.concat([cleanPdf().subarray(0, -6), Buffer.from('trailer << /Encrypt 9 0 R >>\n%%EOF\n')]);
    expect(checkPdf(encrypted)).toEqual({ ok: false, problem: 'encrypted' });
    const full = cleanPdf();
    expect(checkPdf(full.subarray(0, full.length - 20))).toEqual({ ok: false, problem: 'damaged' });
  });

  it('whose compressed stream would inflate without end is refused, not read into memory', () => {
    const bomb = flateStream('', 'x'.repeat(40 * 1024 * 1024));
    expect(checkPdf(pdf(['<< /Type /Catalog >>', bomb]))).toEqual({ ok: false, problem: 'tooComplex' });
  });
});

describe('file sizes', () => {
  it('read as people read them, in each language', async () => {
    const { formatBytes } = await import('@/lib/media/format');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(820 * 1024, 'en')).toBe('820 KB');
    expect(formatBytes(2.45 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatBytes(2.45 * 1024 * 1024, 'sq')).toBe('2,5 MB');
    expect(formatBytes(40 * 1024 * 1024, 'sq')).toBe('40 MB');
  });
});
