import { describe, expect, it } from 'vitest';
import { type Chunk, diffFields, diffTexts, htmlToLines } from '@/lib/diff';

/** The text of one side, rebuilt from the chunks. */
function side(chunks: Chunk[], which: 'before' | 'after'): string {
  return chunks
    .filter((c) => c.kind === 'same' || c.kind === (which === 'before' ? 'removed' : 'added'))
    .map((c) => c.text)
    .join('');
}

function changes(chunks: Chunk[], kind: 'added' | 'removed'): string[] {
  return chunks.filter((c) => c.kind === kind && c.text.trim()).map((c) => c.text.trim());
}

describe('htmlToLines', () => {
  it('gives one readable line per block', () => {
    const html =
      '<h2>Training in Durrës</h2><p>IOM trained <strong>judges</strong> and <em>prosecutors</em>.</p><h3>Who</h3><h4>Details</h4>' +
      '<ul><li>Albania</li><li>Kosovo</li></ul><ol><li>first</li><li><p>second</p></li></ol><blockquote><p>Migration is a fact of life.</p></blockquote>';
    expect(htmlToLines(html)).toEqual([
      '## Training in Durrës',
      'IOM trained judges and prosecutors.',
      '### Who',
      '#### Details',
      '• Albania',
      '• Kosovo',
      '• first',
      '• second',
      '> Migration is a fact of life.',
    ]);
  });

  it('writes links as text (address), and a bare address once', () => {
    const html =
      '<p>See <a href="https://www.iom.int/news?a=1&amp;b=2" rel="noopener noreferrer">the IOM site</a>, ' +
      '<a href="https://albania.iom.int">https://albania.iom.int</a> or write to <a href="mailto:iomtirana@iom.int">iomtirana@iom.int</a>.</p>';
    expect(htmlToLines(html)).toEqual([
      'See the IOM site (https://www.iom.int/news?a=1&b=2), https://albania.iom.int or write to iomtirana@iom.int.',
    ]);
  });

  it('decodes entities and normalizes white space', () => {
    expect(htmlToLines('<p>  Tom &amp; Jerry&nbsp;&lt;3  &quot;quoted&quot; &#8211; &#x00EB; &rsquo;\n  next </p>')).toEqual(['Tom & Jerry <3 "quoted" – ë ’ next']);
    expect(htmlToLines('<p>&unknown; &#0; &euml;&ccedil;</p>')).toEqual(['&unknown; \uFFFD ëç']);
  });

  it('splits at line breaks, keeps nesting, drops empty blocks', () => {
    expect(htmlToLines('<p>Line one<br>line two</p><p> </p><p></p><ul><li>a<ul><li>b</li></ul></li></ul><blockquote><h2>Q</h2></blockquote>')).toEqual([
      'Line one',
      'line two',
      '• a',
      '  • b',
      '> ## Q',
    ]);
  });

  it('keeps Albanian letters as they are', () => {
    expect(htmlToLines('<p>Çështje ndërfushore në Shqipëri: ËÇëç</p>')).toEqual(['Çështje ndërfushore në Shqipëri: ËÇëç']);
  });

  it('ignores what is not text', () => {
    expect(htmlToLines('<!-- x --><script>alert(1)</script><style>p{}</style><p>ok</p>')).toEqual(['ok']);
    expect(htmlToLines('')).toEqual([]);
    expect(htmlToLines('plain text')).toEqual(['plain text']);
  });
});

describe('htmlToLines reads HTML as the sanitizer does (htmlparser2)', () => {
  it('decodes every named entity of HTML, not only a short list', () => {
    expect(htmlToLines('<p>Wait&hellip; caf&eacute; &frac12; &trade; &larr; &AMP; &Euml;&ccedil;</p>')).toEqual(['Wait… café ½ ™ ← & Ëç']);
  });

  it('decodes numeric entities as a browser does', () => {
    // &#150; is Windows-1252's en dash, as Word writes it: HTML reads it as "–", not as the control character U+0096.
    expect(htmlToLines('<p>&#x1F600; &#128512; 2019&#150;2024 &#x110000;</p>')).toEqual(['😀 😀 2019–2024 \uFFFD']);
  });

  it('reads a no-break space inside words as a space', () => {
    expect(htmlToLines('<p>IOM&nbsp;Albania&nbsp;office, Tiran&euml;</p>')).toEqual(['IOM Albania office, Tiranë']);
  });

  it('does not end a tag at a ">" inside a quoted attribute', () => {
    expect(htmlToLines('<p>See <a title="a > b" href="https://www.iom.int/?q=1&amp;r=2">the site</a>.</p>')).toEqual(['See the site (https://www.iom.int/?q=1&r=2).']);
  });

  it('keeps "&name" without a semicolon in an address as it is', () => {
    expect(htmlToLines('<p><a href="https://www.iom.int/?a=1&copy=2">the site</a></p>')).toEqual(['the site (https://www.iom.int/?a=1&copy=2)']);
  });

  it('reads a "<" that starts no tag as text', () => {
    expect(htmlToLines('<p>1 < 2 and 3 > 2</p>')).toEqual(['1 < 2 and 3 > 2']);
  });

  it('leaves out comments and CDATA, even with tags or ">" inside', () => {
    expect(htmlToLines('<p>a<!-- <p>hidden</p> -->b</p><p>c<![CDATA[x > y]]>d</p><p>e<!-- never closed')).toEqual(['ab', 'cd', 'e']);
  });

  it('reads self-closing and implied tags', () => {
    expect(htmlToLines('<p>one<br/>two<img src="/x.webp" alt="x"/>three</p><ul><li>a<li>b</ul><P>Upper</P>')).toEqual(['one', 'twothree', '• a', '• b', 'Upper']);
  });
});

