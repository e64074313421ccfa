'use server';

import { revalidatePath } from 'next/cache';
import { saveSiteSettings } from '@/db/admin/site-settings';
import { action, type AdminMessages, type FormAction } from '@/lib/auth/action';
import { fieldsNamed, optionalId, text, version } from '@/lib/form-input';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';
import { type SettingsErrorCode, type SettingsFieldErrors, settingsFormValues, settingsFromForm, SOCIAL_FIELDS, SOCIAL_NETWORKS, TEXT_FIELD_NAMES } from '@/lib/site-settings';

/** What the settings form gets back: the new version, or the newer values (as the form's fields) of a stale save. */
export type SettingsFormState = FormState & { version?: number; conflict?: { version: number; values: Record<string, string> } };

const NETWORK_NAMES = { facebook: 'Facebook', x: 'X', linkedin: 'LinkedIn', instagram: 'Instagram', youtube: 'YouTube' } as const;

function errorMessage(field: string, code: SettingsErrorCode, t: AdminMessages): string {
  if (code === 'tooLong' || code === 'email') return t(`errors.${code}`);
  if (code === 'socialUrl') {
    const network = SOCIAL_NETWORKS.find((n) => SOCIAL_FIELDS[n] === field) ?? 'facebook';
    return t('settings.errors.socialUrl', { network: NETWORK_NAMES[network] });
  }
  return t(`settings.errors.${code}`);
}

function fieldErrorMessages(errors: SettingsFieldErrors, t: AdminMessages): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, code]) => (code ? [[field, errorMessage(field, code, t)]] : [])));
}

/** Administrators only: the wrapper checks the role, and so do db/admin/site-settings.ts and the save's transaction. */
export const saveSiteSettingsAction: FormAction<SettingsFormState> = action(
  {
    role: 'admin',
    form: {
      baseVersion: version,
      ...fieldsNamed(TEXT_FIELD_NAMES, text.default('')),
      shareImageId: optionalId.default(null),
      logoId: optionalId.default(null),
    },
  },
  async ({ input, t, address }) => {
    const { baseVersion, shareImageId, logoId, ...fields } = input;
    const result = await saveSiteSettings(settingsFromForm(fields, { shareImageId, logoId }), baseVersion, address);
    if (!result.ok) {
      if (result.error === 'invalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: fieldErrorMessages(result.fieldErrors, t) };
      if (result.error === 'stale') {
        return { status: 'error', message: t('settings.stale'), conflict: { version: result.current.version, values: settingsFormValues(result.current) } };
      }
      return { status: 'error', message: t('errors.forbidden') };
    }
    // The footer of every public page shows the settings.
    revalidatePublic([], { menu: true });
    revalidatePath('/admin/settings');
    return { status: 'success', message: t('settings.saved'), version: result.version };
  },
);
