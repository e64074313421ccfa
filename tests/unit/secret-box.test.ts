import { describe, expect, it } from 'vitest';
import { deriveKey, isSealed, open, seal } from '@/lib/auth/secret-box';

const SERVER_SECRET = 'a server secret of at least thirty-two characters';

describe('secret box', () => {
  const key = deriveKey(SERVER_SECRET, 'totp-secret');

  it('derives a 256-bit key per server secret and purpose', () => {
    expect(key).toHaveLength(32);
    expect(deriveKey(SERVER_SECRET, 'totp-secret').equals(key)).toBe(true);
    expect(deriveKey(SERVER_SECRET, 'session-version').equals(key)).toBe(false);
    expect(deriveKey(`${SERVER_SECRET}!`, 'totp-secret').equals(key)).toBe(false);
    // The key is not the secret itself, nor any part of it.
    expect(key.toString('utf8')).not.toContain(SERVER_SECRET.slice(0, 8));
  });

  it('seals in the v1 format with a fresh IV each time, and opens it again', () => {
    const a = seal(key, 'JBSWY3DPEHPK3PXP', 'users.totp:1');
    const b = seal(key, 'JBSWY3DPEHPK3PXP', 'users.totp:1');
    expect(a).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(isSealed(a)).toBe(true);
    expect(isSealed('JBSWY3DPEHPK3PXP')).toBe(false);
    expect(open(key, a, 'users.totp:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(open(key, b, 'users.totp:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('opens nothing with another key, another context, or a changed value, and never throws', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'users.totp:1');
    expect(open(deriveKey('another server secret, also long enough', 'totp-secret'), sealed, 'users.totp:1')).toBeNull();
    expect(open(key, sealed, 'users.totp:2')).toBeNull();
    const [v, iv, tag, ct] = sealed.split(':') as [string, string, string, string];
    const flipped = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [
      [v, iv, tag, flipped(ct)].join(':'),
      [v, iv, flipped(tag), ct].join(':'),
      [v, flipped(iv), tag, ct].join(':'),
      ['v2', iv, tag, ct].join(':'),
      [v, iv.slice(2), tag, ct].join(':'),
      [v, iv, tag.slice(2), ct].join(':'),
      'JBSWY3DPEHPK3PXP',
      '',
      'v1:::',
      'v1:%%:%%:%%',
    ]) {
      expect(open(key, bad, 'users.totp:1'), bad).toBeNull();
    }
  });
});
