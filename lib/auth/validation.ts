import { z } from 'zod';
import { checkPasswordPolicy } from '@/lib/auth/password';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_INPUT } from '@/db/auth/sign-in';

/** Error keys under Admin.errors; the forms turn them into the user's language. */
export type ErrorKey =
  | 'required'
  | 'email'
  | 'tooLong'
  | 'emailTaken'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordCommon'
  | 'passwordContainsEmail'
  | 'passwordMismatch'
  | 'currentPassword';

const POLICY_ERRORS = {
  too_short: 'passwordTooShort',
  too_long: 'passwordTooLong',
  common: 'passwordCommon',
  contains_email: 'passwordContainsEmail',
} as const;

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

/** A new password: the policy (length, common list, not the email) and the confirmation. */
export function newPasswordError(password: string, confirm: string | null, email?: string): ErrorKey | null {
  if (!password) return 'required';
  if (password.length > MAX_PASSWORD_INPUT) return 'passwordTooLong';
  const problem = checkPasswordPolicy(password, { email });
  if (problem) return POLICY_ERRORS[problem];
  if (confirm !== null && password !== confirm) return 'passwordMismatch';
  return null;
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
