import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import sq from '@/messages/sq.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('UI strings', () => {
  it('exist in both languages with the same keys', () => {
    expect(keys(sq).sort()).toEqual(keys(en).sort());
  });

  it('are never empty', () => {
    for (const messages of [en, sq]) {
      const flat = JSON.stringify(messages);
      expect(flat).not.toMatch(/:""/);
    }
  });

  it('write Albanian with ë and ç, not e and c stand-ins, in the words that need them', () => {
    const text = JSON.stringify(sq);
    for (const wrong of [/\bpermbajtja\b/i, /\bfaqe e internetit\b/, /\bPerdoruesit\b/, /\bcaktivizo/i, /\bshqiperi\b/]) {
      expect(text).not.toMatch(wrong);
    }
    expect(text).toContain('Përdoruesit');
    expect(text).toContain('Shqipëri');
  });
});
