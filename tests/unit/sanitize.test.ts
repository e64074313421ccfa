import { describe, expect, it } from 'vitest';
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

  it('is stable: cleaning clean text changes nothing', () => {
    const once = sanitizeRichText('<p>A <b>b</b> <a href="mailto:iomtirana@iom.int">mail</a></p>');
    expect(sanitizeRichText(once)).toBe(once);
  });
});
