import 'server-only';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import { adminLocale } from '@/lib/admin-locale';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';
import { type FormShape, parseForm } from '@/lib/form-input';
import { AuthorizationError, getCurrentUser, requireUser, type StaffUser } from './session';

/**
 * THE way into a server action: every exported action of the editor area
 * (and signing in, signing out, the first administrator) is declared with
 * `action(declaration, body)`. The declaration says who may call it and what
 * it takes; the wrapper then, in this order:
 *
 * 1. checks the session: `role` 'editor' is any signed-in staff member,
 *    'admin' an administrator, 'anyone' open (signing in is how a session
 *    starts). A refusal answers `{ status: 'error', step: 'unauthorized' |
 *    'forbidden' }` with the message in the user's language, as does one
 *    thrown by the data layer's own check (db/admin/* start with requireUser);
 *    staff without two-factor sign-in when it is required are refused unless
 *    `beforeTwoFactor` (My account, where they turn it on);
 * 2. reads the input: `form`, a shape of zod schemas read from the form's
 *    FormData (lib/form-input.ts), or `input`, one schema for an action
 *    called with an argument. Anything else — a forged call with the wrong
 *    types, fields missing, repeated or out of range, no form at all —
 *    answers the localized errors.invalid, and nothing is logged;
 * 3. runs `body` with `{ me, input, t, locale, address }`: the user (null
 *    only for 'anyone' without a session), the checked input, the Admin
 *    messages in the user's language, that language, and the client's
 *    address for throttling and the audit log.
 *
 * The declared role is kept for each action (`declaredRole`): the
 * end-to-end sweep in tests/e2e/admin-auth.test.ts reads it to call every
 * admin action as an editor, and every staff action anonymously.
 */

export type ActionRole = 'anyone' | 'editor' | 'admin';
export type AdminMessages = Awaited<ReturnType<typeof getTranslations<'Admin'>>>;

export type ActionContext<R extends ActionRole, I> = {
  me: R extends 'anyone' ? StaffUser | null : StaffUser;
  input: I;
  t: AdminMessages;
  locale: Locale;
  address: string;
};

type Declaration<R extends ActionRole> = { role: R; beforeTwoFactor?: boolean };
type Body<R extends ActionRole, I, State> = (context: ActionContext<R, I>) => Promise<State>;

/** A form's action, as useActionState and <form action> call it. */
export type FormAction<State extends FormState = FormState> = (previous: State, formData: FormData) => Promise<State>;
/** An action called with one argument (the tree's drag and drop, the image dialog's search). */
export type CallAction<Input, State extends FormState = FormState> = (input: Input) => Promise<State>;

const roles = new WeakMap<object, ActionRole>();

/** The role an action was declared with; undefined for a function that did not go through `action`. */
export function declaredRole(fn: unknown): ActionRole | undefined {
  return typeof fn === 'function' ? roles.get(fn) : undefined;
}

export function action<const R extends ActionRole, S extends FormShape, State extends FormState = FormState>(
  declaration: Declaration<R> & { form: S },
  body: Body<R, z.output<z.ZodObject<S>>, NoInfer<State>>,
): FormAction<State>;
export function action<const R extends ActionRole, S extends z.ZodType, State extends FormState = FormState>(
  declaration: Declaration<R> & { input: S },
  body: Body<R, z.output<S>, NoInfer<State>>,
): CallAction<z.input<S>, State>;
export function action(
  declaration: Declaration<ActionRole> & ({ form: FormShape } | { input: z.ZodType }),
  // Each overload's body takes its own context; `never` accepts them all.
  body: (context: never) => Promise<FormState>,
): (...args: unknown[]) => Promise<FormState> {
  const run = async (...args: unknown[]): Promise<FormState> => {
    let me: StaffUser | null;
    try {
      me =
        declaration.role === 'anyone'
          ? await getCurrentUser()
          : await requireUser(declaration.role === 'admin' ? 'admin' : undefined, { allowWithoutTwoFactor: declaration.beforeTwoFactor });
    } catch (error) {
      return refusal(error);
    }
    const locale = me?.preferredLocale ?? (await adminLocale());
    const t = await getTranslations({ locale, namespace: 'Admin' });
    const input = readInput(declaration, args);
    if (input === null) return { status: 'error', message: t('errors.invalid') };
    try {
      const context: ActionContext<ActionRole, unknown> = { me, input: input.value, t, locale, address: clientAddress(await headers()) };
      return await body(context as never);
    } catch (error) {
      return refusal(error);
    }
  };
  roles.set(run, declaration.role);
  return run;
}

function readInput(declaration: { form: FormShape } | { input: z.ZodType }, args: unknown[]): { value: unknown } | null {
  if ('form' in declaration) {
    // useActionState calls (previous state, FormData), with JavaScript or without.
    const value = args.length === 2 ? parseForm(declaration.form, args[1]) : null;
    return value === null ? null : { value };
  }
  const parsed = declaration.input.safeParse(args[0]);
  return parsed.success && args.length <= 1 ? { value: parsed.data } : null;
}

/** A refused authorization as the form's answer; anything else (a redirect too) goes on up. */
async function refusal(error: unknown): Promise<FormState> {
  if (!(error instanceof AuthorizationError)) throw error;
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.errors' });
  const kind = error.status === 401 ? 'unauthorized' : 'forbidden';
  return { status: 'error', step: kind, message: t(kind) };
}
