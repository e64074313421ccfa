import fs from 'node:fs';
import path from 'node:path';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 12;
/** Longer input is refused before hashing, so hostile megabyte "passwords" stay cheap to turn away. */
export const PASSWORD_MAX_LENGTH = 256;

/** OWASP's recommended argon2id settings (19 MiB, 2 passes, 1 lane). */
const ARGON2_OPTIONS = {
  /** Algorithm.Argon2id: the package's const enum cannot be read under isolatedModules. */
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * An argon2id hash of a random, forgotten password with the same settings as
 * ARGON2_OPTIONS. Verifying against it costs what a real check costs, so a
 * sign-in for an unknown email takes as long as one for a known email.
 */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$tQPTmI1ZydLSbd5eSZ21pA$bn8P1hZnYAan8PX4pEdG/uuPGoq7Sdk7pAVpgNmd4TU';

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** Length in Unicode code points of the NFC form, so 'ë' counts once however it was typed. */
function codePointLength(plain: string): number {
  return [...plain.normalize('NFC')].length;
}

/** Cheap upper bound first: a UTF-16 string has at least half as many code points as units. */
function isTooLong(plain: string): boolean {
  if (plain.length > PASSWORD_MAX_LENGTH * 2) return true;
  return codePointLength(plain) > PASSWORD_MAX_LENGTH;
}

/** An argon2id hash (PHC string) of the password. The caller checks the policy first. */
export async function hashPassword(plain: string): Promise<string> {
  if (isTooLong(plain)) throw new RangeError('Password longer than PASSWORD_MAX_LENGTH');
  return hash(plain, ARGON2_OPTIONS);
}

/** True when the password matches the hash; false for a malformed hash or over-long input, never throws. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  if (isTooLong(plain)) return false;
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** Spends the time of a real verification and fails: used when no user has the email typed. */
export async function verifyDummyPassword(plain: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, plain);
  return false;
}

let commonPasswords: Set<string> | undefined;

/** The shipped list of weak passwords, read once on first use. */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const file = path.join(process.cwd(), 'lib', 'auth', 'common-passwords.txt');
    const text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
    commonPasswords = new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => line.toLowerCase()),
    );
  }
  return commonPasswords;
}

/** Sequences whose straight runs people type as passwords: digits, the alphabet, keyboard rows. */
const RUN_SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/** True for a run along a sequence, forwards or backwards, wrapping round ('123456789012'). */
function isPlainRun(chars: string[]): boolean {
  if (chars.length < 2) return false;
  const text = chars.join('');
  return RUN_SEQUENCES.some((sequence) => {
    const cycle = sequence.repeat(Math.ceil(chars.length / sequence.length) + 1);
    const reversed = [...cycle].reverse().join('');
    return cycle.includes(text) || reversed.includes(text);
  });
}

/** True when the text is one short unit (up to 4 characters) repeated: 'aaaaaaaaaaaa', 'abcabcabcabc'. */
function isRepetition(chars: string[]): boolean {
  for (let unit = 1; unit <= 4 && unit < chars.length; unit++) {
    if (chars.length % unit === 0 && chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/** Guessable shape regardless of any list: a repetition or a plain run. */
function isPredictable(chars: string[]): boolean {
  return isRepetition(chars) || isPlainRun(chars);
}

/** The password without the digits and punctuation people tack on to reach a length rule. */
function stripSuffix(lower: string): string {
  return lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
}

/** The lower-cased local part of an email, '' when there is none. */
function emailLocalPart(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  return at > 0 ? trimmed.slice(0, at) : '';
}

/** The person's name without spaces ('arbenhoxha'), a word an attacker tries first for this account. */
function compactName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

function isCommon(lower: string, name?: string): boolean {
  const list = loadCommonPasswords();
  const stripped = stripSuffix(lower);
  const candidates = stripped && stripped !== lower ? [lower, stripped] : [lower];
  if (candidates.some((candidate) => list.has(candidate))) return true;
  if (isPredictable([...lower])) return true;
  // 'abcdefgh1234' or 'aaaaaaaa!!': a predictable stem with a suffix; short stems are left alone
  // so that a random digit tail after two letters is not refused.
  if (stripped !== lower && [...stripped].length >= 8 && isPredictable([...stripped])) return true;
  const ownName = name ? compactName(name) : '';
  return ownName.length >= 4 && candidates.includes(ownName);
}

/**
 * The first problem that makes the password unacceptable, or null when it is fine.
 * Long passphrases of ordinary words pass: length matters more than symbols.
 */
export function checkPasswordPolicy(
  plain: string,
  context: { email?: string; name?: string } = {},
): PasswordProblem | null {
  if (isTooLong(plain)) return 'too_long';
  if (codePointLength(plain) < PASSWORD_MIN_LENGTH) return 'too_short';
  const lower = plain.normalize('NFC').toLowerCase();
  if (isCommon(lower, context.name)) return 'common';
  const local = context.email ? emailLocalPart(context.email) : '';
  if ([...local].length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}
