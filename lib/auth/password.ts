import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';

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

/** The site's own words, which an attacker of this site tries first: the organisation, the country and the capital, in both languages. */
const SITE_WORDS = ['iom', 'migration', 'migracion', 'unmigration', 'albania', 'shqiperia', 'shqipëria', 'shqiperi', 'tirana', 'tiranë', 'tirane'];

/** The local part of an email, '' when there is none. */
function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(0, at) : '';
}

/** Letters and digits only, lower case, accents removed: 'Ëndrit Hoxha' and 'endrit-hoxha' are both 'endrithoxha'. */
function bare(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * What zxcvbn is told about this account, so that a password built on it
 * scores low: the email, its local part and pieces, the name and its
 * parts, and SITE_WORDS.
 */
function userInputs(context: { email?: string; name?: string }): string[] {
  const email = context.email?.trim().toLowerCase() ?? '';
  const local = emailLocalPart(email);
  const name = context.name?.trim().toLowerCase() ?? '';
  const words = [email, local, ...local.split(/[._+-]+/), name, bare(name), ...name.split(/\s+/), ...SITE_WORDS];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/** The score (0–4) zxcvbn must give a password: 3 is "safely unguessable" against an online attack and a slow offline one. */
export const PASSWORD_MIN_SCORE = 3;

/** The keys of zxcvbn's feedback; the forms turn them into the user's language (Admin.passwordFeedback). */
export type PasswordWarning = keyof TranslationKeys['warnings'];
export type PasswordSuggestion = keyof TranslationKeys['suggestions'];
export type PasswordFeedback = { warning: PasswordWarning | null; suggestions: PasswordSuggestion[] };

export type PasswordProblem = { code: 'too_short' | 'too_long' | 'contains_email' | 'contains_name' } | { code: 'weak'; feedback: PasswordFeedback };

/**
 * zxcvbn reads only this many first characters, and tries at most 25 l33t
 * substitutions: on 256 characters its matchers took up to 4 s of CPU
 * ('1' × 256), on 64 about 0.4 s at most. A strong start makes a strong
 * password; a weak start is refused, which errs on the safe side.
 */
const ESTIMATED_LENGTH = 64;

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn with the common-password and word dictionaries of
 * @zxcvbn-ts/language-common, loaded on first use (about 0.3 s) by a
 * dynamic import: only code that sets a password gets here, so the
 * dictionaries are in no page's bundle. Its translations are left at their
 * default, the keys themselves, which the forms translate.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, maxLength: ESTIMATED_LENGTH, l33tMaxSubstitutions: 25 }),
    (error: unknown) => {
      estimator = undefined;
      throw error;
    },
  );
  return estimator;
}

/**
 * The first problem that makes the password unacceptable, or null when it
 * is fine: its length, the person's own email (in any case) or name (in
 * any case, spacing, punctuation or accents) in it, then zxcvbn's estimate,
 * which must reach PASSWORD_MIN_SCORE. Long passphrases of ordinary words
 * pass: length matters more than symbols.
 */
export async function checkPasswordPolicy(plain: string, context: { email?: string; name?: string } = {}): Promise<PasswordProblem | null> {
  if (isTooLong(plain)) return { code: 'too_long' };
  if (codePointLength(plain) < PASSWORD_MIN_LENGTH) return { code: 'too_short' };
  const lower = plain.normalize('NFC').toLowerCase();
  const email = context.email?.trim().toLowerCase() ?? '';
  const local = emailLocalPart(email);
  if ((email && lower.includes(email)) || ([...local].length >= 4 && lower.includes(local))) return { code: 'contains_email' };
  const name = bare(context.name ?? '');
  if ([...name].length >= 4 && bare(plain).includes(name)) return { code: 'contains_name' };
  const result = (await zxcvbn()).check(plain, userInputs(context));
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  return { code: 'weak', feedback: { warning: (warning || null) as PasswordWarning | null, suggestions: suggestions as PasswordSuggestion[] } };
}
