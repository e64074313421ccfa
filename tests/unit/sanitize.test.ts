import { describe, expect, it } from 'vitest';
import { richTextImageHtml } from '@/lib/media/rich-text';
import { sanitizeRichText } from '@/lib/sanitize';

describe('sanitizeRichText', () => {
  it('keeps the allowed structure', () => {
    const html = '<h2>Title</h2><p>A <strong>bold</strong> and <em>italic</em> <a href="https://www.iom.int">link</a>.</p><ul><li>one</li></ul><blockquote><p>Quote</p></blockquote>';
    expect(sanitizeRichText(html)).toBe(
      '<h2>Title</h2><p>A <strong>bold</strong> and <em>italic</em> <a href="https://www.iom.int" rel="noopener noreferrer">link</a>.</p><ul><li>one</li></ul><blockquote><p>Quote</p></blockquote>',
    );
  });

  it('removes scripts, handlers, styles and dangerous links', () => {
    const hostile = [
      '<script>alert(1)</script><p>ok</p>',
      '<p onclick="alert(1)">ok</p>',
      '<p><a href="javascript:alert(1)">ok</a></p>',
      '<p><a href="data:text/html,x">ok</a></p>',
      '<p><img src=x onerror=alert(1)>ok</p>',
      '<p><iframe src="https://evil.example"></iframe>ok</p>',
      '<style>p{}</style><p style="color:red">ok</p>',
      '<svg><script>alert(1)</script></svg><p>ok</p>',
      '<p><a href="//evil.example">ok</a></p>',
    ];
    for (const html of hostile) {
      const clean = sanitizeRichText(html);
      expect(clean).not.toMatch(/script|onerror|onclick|javascript:|data:|iframe|style=|<img|<svg|evil/i);
      expect(clean).toContain('ok');
    }
  });

  it('cleans what Word and Google Docs paste', () => {
    const word =
      '<p class="MsoNormal" style="margin:0"><span style="font-family:Calibri"><b>Durrës</b>, 9 prill<o:p></o:p></span></p><!--[if gte mso 9]><xml></xml><![endif]--><p class="MsoNormal">&nbsp;</p>';
    expect(sanitizeRichText(word)).toBe('<p><strong>Durrës</strong>, 9 prill</p>');
    const docs = '<b style="font-weight:normal" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Çështje</span></p></b>';
    expect(sanitizeRichText(docs)).toContain('Çështje');
    expect(sanitizeRichText(docs)).not.toMatch(/span|style|docs-internal|dir=/);
    expect(sanitizeRichText('<h1>Big</h1><h6>small</h6>')).toBe('<h2>Big</h2><h4>small</h4>');
  });

  it('keeps a simple table: header and data cells, no attributes', () => {
    // As Tiptap writes it (colgroup, styles, colspan) and as Word pastes it (widths, borders, merged cells).
    const editor =
      '<table style="min-width: 75px"><colgroup><col style="min-width: 25px"></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>Viti</p></th><th colspan="2"><p>Numri</p></th></tr><tr><td colwidth="120" style="width:90pt" valign="top"><p>2025</p></td><td onclick="x()"><p>1.234</p></td></tr></tbody><tfoot><tr><td>Total</td></tr></tfoot></table>';
    expect(sanitizeRichText(editor)).toBe(
      '<table><tbody><tr><th><p>Viti</p></th><th><p>Numri</p></th></tr><tr><td><p>2025</p></td><td><p>1.234</p></td></tr></tbody><tbody><tr><td>Total</td></tr></tbody></table>',
    );
    const withHead = '<table border="1" class="MsoTableGrid"><thead><tr><th scope="col">Viti</th></tr></thead><tbody><tr><td>2025</td></tr></tbody></table>';
    expect(sanitizeRichText(withHead)).toBe('<table><thead><tr><th>Viti</th></tr></thead><tbody><tr><td>2025</td></tr></tbody></table>');
    expect(sanitizeRichText(sanitizeRichText(editor))).toBe(sanitizeRichText(editor));
  });

  describe('images', () => {
    const hash = 'ab'.repeat(32);
    const ours = richTextImageHtml({
      src: `/media/${hash}-1024.webp`,
      srcSet: `/media/${hash}-320.webp 320w, /media/${hash}-640.webp 640w, /media/${hash}-1024.webp 1024w`,
      width: 1024,
      height: 768,
      alt: 'Judges at a training in Durrës',
    });

    it('keeps an image of the media library as the editor inserts it, and is stable on it', () => {
      const html = `<p>Before</p>${ours}<p>After</p>`;
      const clean = sanitizeRichText(html);
      expect(clean).toContain(`src="/media/${hash}-1024.webp"`);
      expect(clean).toContain(`srcset="/media/${hash}-320.webp 320w, /media/${hash}-640.webp 640w, /media/${hash}-1024.webp 1024w"`);
      expect(clean).toContain('width="1024" height="768" alt="Judges at a training in Durrës" loading="lazy" decoding="async"');
      expect(sanitizeRichText(clean)).toBe(clean);
      // Inside a paragraph too (the paragraph is not dropped as empty).
      expect(sanitizeRichText(`<p>${ours}</p>`)).toMatch(/^<p><img [^>]+ \/?><\/p>$/);
    });

    it('drops hostile and foreign images', () => {
      const hostile = [
        `<p><img src="/media/${hash}-1024.webp" onerror="alert(1)" onload="alert(2)" style="x" class="y">ok</p>`,
        '<p><img src="https://evil.example/x.webp">ok</p>',
        '<p><img src="data:image/png;base64,iVBORw0KGgo=">ok</p>',
        '<p><img src="javascript:alert(1)">ok</p>',
        '<p><img>ok</p>',
        `<p><img src="/media/${hash}-1024.webp" srcset="https://evil.example/x.webp 320w">ok</p>`,
        `<p><img src="/media/${hash}-1024.webp" srcset="data:image/png;base64,AAAA 320w">ok</p>`,
        `<p><img src="/media/${hash}.pdf">ok</p>`,
        `<p><img src="/media/../${hash}-1024.webp">ok</p>`,
        `<p><img src="/media/${hash}-1024.webp" width="100%">ok</p>`,
        `<p><img src="/media/${hash}-1024.webp" loading="eager" >ok</p>`,
      ];
      for (const html of hostile) {
        const clean = sanitizeRichText(html);
        expect(clean, html).not.toMatch(/onerror|onload|style=|class=|evil|data:|javascript:|\.pdf|\.\.|100%|eager/);
        expect(clean).toContain('ok');
      }
      // Our own image keeps only what is ours: without the handlers, or without a data: srcset.
      for (const i of [0, 6]) expect(sanitizeRichText(hostile[i]!)).toBe(`<p><img src="/media/${hash}-1024.webp" />ok</p>`);
      for (const html of hostile.filter((_, i) => i !== 0 && i !== 6)) expect(sanitizeRichText(html), html).toBe('<p>ok</p>');
    });
  });

  it('is stable: cleaning clean text changes nothing', () => {
    const once = sanitizeRichText('<p>A <b>b</b> <a href="mailto:iomtirana@iom.int">mail</a></p>');
    expect(sanitizeRichText(once)).toBe(once);
  });
});
