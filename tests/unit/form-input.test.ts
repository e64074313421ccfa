import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkbox, fieldsNamed, formFields, id, intent, locale, optionalId, optionalVersion, parseForm, text, version } from '@/lib/form-input';

/** A FormData of `entries`, as a browser (or a forged call) sends it. */
function form(...entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('the shared schemas of lib/form-input.ts', () => {
  it('take ids as a form sends them and refuse what no row can have', () => {
    expect(id.parse('12')).toBe(12);
    for (const junk of ['', '0', '-3', '1.5', 'abc', '1e400', String(2 ** 53), '9'.repeat(400)]) expect(id.safeParse(junk).success).toBe(false);
    expect(optionalId.parse('')).toBeNull();
    expect(optionalId.parse('7')).toBe(7);
  });

  it('take versions from 0, a missing one as "" only where the form may have none', () => {
    expect(version.parse('0')).toBe(0);
    expect(version.safeParse('').success).toBe(true); // '' coerces to 0: the data layer answers "stale"
    expect(optionalVersion.parse('')).toBeNull();
    expect(optionalVersion.safeParse('-1').success).toBe(false);
  });

  it('read the editor’s fields: languages, intents, text with browser line breaks, checkboxes', () => {
    expect(locale.safeParse('de').success).toBe(false);
    expect(intent.parse(undefined)).toBe('save');
    expect(intent.safeParse('delete').success).toBe(false);
    expect(text.parse('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree\n');
    expect(checkbox.parse('on')).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
  });

  it('name several fields with one schema, prefixed', () => {
    expect(Object.keys(fieldsNamed(['title', 'body'], text, 'other.'))).toEqual(['other.title', 'other.body']);
  });
});

describe('parseForm', () => {
  const shape = { pageId: id, locale, title: text.optional(), documents: z.array(id).max(3), intent };

  it('reads the named fields, lists with every value, and leaves the rest out', () => {
    const data = form(['pageId', '4'], ['locale', 'sq'], ['title', 'A\r\nB'], ['documents', '1'], ['documents', '2'], ['$ACTION_ID_x', ''], ['other', 'x']);
    expect(formFields(shape, data)).toEqual({ pageId: '4', locale: 'sq', title: 'A\r\nB', documents: ['1', '2'], intent: undefined });
    expect(parseForm(shape, data)).toEqual({ pageId: 4, locale: 'sq', title: 'A\nB', documents: [1, 2], intent: 'save' });
    expect(parseForm(shape, form(['pageId', '4'], ['locale', 'en']))).toEqual({ pageId: 4, locale: 'en', title: undefined, documents: [], intent: 'save' });
  });

  it('refuses what only a forged call sends: no form, missing or repeated fields, wrong types, too many values', () => {
    const good: [string, string][] = [['pageId', '4'], ['locale', 'en']];
    for (const notAForm of [undefined, null, 'pageId=4', { pageId: '4', locale: 'en' }, [['pageId', '4']], 4]) expect(parseForm(shape, notAForm)).toBeNull();
    expect(parseForm(shape, form(['pageId', '4']))).toBeNull();
    expect(parseForm(shape, form(...good, ['pageId', '5']))).toBeNull();
    expect(parseForm(shape, form(...good, ['pageId', '4']))).toBeNull();
    expect(parseForm(shape, form(['pageId', new Blob(['4'])], ['locale', 'en']))).toBeNull();
    expect(parseForm(shape, form(...good, ['title', new Blob(['x'])]))).toBeNull();
    expect(parseForm(shape, form(...good, ['documents', '1'], ['documents', '2'], ['documents', '3'], ['documents', '4']))).toBeNull();
    expect(parseForm(shape, form(...good, ['documents', 'x']))).toBeNull();
    expect(parseForm(shape, form(...good))).not.toBeNull();
  });
});
