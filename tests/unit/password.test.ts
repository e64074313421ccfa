import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPasswordPolicy,
  hashPassword,
  verifyDummyPassword,
  verifyPassword,
} from '@/lib/auth/password';

const listFile = path.join(process.cwd(), 'lib', 'auth', 'common-passwords.txt');
const listEntries = fs
  .readFileSync(listFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP settings and verifies the same password only', async () => {
    const hash = await hashPassword('Lumi i Drinit rrjedh ngadalë');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Lumi i Drinit rrjedh ngadalë')).toBe(true);
    expect(await verifyPassword(hash, 'lumi i drinit rrjedh ngadalë')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('answers false for a malformed hash instead of throwing', async () => {
    for (const bad of ['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$broken', '$2b$10$abcdefghijklmnopqrstuv']) {
      await expect(verifyPassword(bad, 'whatever password')).resolves.toBe(false);
    }
  });

  it('refuses over-long input before hashing', async () => {
    const hostile = 'x'.repeat(10_000);
    await expect(hashPassword(hostile)).rejects.toThrow(RangeError);
    const hash = await hashPassword('a fine long passphrase');
    expect(await verifyPassword(hash, hostile)).toBe(false);
  });

  it('always fails the dummy verification', async () => {
    expect(await verifyDummyPassword('any password at all')).toBe(false);
    expect(await verifyDummyPassword('')).toBe(false);
  });
});

describe('password policy', () => {
  it('accepts a long passphrase of ordinary words', () => {
    expect(checkPasswordPolicy('Lumi i Drinit rrjedh ngadalë')).toBeNull();
    expect(checkPasswordPolicy('Lumi i Drinit rrjedh ngadalë', { email: 'arben.hoxha@iom.int', name: 'Arben Hoxha' })).toBeNull();
    expect(checkPasswordPolicy('kx7#Pq2!vZ9m')).toBeNull();
  });

  it('counts length in code points', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(checkPasswordPolicy('kx7#Pq2!vZ9')).toBe('too_short');
    expect(checkPasswordPolicy('')).toBe('too_short');
    // Eleven emoji are 22 UTF-16 units but still too short.
    expect(checkPasswordPolicy('🐐🦅🌄🏔🌊🍇🫒🧀🥖🍅🌶')).toBe('too_short');
    // 'ë' typed as e + combining diaeresis counts once.
    expect(checkPasswordPolicy('kx7#Pq2!vZe\u0308')).toBe('too_short');
  });

  it('refuses input over the maximum, even when huge', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    expect(checkPasswordPolicy('kx7#Pq2!vZ9m'.repeat(21).slice(0, 256))).toBeNull();
    expect(checkPasswordPolicy('kx7#Pq2!vZ9m'.repeat(22).slice(0, 257))).toBe('too_long');
    expect(checkPasswordPolicy('x'.repeat(10_000))).toBe('too_long');
    expect(checkPasswordPolicy('🐐'.repeat(10_000))).toBe('too_long');
  });

  it('ships a list of lower-case entries', () => {
    expect(listEntries.length).toBeGreaterThanOrEqual(300);
    for (const entry of listEntries) expect(entry).toBe(entry.trim().toLowerCase());
    expect(new Set(listEntries).size).toBe(listEntries.length);
  });

  it('refuses passwords from the list, in any case and with a suffix added', () => {
    for (const password of [
      'password1234',
      'Password1234',
      'iloveyou1234',
      'administrator',
      'welcome12345',
      'passwordpassword',
      'Tirana123456',
      'shqiperia123',
      'Albania12345',
      'fjalekalim123',
      'iomalbania2024',
      'IOMAlbania2027!',
      'unmigration2026',
      'Fjalekalimi!2024',
      'correcthorsebatterystaple',
      'qwertyuiop12',
      'Shqipëria2025?',
    ]) {
      expect(checkPasswordPolicy(password), password).toBe('common');
    }
    const withSuffix = listEntries.filter((entry) => /[a-z]$/.test(entry)).slice(0, 50);
    for (const entry of withSuffix) expect(checkPasswordPolicy(`${entry}123456789!`), entry).toBe('common');
  });

  it('refuses repeated characters and plain runs', () => {
    for (const password of [
      'aaaaaaaaaaaa',
      '!!!!!!!!!!!!!',
      'abcabcabcabc',
      '123456789012',
      '210987654321',
      'abcdefghijkl',
      'ZYXWVUTSRQPO',
      'qwertyuiopasdf',
      'abcdefgh1234',
      'Mmmmmmmmmmmm!',
    ]) {
      expect(checkPasswordPolicy(password), password).toBe('common');
    }
  });

  it("refuses a password that contains the email's local part", () => {
    const context = { email: 'Arben.Hoxha@iom.int' };
    expect(checkPasswordPolicy('my-arben.hoxha-secret', context)).toBe('contains_email');
    expect(checkPasswordPolicy('ARBEN.HOXHA was here!', context)).toBe('contains_email');
    expect(checkPasswordPolicy('my-arben.hoxha-secret')).toBeNull();
    // A local part under four characters is too common a substring to refuse on.
    expect(checkPasswordPolicy('a big ben clock in town', { email: 'ben@iom.int' })).toBeNull();
  });

  it("refuses the person's own name with a suffix", () => {
    expect(checkPasswordPolicy('ArbenHoxha2024!', { name: 'Arben Hoxha' })).toBe('common');
    expect(checkPasswordPolicy('ArbenHoxha2024!')).toBeNull();
  });
});
