import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentListFits, MAX_ARGUMENTS, NestingMeter, POST_ROUTES, requestPath } from '@/lib/request-guard';
import { argumentList, multipart } from '@/scripts/hostile-requests';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function maxNesting(...chunks: string[]): number {
  const meter = new NestingMeter();
  for (const chunk of chunks) meter.feed(Buffer.from(chunk));
  return meter.max;
}

describe('NestingMeter', () => {
  it('counts the deepest [ / { nesting across chunks', () => {
    expect(maxNesting('[1,{"a":[2]}]')).toBe(3);
    expect(maxNesting('[[[', '[]]', ']]')).toBe(4);
    expect(maxNesting('no brackets at all')).toBe(0);
  });

  it('cannot be fooled: closing brackets never count below zero, brackets in strings count', () => {
    // An earlier field of closers does not hide a later field's depth.
    expect(maxNesting(']]]]]]]]', '[[[[')).toBe(4);
    expect(maxNesting('"[[[["')).toBe(4);
  });
});

describe('argumentListFits', () => {
  const fits = ({ body, contentType }: { body: Buffer; contentType: string }) => argumentListFits(body, contentType);

  it('takes a list of up to MAX_ARGUMENTS arguments, in field 0 of a multipart body or as the body itself', async () => {
    expect(await fits(argumentList(MAX_ARGUMENTS))).toBe(true);
    expect(await fits(argumentList(MAX_ARGUMENTS, 'text'))).toBe(true);
    // What React sends for a form: the list refers to the form's fields, sent beside it.
    expect(await fits(multipart([['0', '["$K1"]'], ['1_title', 'A title, with [brackets'], ['1_body', '0,'.repeat(2000)]]))).toBe(true);
  });

  it('refuses a longer list, a root that is no list, unreadable JSON and a multipart body without field 0', async () => {
    expect(await fits(argumentList(MAX_ARGUMENTS + 1))).toBe(false);
    expect(await fits(argumentList(MAX_ARGUMENTS + 1, 'text'))).toBe(false);
    expect(await fits(multipart([['0', '{"length":5000}']]))).toBe(false);
    expect(await fits(multipart([['0', '"$1"'], ['1', '[]']]))).toBe(false);
    expect(await fits({ body: Buffer.from('[0,'), contentType: 'text/plain;charset=UTF-8' })).toBe(false);
    expect(await fits(multipart([['1', '[]']]))).toBe(false);
  });
});

describe('requestPath', () => {
  it('is the path Next routes, dot segments resolved', () => {
    expect(requestPath('/admin/news?x=1')).toBe('/admin/news');
    expect(requestPath('/admin/../news')).toBe('/news');
    expect(requestPath('/admin/%2e%2e/sq')).toBe('/sq');
    expect(requestPath('/sq/lajme')).toBe('/sq/lajme');
  });

  it('is empty for addresses Next only redirects', () => {
    expect(requestPath('//admin/x')).toBe('');
    expect(requestPath('/admin\\x')).toBe('');
  });
});

describe('where a POST is let through', () => {
  const files = [...sourceFiles('app'), ...sourceFiles('components'), ...sourceFiles('lib')];

  it('lists every route handler that takes a POST in POST_ROUTES', () => {
    const handlers = files
      .filter((f) => /(^|\/)route\.tsx?$/.test(f) && /export\s+(async\s+)?(function|const)\s+POST\b/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')))
      .map((f) => f.replace(/^app/, '').replace(/\/route\.tsx?$/, '').replace(/\/\([^)]+\)/g, ''));
    expect(handlers.sort()).toEqual([...POST_ROUTES].sort());
  });

  it('finds every server action under app/admin (a POST elsewhere gets 405)', () => {
    const actions = files.filter((f) => /^\s*['"]use server['"]/m.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(actions.length).toBeGreaterThan(5);
    expect(actions.filter((f) => !f.startsWith('app/admin/'))).toEqual([]);
  });
});
