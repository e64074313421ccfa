'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { createUserAction, resetTwoFactorAction, setTwoFactorRequirementAction, setUserPasswordAction, changeUserAccessAction } from './actions';

export function CreateUserForm() {
  const t = useTranslations('Admin.users');
  const [state, action, actionPending] = useActionState(createUserAction, idleState);
  return (
    <ActionForm action={action} noValidate aria-labelledby="create-title" className="rounded border border-gray-200 bg-white p-6">
      <h2 id="create-title" className="mb-4 text-xl font-bold">
        {t('createTitle')}
      </h2>
      <FormMessage state={state} />
      <Field name="name" label={t('name')} required maxLength={120} autoComplete="off" error={state.fieldErrors?.name} />
      <Field name="email" type="email" label={t('email')} required maxLength={254} autoComplete="off" error={state.fieldErrors?.email} />
      <div className="mb-4">
        <label htmlFor="create-role" className="block font-semibold">
          {t('role')}
        </label>
        <select id="create-role" name="role" defaultValue="editor" className="mt-1 rounded border border-gray-500 px-3 py-2">
          <option value="editor">{t('roles.editor')}</option>
          <option value="admin">{t('roles.admin')}</option>
        </select>
      </div>
      <Field name="password" type="password" label={t('password')} required maxLength={256} autoComplete="new-password" error={state.fieldErrors?.password} />
      <SubmitButton pending={actionPending}>{t('submitCreate')}</SubmitButton>
    </ActionForm>
  );
}

export function UserRowForms({ id, role, active, name, twoFactor }: { id: number; role: 'admin' | 'editor'; active: boolean; name: string; twoFactor: boolean }) {
  const t = useTranslations('Admin.users');
  const [roleState, roleAction, roleActionPending] = useActionState(changeUserAccessAction, idleState);
  const [activeState, activeAction, activeActionPending] = useActionState(changeUserAccessAction, idleState);
  const [passwordState, passwordAction, passwordActionPending] = useActionState(setUserPasswordAction, idleState);
  const [resetState, resetAction, resetActionPending] = useActionState(resetTwoFactorAction, idleState);
  const shown = [roleState, activeState, passwordState].find((s) => s.message) ?? resetState;
  return (
    <div className="space-y-3">
      <FormMessage state={shown} />
      <ActionForm action={roleAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <div>
          <label htmlFor={`role-${id}`} className="block text-sm font-semibold">
            {t('changeRole')} <span className="sr-only">{name}</span>
          </label>
          <select id={`role-${id}`} name="role" defaultValue={role} className="rounded border border-gray-500 px-2 py-1">
            <option value="editor">{t('roles.editor')}</option>
            <option value="admin">{t('roles.admin')}</option>
          </select>
        </div>
        <SubmitButton pending={roleActionPending} variant="secondary">{t('saveRole')}</SubmitButton>
      </ActionForm>
      <ActionForm action={activeAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <SubmitButton pending={activeActionPending} variant="secondary">
          {active ? t('deactivate') : t('reactivate')} <span className="sr-only">{name}</span>
        </SubmitButton>
      </ActionForm>
      <ActionForm action={passwordAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <div>
          <label htmlFor={`password-${id}`} className="block text-sm font-semibold">
            {t('newPassword')} <span className="sr-only">{name}</span>
          </label>
          <input
            id={`password-${id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            maxLength={256}
            aria-invalid={passwordState.fieldErrors?.password ? true : undefined}
            aria-describedby={passwordState.fieldErrors?.password ? `password-${id}-error` : undefined}
            className="rounded border border-gray-500 px-2 py-1"
          />
          {passwordState.fieldErrors?.password ? (
            <p id={`password-${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
              {passwordState.fieldErrors.password}
            </p>
          ) : null}
        </div>
        <SubmitButton pending={passwordActionPending} variant="secondary">{t('setPassword')}</SubmitButton>
      </ActionForm>
      {twoFactor ? (
        <ActionForm action={resetAction}>
          <input type="hidden" name="id" value={id} />
          <p className="mb-1 max-w-md text-sm text-muted">
            {t('resetTwoFactorHint')}
          </p>
          <SubmitButton pending={resetActionPending} variant="secondary">
            {t('resetTwoFactor')} <span className="sr-only">{name}</span>
          </SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}

export function RequireTwoFactorForm({ required }: { required: boolean }) {
  const t = useTranslations('Admin.twoFactor');
  const [state, action, pending] = useActionState(setTwoFactorRequirementAction, idleState);
  return (
    <ActionForm action={action} className="mt-6 rounded border border-gray-200 bg-white p-6">
      <FormMessage state={state} />
      <div className="mb-4 flex items-center gap-2">
        <input id="require-two-factor" name="required" type="checkbox" defaultChecked={required} className="h-5 w-5" />
        <label htmlFor="require-two-factor" className="font-semibold">
          {t('requireLabel')}
        </label>
      </div>
      <SubmitButton variant="secondary" pending={pending}>
        {t('requireSave')}
      </SubmitButton>
    </ActionForm>
  );
}
