import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { routing } from '@/i18n/routing';

/**
 * The sections' addresses (/news, /sq/lajme, /search, /sq/kerko …) are
 * written once, in i18n/routing.ts; everything else builds them from there
 * (localizedPath, the generated rules of next.config.ts and proxy.ts). This
 * reads the source and fails on any string, template or regular-expression
 * literal that spells one out. Comments may name them.
 */

const root = path.resolve(import.meta.dirname, '../..');
const ROUTING = 'i18n/routing.ts';
// (scripts/: the command-line tools.)
const SCANNED = ['app', 'components', 'lib', 'db', 'i18n', 'scripts', 'proxy.ts', 'next.config.ts'].filter((entry) => existsSync(path.join(root, entry)));
const EXTENSIONS = /\.(?:ts|tsx|mts|mjs|js)$/;

/** The first segments of the localized sections, in every language and as route names: news, lajme, search, kerko. */
function sectionSegments(): string[] {
  const segments = new Set<string>();
  for (const [key, config] of Object.entries(routing.pathnames)) {
    if (typeof config === 'string') continue;
    for (const template of [key, ...Object.values(config)]) {
      const first = template.split('/')[1];
      if (first && !first.startsWith('[')) segments.add(first);
    }
  }
  return [...segments];
}

const segments = sectionSegments();
const prefixes = routing.locales.join('|');
/** A literal's text that starts with a section address, with or without a locale prefix: '/news', '/sq/lajme/x', '/search?q='. */
const ADDRESS = new RegExp(`^(?:/(?:${prefixes}))?/(?:${segments.join('|')})(?=$|[/?#:(])`);
/** A text that may hold one (`\/lajme` in a regular expression too). */
const MENTION = new RegExp(`/(?:${segments.join('|')})\\b`);

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (EXTENSIONS.test(entry)) return [entry];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => EXTENSIONS.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(entry, f));
}

/** Every literal in a file that spells out a section address, as "file:line: text". */
function addressLiterals(file: string, text: string): string[] {
  // Only files that name a section at all are parsed.
  if (!MENTION.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const check = (node: ts.Node, value: string) => {
    if (ADDRESS.test(value)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) check(node, node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) check(node, node.text);
    else if (ts.isRegularExpressionLiteral(node)) {
      // /^\/sq\/lajme(?=\/|$)/ → "/sq/lajme(?=/|$)"
      const body = node.text.slice(1, node.text.lastIndexOf('/')).replace(/^\^/, '').replace(/\\\//g, '/');
      check(node, body);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('section addresses come from i18n/routing.ts', () => {
  it('knows the sections from the routing', () => {
    expect(segments).toEqual(expect.arrayContaining(['news', 'lajme', 'search', 'kerko']));
  });

  it('finds an address however it is written', () => {
    const sample = [
      "const a = '/sq/lajme';",
      'const b = `/news/${slug}`;',
      'const c = `${base}/kerko?q=${q}`;',
      'const d = x ? "/search" : "/";',
      'const e = /^\\/sq\\/lajme(?=\\/|$)/;',
      "const f = { source: '/lajme/:rest*' };",
      'const g = <a href="/news">x</a>;',
    ].join('\n');
    expect(addressLiterals('sample.tsx', sample)).toHaveLength(7);
    const innocent = [
      "// '/sq/lajme' in a comment",
      "const a = '/admin/news/12';",
      "const b = 'news';",
      "const c = '/newsletter';",
      "const d = '/[locale]/news/page/[n]';",
      "const e = 'lajme';",
    ].join('\n');
    expect(addressLiterals('sample.tsx', innocent)).toEqual([]);
  });

  it('appears nowhere else in the source', () => {
    const files = SCANNED.flatMap(sourceFiles).filter((f) => f !== ROUTING);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => addressLiterals(f, readFileSync(path.join(root, f), 'utf8')));
    expect(found).toEqual([]);
  }, 30_000);
});
