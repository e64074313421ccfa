import { describe, expect, it } from 'vitest';
import { isKeptHref, normalizeLinkInput } from '@/lib/rich-text-links';

describe('normalizeLinkInput (the link form)', () => {
  it('accepts web and email addresses, completing the usual short forms', () => {
    expect(normalizeLinkInput(' https://albania.iom.int/news?a=1#top ')).toBe('https://albania.iom.int/news?a=1#top');
    expect(normalizeLinkInput('http://www.iom.int')).toBe('http://www.iom.int');
    expect(normalizeLinkInput('www.iom.int/albania')).toBe('https://www.iom.int/albania');
    expect(normalizeLinkInput('iomtirana@iom.int')).toBe('mailto:iomtirana@iom.int');
    expect(normalizeLinkInput('mailto:iomtirana@iom.int')).toBe('mailto:iomtirana@iom.int');
  });

  it('refuses everything else', () => {
    for (const bad of ['', '   ', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'ftp://iom.int', '//iom.int', '/contact', 'iom', 'https://', 'https://localhost', 'mailto:nobody', 'tel:+355', 'http://exa mple.org']) {
      expect(normalizeLinkInput(bad), bad).toBeNull();
    }
  });
});

describe('isKeptHref (links in stored or pasted text)', () => {
  it('keeps what the sanitizer lets through, so editing old text never drops a link', () => {
    for (const ok of ['https://www.iom.int', 'mailto:a@b.org', 'tel:+355 4 225 7836', '/contact', '/sq/kontakt?x=1', 'www.un.org', 'a@b.org']) {
      expect(isKeptHref(ok), ok).toBe(true);
    }
  });

  it('drops script, data and protocol-relative links', () => {
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', '/\\evil.example', 'file:///etc/passwd', '#_ftn1']) {
      expect(isKeptHref(bad), bad).toBe(false);
    }
  });
});
