import 'server-only';
import { getTranslations } from 'next-intl/server';
import { adminLocale } from '@/lib/admin-locale';
import type { FormState } from '@/lib/form-state';
import { AuthorizationError } from './session';

/**
 * Runs a form action's body and turns a refused authorization (thrown by
 * requireUser inside it) into a localized answer for the form. The refusal
 * is marked `step: 'unauthorized' | 'forbidden'` so callers — and the test
 * that tries every action anonymously — can tell it from a validation error.
 */
export async function guarded<T extends FormState>(run: () => Promise<T>): Promise<T | FormState> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.errors' });
    const kind = error.status === 401 ? 'unauthorized' : 'forbidden';
    return { status: 'error', step: kind, message: t(kind) };
  }
}
