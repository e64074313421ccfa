import { z } from 'zod';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, type PasswordFeedback, type PasswordProblem, type PasswordSuggestion, type PasswordWarning } from '@/lib/auth/password';

export const MAX_EMAIL_LENGTH = 254;
/** Longer input is refused before anything else (the policy's limit is 256 characters; UTF-16 may need more units). */
export const MAX_PASSWORD_INPUT = PASSWORD_MAX_LENGTH * 4;

/** Error keys under Admin.errors; the forms turn them into the user's language. */
export type ErrorKey =
  | 'required'
  | 'email'
  | 'tooLong'
  | 'emailTaken'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordWeak'
  | 'passwordContainsEmail'
  | 'passwordContainsName'
  | 'passwordMismatch'
  | 'currentPassword';

const POLICY_ERRORS = {
  too_short: 'passwordTooShort',
  too_long: 'passwordTooLong',
  weak: 'passwordWeak',
  contains_email: 'passwordContainsEmail',
  contains_name: 'passwordContainsName',
} as const satisfies Record<PasswordProblem['code'], ErrorKey>;

/** A refused new password: the error, and for a weak one zxcvbn's warning and suggestions. */
export type PasswordError = { key: ErrorKey; feedback?: PasswordFeedback };

export const nameSchema = z.string().trim().min(1, 'required').max(120, 'tooLong');
export const emailSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MAX_EMAIL_LENGTH, 'tooLong')
  .pipe(z.email('email'))
  .transform((e) => e.toLowerCase());
export const roleSchema = z.enum(['admin', 'editor']);
export const localeSchema = z.enum(['en', 'sq']);

/**
 * A new password: the policy (length, not the person's email or name,
 * zxcvbn's score) and the confirmation. `person` is whose password it is.
 */
export async function newPasswordError(password: string, confirm: string | null, person: { email?: string; name?: string } = {}): Promise<PasswordError | null> {
  if (!password) return { key: 'required' };
  if (password.length > MAX_PASSWORD_INPUT) return { key: 'passwordTooLong' };
  const problem = await checkPasswordPolicy(password, person);
  if (problem) return { key: POLICY_ERRORS[problem.code], ...('feedback' in problem ? { feedback: problem.feedback } : {}) };
  if (confirm !== null && password !== confirm) return { key: 'passwordMismatch' };
  return null;
}

type PasswordMessageKey = `errors.${ErrorKey}` | `passwordFeedback.warnings.${PasswordWarning}` | `passwordFeedback.suggestions.${PasswordSuggestion}`;

/**
 * The error in words, from the Admin messages: for a weak password, ours
 * followed by zxcvbn's warning and suggestions, each in the user's language.
 */
export function passwordErrorMessage(error: PasswordError, t: (key: PasswordMessageKey) => string): string {
  const feedback = error.feedback;
  if (!feedback) return t(`errors.${error.key}`);
  return [
    t(`errors.${error.key}`),
    ...(feedback.warning ? [t(`passwordFeedback.warnings.${feedback.warning}`)] : []),
    ...feedback.suggestions.map((s) => t(`passwordFeedback.suggestions.${s}`)),
  ].join(' ');
}

/** zod issues as { field: errorKey }. */
export function fieldErrorKeys(error: z.ZodError): Record<string, ErrorKey> {
  const out: Record<string, ErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= (['required', 'email', 'tooLong'].includes(issue.message) ? issue.message : 'required') as ErrorKey;
  }
  return out;
}
