import { Options } from '@zxcvbn-ts/core';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPasswordPolicy,
  hashPassword,
  verifyDummyPassword,
  verifyPassword,
} from '@/lib/auth/password';
import { newPasswordError, passwordErrorMessage } from '@/lib/auth/validation';
import en from '@/messages/en.json';
import sq from '@/messages/sq.json';

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
  it('accepts a long passphrase of ordinary words', async () => {
    expect(await checkPasswordPolicy('Lumi i Drinit rrjedh ngadalë')).toBeNull();
    expect(await checkPasswordPolicy('Lumi i Drinit rrjedh ngadalë', { email: 'arben.hoxha@iom.int', name: 'Arben Hoxha' })).toBeNull();
    expect(await checkPasswordPolicy('Ura e Tabakëve në Tiranë', { email: 'erion@iom.int', name: 'Erion Editor' })).toBeNull();
    expect(await checkPasswordPolicy('kx7#Pq2!vZ9m')).toBeNull();
  });

  it('counts length in code points', async () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(await checkPasswordPolicy('kx7#Pq2!vZ9')).toEqual({ code: 'too_short' });
    expect(await checkPasswordPolicy('')).toEqual({ code: 'too_short' });
    // Eleven emoji are 22 UTF-16 units but still too short.
    expect(await checkPasswordPolicy('🐐🦅🌄🏔🌊🍇🫒🧀🥖🍅🌶')).toEqual({ code: 'too_short' });
    // 'ë' typed as e + combining diaeresis counts once.
    expect(await checkPasswordPolicy('kx7#Pq2!vZe\u0308')).toEqual({ code: 'too_short' });
  });

  it('refuses input over the maximum, even when huge', async () => {
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    expect(await checkPasswordPolicy('kx7#Pq2!vZ9m'.repeat(21).slice(0, 256))).toBeNull();
    expect(await checkPasswordPolicy('kx7#Pq2!vZ9m'.repeat(22).slice(0, 257))).toEqual({ code: 'too_long' });
    expect(await checkPasswordPolicy('x'.repeat(10_000))).toEqual({ code: 'too_long' });
    expect(await checkPasswordPolicy('🐐'.repeat(10_000))).toEqual({ code: 'too_long' });
  });

  it("refuses what zxcvbn scores below 3, with the library's own warning and suggestions", async () => {
    const weak = async (password: string) => {
      const problem = await checkPasswordPolicy(password);
      expect(problem?.code, password).toBe('weak');
      return problem && 'feedback' in problem ? problem.feedback : null;
    };
    // From its dictionary of common passwords, also with a suffix people add to reach twelve characters.
    expect(await weak('password1234')).toEqual({ warning: 'similarToCommon', suggestions: ['anotherWord'] });
    expect(await weak('123456789012')).toEqual({ warning: 'common', suggestions: ['anotherWord'] });
    expect(await weak('qwertyuiop12')).toMatchObject({ warning: 'similarToCommon' });
    expect(await weak('iloveyou1234')).toMatchObject({ suggestions: expect.arrayContaining(['anotherWord']) });
    expect(await weak('welcome12345')).toMatchObject({ warning: 'similarToCommon' });
    // Shapes rather than words.
    expect(await weak('aaaaaaaaaaaa')).toEqual({ warning: 'simpleRepeat', suggestions: ['anotherWord', 'repeated'] });
    expect(await weak('abcdefghijkl')).toEqual({ warning: 'sequences', suggestions: ['anotherWord', 'sequences'] });
    // The site's own words (organisation, country, capital) count as known to an attacker.
    expect(await weak('Tirana123456')).toMatchObject({ warning: 'userInputs' });
    expect(await weak('shqiperia123')).toMatchObject({ warning: 'userInputs' });
    expect(await weak('unmigration2026')).toMatchObject({ warning: 'userInputs' });
  });

  it("refuses a password that contains the person's email, or its local part", async () => {
    const context = { email: 'Arben.Hoxha@iom.int' };
    expect(await checkPasswordPolicy('my-arben.hoxha-secret', context)).toEqual({ code: 'contains_email' });
    expect(await checkPasswordPolicy('ARBEN.HOXHA was here!', context)).toEqual({ code: 'contains_email' });
    expect(await checkPasswordPolicy('my-arben.hoxha-secret')).toBeNull();
    // A local part under four characters is too common a substring to refuse on; the whole address is not.
    expect(await checkPasswordPolicy('a big ben clock in town', { email: 'ben@iom.int' })).toBeNull();
    expect(await checkPasswordPolicy('Ben@IOM.int rides to Vlorë', { email: 'ben@iom.int' })).toEqual({ code: 'contains_email' });
  });

  it("refuses a password that contains the person's name, whatever the case, spaces, punctuation or accents", async () => {
    expect(await checkPasswordPolicy('ArbenHoxha2024!', { name: 'Arben Hoxha' })).toEqual({ code: 'contains_name' });
    expect(await checkPasswordPolicy('the sea at endrit-hoxha beach', { name: 'Ëndrit Hoxha' })).toEqual({ code: 'contains_name' });
    expect(await checkPasswordPolicy('ArbenHoxha2024!')).toBeNull();
    // A name under four letters is too common a substring to refuse on.
    expect(await checkPasswordPolicy('a cinema ticket for two', { name: 'Ema' })).toBeNull();
  });

  it('shows the refusal in the user’s language, with our words for the library’s feedback', async () => {
    const problem = await newPasswordError('password1234', 'password1234', { email: 'ana@iom.int', name: 'Ana Admin' });
    expect(problem).toEqual({ key: 'passwordWeak', feedback: { warning: 'similarToCommon', suggestions: ['anotherWord'] } });
    const inEnglish = createTranslator({ locale: 'en', messages: en, namespace: 'Admin' });
    const inAlbanian = createTranslator({ locale: 'sq', messages: sq, namespace: 'Admin' });
    expect(passwordErrorMessage(problem!, inEnglish)).toBe(
      'This password is too easy to guess. This is close to a commonly used password. Add more words, less common ones.',
    );
    expect(passwordErrorMessage(problem!, inAlbanian)).toBe(
      'Ky fjalëkalim merret me mend shumë lehtë. Ky i ngjan një fjalëkalimi që përdoret shpesh. Shtoni më shumë fjalë, më pak të zakonshme.',
    );
    expect(passwordErrorMessage((await newPasswordError('AnaAdmin is here 1', null, { name: 'Ana Admin' }))!, inAlbanian)).toBe(
      'Fjalëkalimi nuk duhet të përmbajë emrin e personit që do ta përdorë.',
    );
    expect(await newPasswordError('Lumi i Drinit rrjedh ngadalë', 'Lumi i Drinit rrjedh ngadale', {})).toEqual({ key: 'passwordMismatch' });
    expect(await newPasswordError('Lumi i Drinit rrjedh ngadalë', 'Lumi i Drinit rrjedh ngadalë', {})).toBeNull();
  });

  it('has a message in both languages for every warning and suggestion zxcvbn can give', () => {
    // Without translations of its own, zxcvbn's translations are its keys.
    const keys = new Options().translations;
    for (const messages of [en, sq]) {
      expect(Object.keys(messages.Admin.passwordFeedback.warnings).sort()).toEqual(Object.keys(keys.warnings).sort());
      expect(Object.keys(messages.Admin.passwordFeedback.suggestions).sort()).toEqual(Object.keys(keys.suggestions).sort());
    }
  });
});
