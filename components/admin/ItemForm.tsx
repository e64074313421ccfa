'use client';

import { type ReactNode, useActionState, useRef } from 'react';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { useUnsavedForm } from '@/components/admin/UnsavedChanges';
import { type FormState, idleState } from '@/lib/form-state';

/**
 * A form of what an item has once for all its languages (an article's kind
 * and themes, a page's main image, publications or link): the action's
 * state, and the warning before leaving it edited and unsaved.
 */
export function useItemForm<S extends FormState>(serverAction: (state: Awaited<S>, formData: FormData) => Promise<S>) {
  const [state, action, pending] = useActionState(serverAction, idleState as Awaited<S>);
  const formRef = useRef<HTMLFormElement>(null);
  useUnsavedForm(formRef, state);
  return { state, action, pending, formRef };
}

/** Inside such a form: its answer, the item's id (and whatever else `hidden` holds), its fields, its save button. */
export function ItemFormBody({
  state,
  pending,
  hidden,
  submitLabel,
  children,
}: {
  state: FormState;
  pending: boolean;
  hidden: Record<string, string | number>;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="mt-4">
        <SubmitButton pending={pending} variant="secondary">
          {submitLabel}
        </SubmitButton>
      </div>
    </>
  );
}
