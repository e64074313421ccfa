import type { getTranslations } from 'next-intl/server';
import type { FieldErrorCode, FieldErrors } from '@/db/content/common';

type AdminMessages = Awaited<ReturnType<typeof getTranslations<'Admin'>>>;

/** Where each refusal's message lives: the general errors, the page address rules, or the editor's own. */
const KEY = {
  required: 'errors.required',
  tooLong: 'errors.tooLong',
  slugInvalid: 'editor.errors.slugInvalid',
  slugTaken: 'editor.errors.slugTaken',
  pathInvalid: 'pages.errors.pathInvalid',
  pathReserved: 'pages.errors.pathReserved',
  pathTaken: 'pages.errors.pathTaken',
  pathTakenTrash: 'pages.errors.pathTakenTrash',
  heroNoAlt: 'editor.errors.heroNoAlt',
  bodyImageNoAlt: 'editor.errors.bodyImageNoAlt',
  pastDate: 'editor.errors.pastDate',
  emptyBody: 'editor.errors.emptyBody',
  notPublished: 'editor.errors.notPublished',
  closingPassed: 'vacancies.errors.closingPassed',
  howToApplyMissing: 'vacancies.errors.howToApplyMissing',
} as const satisfies Record<Exclude<FieldErrorCode, 'bodyImageUnknown'>, string>;

/**
 * The message of every refused field of a translation (news, pages: the one
 * error shape of db/content/common.ts). `unknownImages`: the images a
 * 'bodyImageUnknown' error names.
 */
export function fieldErrorMessages(errors: FieldErrors, unknownImages: string[] | undefined, t: AdminMessages): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, code] of Object.entries(errors)) {
    if (!code) continue;
    out[field] = code === 'bodyImageUnknown' ? t('editor.errors.bodyImageUnknown', { files: (unknownImages ?? []).join(', ') }) : t(KEY[code]);
  }
  return out;
}