describe('diffTexts', () => {
  it('reports nothing for equal texts', () => {
    const chunks = diffTexts('one\ntwo', 'one\ntwo');
    expect(chunks).toEqual([{ kind: 'same', text: 'one\ntwo' }]);
    expect(diffTexts('', '')).toEqual([]);
  });

  it('shows an added paragraph as one added line', () => {
    const before = htmlToLines('<p>First.</p><p>Third.</p>').join('\n');
    const after = htmlToLines('<p>First.</p><p>Second, new.</p><p>Third.</p>').join('\n');
    const chunks = diffTexts(before, after);
    expect(changes(chunks, 'added')).toEqual(['Second, new.']);
    expect(changes(chunks, 'removed')).toEqual([]);
    expect(side(chunks, 'before')).toBe(before);
    expect(side(chunks, 'after')).toBe(after);
  });

  it('shows a changed word within its line', () => {
    const before = 'IOM trains judges in Durrës.\nSecond line.';
    const after = 'IOM trains prosecutors in Durrës.\nSecond line.';
    const chunks = diffTexts(before, after);
    expect(changes(chunks, 'removed')).toEqual(['judges']);
    expect(changes(chunks, 'added')).toEqual(['prosecutors']);
    expect(chunks.find((c) => c.kind === 'same')?.text).toBe('IOM trains ');
    expect(side(chunks, 'before')).toBe(before);
    expect(side(chunks, 'after')).toBe(after);
  });

  it('shows a removed list item', () => {
    const before = htmlToLines('<ul><li>Albania</li><li>Kosovo</li><li>Montenegro</li></ul>').join('\n');
    const after = htmlToLines('<ul><li>Albania</li><li>Montenegro</li></ul>').join('\n');
    const chunks = diffTexts(before, after);
    expect(changes(chunks, 'removed')).toEqual(['• Kosovo']);
    expect(changes(chunks, 'added')).toEqual([]);
    expect(side(chunks, 'before')).toBe(before);
    expect(side(chunks, 'after')).toBe(after);
  });

  it('keeps ë and ç whole in word changes', () => {
    const chunks = diffTexts('Trajnim për gjyqtarët në Durrës', 'Trajnim për prokurorët në Durrës');
    expect(changes(chunks, 'removed')).toEqual(['gjyqtarët']);
    expect(changes(chunks, 'added')).toEqual(['prokurorët']);
    const cc = diffTexts('Çështje të rëndësishme', 'Çështje shumë të rëndësishme');
    expect(changes(cc, 'added')).toEqual(['shumë']);
    expect(cc[0]).toEqual({ kind: 'same', text: 'Çështje ' });
  });

  it('shows everything as added when there was nothing before, and as removed when nothing is left', () => {
    expect(diffTexts('', 'New title')).toEqual([{ kind: 'added', text: 'New title' }]);
    expect(diffTexts('a\nb', '')).toEqual([{ kind: 'removed', text: 'a\nb' }]);
  });

  it('shows a rewritten line as removed and added lines, not a word salad', () => {
    const chunks = diffTexts('Intro\nThe office opened in 1992.\nEnd', 'Intro\nStaff visited three border points last week.\nEnd');
    expect(changes(chunks, 'removed')).toEqual(['The office opened in 1992.']);
    expect(changes(chunks, 'added')).toEqual(['Staff visited three border points last week.']);
    expect(side(chunks, 'before')).toBe('Intro\nThe office opened in 1992.\nEnd');
    expect(side(chunks, 'after')).toBe('Intro\nStaff visited three border points last week.\nEnd');
  });

  it('rebuilds both sides when the first line changes', () => {
    for (const [before, after] of [
      ['Old first\nKept', 'Kept'],
      ['Kept', 'New first\nKept'],
      ['A changed line here\nKept', 'A changed line there\nKept'],
      ['x\ny\nz', 'y\nw\nz\nv'],
    ] as const) {
      const chunks = diffTexts(before, after);
      expect(side(chunks, 'before')).toBe(before);
      expect(side(chunks, 'after')).toBe(after);
    }
  });
});

describe('diffFields', () => {
  it('compares each field, bodies as readable lines', () => {
    const before = { title: 'IOM trains judges', slug: 'iom-trains-judges', summary: null, body: '<p>Durrës, 9 April.</p><p>Old &amp; gone.</p>' };
    const after = { title: 'IOM trains judges', slug: 'iom-trains-judges-and-prosecutors', summary: 'A short summary', body: '<p>Durrës, 9 April.</p>' };
    const result = diffFields(before, after, ['title', 'slug', 'summary', 'body']);
    expect(result.map((f) => [f.field, f.changed])).toEqual([
      ['title', false],
      ['slug', true],
      ['summary', true],
      ['body', true],
    ]);
    expect(result[0]?.chunks).toEqual([{ kind: 'same', text: 'IOM trains judges' }]);
    expect(result[2]?.chunks).toEqual([{ kind: 'added', text: 'A short summary' }]);
    expect(changes(result[3]?.chunks ?? [], 'removed')).toEqual(['Old & gone.']);
  });

  it('treats missing and null values as empty, and reads only formatting changes as unchanged', () => {
    const result = diffFields({ body: '<p>Text</p>' }, { body: '<p><strong>Text</strong></p>', title: null }, ['title', 'body']);
    expect(result).toEqual([
      { field: 'title', chunks: [], changed: false },
      { field: 'body', chunks: [{ kind: 'same', text: 'Text' }], changed: false },
    ]);
    expect(diffFields({ seoTitle: '<b>x</b>' }, { seoTitle: '<b>x</b>' }, ['seoTitle'])[0]?.chunks).toEqual([{ kind: 'same', text: '<b>x</b>' }]);
  });
});
