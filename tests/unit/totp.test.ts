import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  normalizeRecoveryCode,
  totpQrSvg,
  totpUri,
  totpStep,
} from '@/lib/auth/totp';

/** Halfway through a 30-second period, so ±1 period is unambiguous. */
const NOW = Date.UTC(2025, 5, 1, 9, 0, 15);
const PERIOD = 30_000;
const STEP = Math.floor(NOW / PERIOD);

function codeAt(secret: string, timestamp: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });
}

describe('TOTP', () => {
  it('generates a 20-byte base32 secret, new each time', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('accepts the code an authenticator shows now, with or without a space', () => {
    const secret = generateTotpSecret();
    const code = codeAt(secret, NOW);
    expect(totpStep(secret, code, NOW)).toBe(STEP);
    expect(totpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, NOW)).toBe(STEP);
  });

  it("rejects another secret's code", () => {
    const code = codeAt('JBSWY3DPEHPK3PXP', NOW);
    expect(totpStep('JBSWY3DPEHPK3PXP', code, NOW)).toBe(STEP);
    expect(totpStep('KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU', code, NOW)).toBeNull();
  });

  it('accepts the previous and next period, telling which step matched, but not two periods off', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    expect(totpStep(secret, codeAt(secret, NOW - PERIOD), NOW)).toBe(STEP - 1);
    expect(totpStep(secret, codeAt(secret, NOW + PERIOD), NOW)).toBe(STEP + 1);
    const valid = [-1, 0, 1].map((k) => codeAt(secret, NOW + k * PERIOD));
    for (const offset of [-2, 2]) {
      const code = codeAt(secret, NOW + offset * PERIOD);
      expect(valid).not.toContain(code);
      expect(totpStep(secret, code, NOW)).toBeNull();
    }
  });

  it('rejects malformed codes and secrets without throwing', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const code = codeAt(secret, NOW);
    for (const bad of ['', '12345', 'abcdef', '1234567', '9'.repeat(10_000), `${code}0`, ` ${code}x`, '１２３４５６']) {
      expect(totpStep(secret, bad, NOW), bad.slice(0, 20)).toBeNull();
    }
    expect(totpStep('not base32!', code, NOW)).toBeNull();
    expect(totpStep('', code, NOW)).toBeNull();
  });

  it('builds an otpauth URI with the issuer, account and standard settings', () => {
    const secret = generateTotpSecret();
    const uri = totpUri(secret, 'editor@iom.int');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain('issuer=IOM%20Albania');
    expect(uri).toContain('editor%40iom.int');
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('IOM Albania');
    expect(parsed.label).toBe('editor@iom.int');
    expect(parsed.secret.base32).toBe(secret);
    expect([parsed.algorithm, parsed.digits, parsed.period]).toEqual(['SHA1', 6, 30]);
  });

  it('draws the URI as an SVG QR code', async () => {
    const svg = await totpQrSvg(totpUri(generateTotpSecret(), 'editor@iom.int'));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
  });
});

describe('recovery codes', () => {
  it('generates distinct codes in the xxxxx-xxxxx format without look-alike characters', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    const many = generateRecoveryCodes(500);
    expect(new Set(many).size).toBe(500);
    expect(many.join('')).not.toMatch(/[01ilo]/);
  });

  it('normalizes typed codes and hashes them the same way', () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const compact = code.replace('-', '');
    expect(normalizeRecoveryCode(` ${code.toUpperCase()} `)).toBe(compact);
    expect(normalizeRecoveryCode(`${compact.slice(0, 3)} ${compact.slice(3)}`)).toBe(compact);
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code.toUpperCase())).toBe(hash);
    expect(hashRecoveryCode(compact)).toBe(hash);
    expect(hashRecoveryCode(generateRecoveryCodes(1)[0]!)).not.toBe(hash);
  });
});
