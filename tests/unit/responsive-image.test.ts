import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { ResponsiveImage } from '@/components/site/ResponsiveImage';
import type { PublicImage } from '@/db/media/public';
import { isForeignImage, RICH_TEXT_IMAGE_ATTRIBUTES, richTextImageHtml } from '@/lib/media/rich-text';

const H = 'e'.repeat(64);
const image: PublicImage = {
  id: 1,
  src: `/media/${H}-1600.webp`,
  srcSet: `/media/${H}-320.webp 320w, /media/${H}-640.webp 640w, /media/${H}-1024.webp 1024w, /media/${H}-1600.webp 1600w`,
  width: 1600,
  height: 1067,
  alt: 'Gjyqtarë në një trajnim në Durrës',
  caption: 'Trajnim në Durrës, prill 2019.',
  credit: '© IOM 2019',
  og: { url: `/media/${H}-1600.jpg`, width: 1600, height: 1067, type: 'image/jpeg' },
};

describe('<ResponsiveImage>', () => {
  it('lists every WebP variant, sets width and height, loads lazily, with caption and credit in a figure', () => {
    const html = renderToStaticMarkup(createElement(ResponsiveImage, { image }));
    expect(html).toContain(`srcSet="${image.srcSet}"`);
    expect(html).toContain('width="1600"');
    expect(html).toContain('height="1067"');
    expect(html).toContain('alt="Gjyqtarë në një trajnim në Durrës"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('decoding="async"');
    expect(html).toContain('sizes="(min-width: 48rem) 48rem, 100vw"');
    expect(html).not.toMatch(/fetchpriority/i);
    expect(html).toMatch(/^<figure><img [^>]+><figcaption[^>]*>Trajnim në Durrës, prill 2019\. <span[^>]*>© IOM 2019<\/span><\/figcaption><\/figure>$/);
  });

  it('as the first large image, loads at once with high priority', () => {
    const html = renderToStaticMarkup(createElement(ResponsiveImage, { image: { ...image, caption: null, credit: null }, priority: true, sizes: '100vw' }));
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchPriority="high"');
    expect(html).toContain('sizes="100vw"');
    expect(html).not.toContain('<figure');
  });

  it('keeps an empty alt for a decorative image', () => {
    const html = renderToStaticMarkup(createElement(ResponsiveImage, { image: { ...image, alt: '' }, withCaption: false }));
    expect(html).toContain('alt=""');
    expect(html).not.toContain('<figure');
  });
});

describe('an image in rich text', () => {
  const options: sanitizeHtml.IOptions = {
    allowedTags: ['p', 'img'],
    allowedAttributes: { img: [...RICH_TEXT_IMAGE_ATTRIBUTES] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    exclusiveFilter: (frame) => isForeignImage(frame),
  };

  it('is markup the sanitizer settings we recommend keep as it is', () => {
    const html = `<p>${richTextImageHtml(image)}</p>`;
    expect(html).toContain(`alt="Gjyqtarë në një trajnim në Durrës"`);
    expect(sanitizeHtml(html, options)).toBe(html);
  });

  it('from anywhere else, or with extra attributes, does not survive', () => {
    expect(sanitizeHtml(`<p><img src="https://evil.example/x.png" alt="x"></p>`, options)).toBe('<p></p>');
    expect(sanitizeHtml(`<p><img src="/media/${H}-320.webp" srcset="/media/${H}-320.webp 320w, https://evil.example/t.gif 640w"></p>`, options)).toBe('<p></p>');
    expect(sanitizeHtml(`<p><img src="/media/${H}.pdf"></p>`, options)).toBe('<p></p>');
    expect(sanitizeHtml(`<p><img src="/media/${H}-320.webp" onerror="alert(1)" style="x" alt="a"></p>`, options)).toBe(`<p><img src="/media/${H}-320.webp" alt="a" /></p>`);
  });
});
